import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Worker } from "playwright-core";
import type { Served } from "../../scripts/serve";
import { launchChromium, openFile, openPane, RESULT_HEADING, RUN_BUTTON, serveDist } from "./support/browser";
import { SAMPLE, SCREENSHOTS } from "./support/paths";

/**
 * The pane's main states in both languages, light and dark, in a 320 px task pane and a
 * wide window. Each state is checked (no sideways scrolling, the theme applied) and
 * photographed: into test-output/, or docs/screenshots/ with `npm run screenshots`.
 */

type State = "start" | "error" | "ready" | "running" | "result" | "notice";
type Language = "sv" | "en";
type Scheme = "light" | "dark";

interface Variant {
  readonly language: Language;
  readonly scheme: Scheme;
  readonly width: number;
  readonly states: readonly State[];
}

const EVERY: readonly State[] = ["start", "error", "ready", "running", "result"];
const VARIANTS: readonly Variant[] = [
  { language: "sv", scheme: "light", width: 320, states: [...EVERY, "notice"] },
  { language: "en", scheme: "dark", width: 320, states: EVERY },
  { language: "en", scheme: "light", width: 320, states: ["result"] },
  { language: "sv", scheme: "dark", width: 320, states: ["result"] },
  { language: "sv", scheme: "light", width: 1024, states: ["ready", "result"] },
  { language: "en", scheme: "dark", width: 1024, states: ["result"] },
];

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [browser, served] = await Promise.all([launchChromium(), serveDist()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What a picture may not show: a pane wider than its window, or the other theme. */
async function checkLayout(page: Page, scheme: Scheme, state: State): Promise<void> {
  const layout = await page.evaluate(() => {
    const provider = document.querySelector(".fui-FluentProvider");
    const rgb = provider ? getComputedStyle(provider).backgroundColor.match(/\d+/g)?.map(Number) : undefined;
    const [r, g, b] = rgb ?? [127, 127, 127];
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
  });
  // The state in the comparison, so a failure says where.
  expect({ state, sideways: layout.overflow > 0 }).toEqual({ state, sideways: false });
  expect({ state, scheme: layout.luminance < 0.25 ? "dark" : layout.luminance > 0.75 ? "light" : `unclear (${layout.luminance})` }).toEqual({ state, scheme });
}

/**
 * Holds the worker's next run request until released, so the "running" state stays on
 * screen long enough to photograph (the sample takes about a second).
 */
async function holdNextRun(worker: Worker): Promise<() => Promise<void>> {
  await worker.evaluate(() => {
    const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; releaseRun?: () => void };
    const original = scope.onmessage;
    const held: MessageEvent[] = [];
    scope.onmessage = (event) => (event.data?.call === "run" ? held.push(event) : original?.(event));
    scope.releaseRun = () => {
      scope.onmessage = original;
      for (const event of held) original?.(event);
    };
  });
  return () => worker.evaluate(() => (self as unknown as { releaseRun: () => void }).releaseRun());
}

describe.each(VARIANTS)("the pane in $language, $scheme, $width px", ({ language, scheme, width, states }) => {
  it(`looks right in: ${states.join(", ")}`, async () => {
    const session = await openPane(browser, served, {
      locale: language === "sv" ? "sv-SE" : "en-GB",
      colorScheme: scheme,
      viewport: { width, height: width === 320 ? 800 : 768 },
    });
    const { page } = session;
    const shoot = async (state: State) => {
      await checkLayout(page, scheme, state);
      // The pointer where the last click left it would hover whatever moved under it.
      await page.mouse.move(width - 1, 0);
      // Transitions finished: a button caught half-way to disabled looks like neither.
      await page.screenshot({ path: join(SCREENSHOTS, `${state}-${language}-${scheme}-${width}.png`), animations: "disabled" });
    };
    const want = (state: State) => states.includes(state);
    try {
      await page.getByRole("button", { name: /^(Öppna arbetsbok|Open workbook) …$/ }).waitFor();
      if (want("start")) await shoot("start");

      if (want("error")) {
        await openFile(page, { name: "budget-2024.csv", mimeType: "text/csv", buffer: Buffer.from("Konto;Budget\n6810;100\n") });
        await page.getByRole("alert").waitFor();
        await shoot("error");
      }

      await openFile(page, SAMPLE);
      const run = page.getByRole("button", { name: RUN_BUTTON });
      await run.waitFor();
      if (want("ready")) await shoot("ready");

      const worker = page.workers()[0] ?? (await page.waitForEvent("worker"));
      const release = await holdNextRun(worker);
      await run.click();
      const progress = page.getByRole("progressbar");
      await progress.waitFor();
      if (want("running")) {
        await page.evaluate(() => document.querySelector('[role="progressbar"]')?.scrollIntoView({ block: "center" }));
        await shoot("running");
      }
      await release();

      const heading = page.getByRole("heading", { name: RESULT_HEADING });
      await heading.waitFor();
      await page.evaluate(() => {
        document.getElementById("balans-result-heading")?.scrollIntoView({ block: "start" });
        window.scrollBy(0, -12);
      });
      if (want("result")) await shoot("result");

      if (want("notice")) {
        // The finding near the top, so the notice at the bottom does not cover it.
        const finding = page.locator("ul > li button").first();
        await finding.evaluate((element) => {
          element.scrollIntoView({ block: "start" });
          window.scrollBy(0, -120);
        });
        await finding.click();
        await page.locator(".fui-Toast").waitFor();
        // Let the toast's entrance animation finish.
        await page.waitForTimeout(600);
        await shoot("notice");
      }
      expect(session.errors).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
