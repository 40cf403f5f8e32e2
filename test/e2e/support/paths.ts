import { join, resolve } from "node:path";

/** Where the end-to-end tests find and put things. Shared by globalSetup and the tests. */
export const ROOT = resolve(__dirname, "../../..");
export const E2E_OUT = join(ROOT, "test-output", "e2e");
/** The built add-in; BALANS_E2E_DIST points at an existing build to skip building. */
export const DIST = process.env.BALANS_E2E_DIST ? resolve(process.env.BALANS_E2E_DIST) : join(E2E_OUT, "dist");
export const SAMPLE = join(ROOT, "samples", "region-mittland-2024.xlsx");
export const CLI = join(ROOT, "build", "src", "cli", "main.js");
export const SAMPLE_GENERATOR = join(ROOT, "build", "scripts", "sample", "main.js");
/** `balans check <sample> --json`, written by globalSetup. */
export const SAMPLE_REPORT = join(E2E_OUT, "sample-report.json");
/** `balans check <sample> --out …`: the result workbook the command line writes. */
export const SAMPLE_RESULT = join(E2E_OUT, "sample-cli-result.xlsx");
/** Debian's Chromium; never a downloaded one. */
export const CHROMIUM = "/usr/bin/chromium";
/** `npm run screenshots` (BALANS_SCREENSHOTS=1) refreshes the README's pictures; other runs keep theirs out of the tree. */
export const SCREENSHOTS = process.env.BALANS_SCREENSHOTS === "1" ? join(ROOT, "docs", "screenshots") : join(E2E_OUT, "screenshots");
