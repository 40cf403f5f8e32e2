/**
 * One jest run for everything. Core, adapters and scripts run in node; components
 * (`*.test.tsx`) in jsdom. Slow suites that need LibreOffice or Chromium live in their
 * own projects so they can be run alone (`npm run test:lo`, `npm run test:e2e`).
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];

const base = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/scripts/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
      // Chromium suites need a build and a browser: test/e2e/jest.config.js runs them.
      testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
    },
    {
      ...base,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/src/**/*.test.tsx"],
    },
  ],
};
