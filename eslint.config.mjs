import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// The engine must run anywhere (Excel, Node, a Web Worker), so it may not reach for any host.
const coreRestrictedImports = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core is host-neutral: no UI." },
    { group: ["office-js", "@microsoft/office-js", "office-addin-*"], message: "src/core is host-neutral: no Office.js." },
    { group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "stream", "zlib", "crypto", "url", "util", "buffer"], message: "src/core is host-neutral: no Node modules." },
    { group: ["exceljs", "fflate", "../excel/*", "../xlsx/*", "../cli/*", "../taskpane/*", "../../excel/*", "../../xlsx/*", "../../cli/*", "../../taskpane/*"], message: "src/core depends on nothing outside it." },
  ],
};

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "samples/", "bench/out/", "test-output/", "**/*.js", "!eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreRestrictedImports],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require", "Buffer", "console"],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
);
