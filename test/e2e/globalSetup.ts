import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { CHROMIUM, CLI, DIST, E2E_OUT, ROOT, SAMPLE, SAMPLE_REPORT, SAMPLE_RESULT } from "./support/paths";

/** Runs node; its output is the result, its messages are shown only when it fails (execFileSync throws with them). */
function node(args: readonly string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Once per e2e run: the command line (the reference), the add-in as shipped (a production
 * build, into test-output so a developer's dist/ is left alone), and the reference report
 * for the sample workbook.
 */
export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The end-to-end tests drive Debian's Chromium at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium (.ci/run installs it).`);
  }
  mkdirSync(E2E_OUT, { recursive: true });
  node([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"]);
  if (!process.env.BALANS_E2E_DIST) {
    node([require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", DIST, "--no-stats"]);
  }
  if (!existsSync(`${DIST}/taskpane.html`)) throw new Error(`No build in ${DIST}`);
  writeFileSync(SAMPLE_REPORT, node([CLI, "check", SAMPLE, "--json", "--out", SAMPLE_RESULT]));
}
