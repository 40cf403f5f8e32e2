import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { startServer, type Served } from "../../../scripts/serve";
import { CHROMIUM, DIST } from "./paths";

/** Headless Debian Chromium that phones nobody: no sync, component updates or background requests. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The built add-in, served the way `npm run demo:web` serves it, on a free port. */
export function serveDist(): Promise<Served> {
  return startServer({ root: DIST, port: 0 });
}

export interface PaneSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page (and its worker) made, in order. */
  readonly requests: string[];
  /** Errors the page threw or logged: a test fails on any it did not expect. */
  readonly errors: string[];
  /** When the page was loaded (Date.now()). */
  readonly loadedAt: number;
}

/**
 * office.js, loaded outside Office, phones home three seconds after it starts unless the
 * page stops it (see src/taskpane/standalone/officeTelemetry.ts). Before judging the
 * page's requests, let that moment pass.
 */
export async function pastOfficeJsTimers(session: PaneSession): Promise<void> {
  const wait = session.loadedAt + 4500 - Date.now();
  if (wait > 0) await session.page.waitForTimeout(wait);
}

/**
 * A fresh context (no shared storage) with the page loaded. `locale` sets the browser's
 * language, which the page takes as its first language.
 */
export async function openPane(browser: Browser, served: Served, options: BrowserContextOptions = {}): Promise<PaneSession> {
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 320, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  // Context-wide, so requests from the page's worker are seen as well.
  context.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  await page.goto(served.page);
  return { context, page, requests, errors, loadedAt: Date.now() };
}

/** Opens a file through the page's own button and the browser's file chooser. */
export async function openFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const button = page.getByRole("button", { name: /^(Öppna arbetsbok|Open workbook|Öppna en annan arbetsbok|Open another workbook) …$/ });
  // Listening first: the click must not race Playwright turning on file-chooser interception.
  const chooserOpened = page.waitForEvent("filechooser");
  await button.click();
  await (await chooserOpened).setFiles(file);
}

export const RUN_BUTTON = /^(Kontrollera och skriv sammanställningar|Check and write summaries)$/;
export const RESULT_HEADING = /^(Resultat|Result)$/;

/** Texts of the result's key figures, label → value, as shown. */
export async function shownKeyFigures(page: Page): Promise<Record<string, string>> {
  return page.locator('section[aria-labelledby="balans-result-heading"] dl').evaluate((list) => {
    const figures: Record<string, string> = {};
    for (const row of Array.from(list.children)) {
      const label = row.querySelector("dt")?.textContent ?? "";
      figures[label] = row.querySelector("dd")?.textContent ?? "";
    }
    return figures;
  });
}

/** `sheet!cell RULE` of every finding listed, in order (the item's head ends with the place and the rule). */
export async function shownFindings(page: Page): Promise<string[]> {
  return page.locator("ul > li").evaluateAll((items) =>
    items.map((item) => {
      const head = item.querySelector("button, div")?.firstElementChild;
      const parts = Array.from(head?.children ?? []).slice(-2);
      return parts.map((part) => part.textContent ?? "").join(" ");
    }),
  );
}
