import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { Served } from "../../scripts/serve";
import type { JsonReport } from "../../src/core/engine";
import type { Severity } from "../../src/core/types";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { launchChromium, openFile, openPane, RESULT_HEADING, RUN_BUTTON, serveDist, type PaneSession } from "./support/browser";
import { CLI, E2E_OUT, ROOT, SAMPLE_GENERATOR } from "./support/paths";

/**
 * A large workbook (12 months × 20 000 rows): the run completes, and while the worker is
 * busy the page still answers the user at once.
 */

const LARGE = join(E2E_OUT, "region-large-12x20000.xlsx");

let browser: Browser;
let served: Served;
let session: PaneSession;
let reference: JsonReport;

beforeAll(async () => {
  // About 15 s to generate, 10 s for the command line's reference report.
  execFileSync(process.execPath, [SAMPLE_GENERATOR, "--rows", "20000", "--months", "12", "--out", LARGE], { cwd: ROOT, stdio: "pipe" });
  reference = JSON.parse(execFileSync(process.execPath, [CLI, "check", LARGE, "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })) as JsonReport;
  [browser, served] = await Promise.all([launchChromium(), serveDist()]);
  session = await openPane(browser, served, { locale: "sv-SE" });
}, 240_000);

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await served?.close();
});

interface Probe {
  /** Milliseconds from clicking "English" until the pane's text was English. */
  readonly languageSwitch: number;
  /** The longest the page's event loop was kept from a 20 ms timer, over one second. */
  readonly longestStall: number;
  /** The run was still going when the probe ended: it measured a busy worker. */
  readonly stillRunning: boolean;
}

it("runs a 12 × 20 000-row workbook to the end while the page stays responsive", async () => {
  const { page } = session;
  await openFile(page, LARGE);
  await page.getByRole("button", { name: RUN_BUTTON }).waitFor({ timeout: 120_000 });
  await page.getByRole("button", { name: RUN_BUTTON }).click();
  await page.getByText(/^Steg [12] av 3/).waitFor();

  const probe: Probe = await page.evaluate(async () => {
    const working = () => document.querySelector('[role="progressbar"]') !== null;
    const english = document.querySelector<HTMLInputElement>('input[type="radio"][value="en"]');
    if (!english) throw new Error("no language switch");
    const start = performance.now();
    english.click();
    const languageSwitch = await new Promise<number>((resolve) => {
      const check = () => (document.body.innerText.includes("Balans is working") ? resolve(performance.now() - start) : requestAnimationFrame(check));
      check();
    });
    let longestStall = 0;
    let last = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - last - 20);
        last = now;
      }, 20);
      setTimeout(() => {
        clearInterval(timer);
        resolve();
      }, 1000);
    });
    return { languageSwitch, longestStall, stillRunning: working() };
  });
  // The engine never runs on the page's thread: a blocked page would take seconds here.
  expect(probe.stillRunning).toBe(true);
  expect(probe.languageSwitch).toBeLessThan(1000);
  expect(probe.longestStall).toBeLessThan(500);

  await page.getByRole("heading", { name: RESULT_HEADING }).waitFor({ timeout: 180_000 });
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of reference.findings) counts[finding.severity] += 1;
  const badges = await page.locator(".fui-Badge").evaluateAll((els) => els.slice(0, 3).map((el) => el.textContent));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  expect(badges).toEqual([plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "note")]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the result" }).click()]);
  const written = readXlsx(new Uint8Array(readFileSync(await download.path())));
  const owned = written.sheets.filter((sheet) => sheet.ownerMark?.startsWith("balans:")).map((sheet) => sheet.ownerMark);
  expect(owned).toEqual(expect.arrayContaining(["balans:variance", "balans:findings", "balans:keys"]));
  // Every month sheet the command line read is still there (the generator leaves one month out, as a planted problem).
  expect(written.sheets.map((sheet) => sheet.name).filter((name) => / 2024$/.test(name))).toHaveLength(reference.months.length);
  expect(session.errors).toEqual([]);
});
