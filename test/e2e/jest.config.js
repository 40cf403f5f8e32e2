/**
 * The end-to-end tests (`npm run test:e2e`): the stand-alone page in Debian's Chromium,
 * driven by playwright-core. One file at a time: each runs a browser, and the machines
 * have two cores.
 */
const path = require("node:path");

module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  maxWorkers: 1,
  testTimeout: 180000,
};
