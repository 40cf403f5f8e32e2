import type { Browser, Page } from "playwright-core";
import type { Served } from "../../scripts/serve";
import { launchChromium, openPane, RESULT_HEADING, serveDist, type PaneSession } from "./support/browser";
import { SAMPLE } from "./support/paths";

/** The whole job with the keyboard alone: open a file, run, reach a finding, download. */

let browser: Browser;
let served: Served;
let session: PaneSession;
let page: Page;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchChromium(), serveDist()]);
  session = await openPane(browser, served, { locale: "en-US" });
  page = session.page;
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await served?.close();
});

interface Focused {
  readonly tag: string;
  readonly text: string;
  /** A finding's button in the findings list. */
  readonly finding: boolean;
  readonly download: string | null;
}

function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      text: (element?.innerText ?? "").trim(),
      finding: element?.closest("ul > li") !== null && element?.tagName === "BUTTON",
      download: element?.getAttribute("download") ?? null,
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
async function tabTo(wanted: (element: Focused) => boolean, limit = 60): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const element = await focused();
    if (wanted(element)) return element;
    seen.push(`${element.tag}:${element.text.slice(0, 30)}`);
  }
  throw new Error(`Tab never reached it; focus went through ${seen.join(" | ")}`);
}

it("opens a workbook from the keyboard: Tab to the button, Enter, choose the file", async () => {
  // Listen before the key: Playwright turns on file-chooser interception when the first
  // listener arrives, and an Enter that wins that race opens a native dialog nobody sees.
  const chooserOpened = page.waitForEvent("filechooser");
  await tabTo((element) => element.text === "Open workbook …");
  await page.keyboard.press("Enter");
  const chooser = await chooserOpened;
  await chooser.setFiles(SAMPLE);
  await page.getByRole("button", { name: "Check and write summaries" }).waitFor();
  // Focus stayed where the user was, on the (renamed) button.
  expect((await focused()).text).toBe("Open another workbook …");
});

it("runs the check from the keyboard and takes focus to the result", async () => {
  await tabTo((element) => element.text === "Check and write summaries");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: RESULT_HEADING }).waitFor();
  await expect(focused()).resolves.toMatchObject({ tag: "h2", text: "Result" });
});

it("downloads the result and reaches a finding with Tab, and Enter shows its cell", async () => {
  const link = await tabTo((element) => element.download !== null);
  expect(link.download).toBe("region-mittland-2024-balans.xlsx");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("region-mittland-2024-balans.xlsx");

  const finding = await tabTo((element) => element.finding);
  await page.keyboard.press("Enter");
  const toast = page.locator(".fui-Toast");
  await toast.waitFor();
  const place = finding.text.split("\n").find((line) => line.includes("!"));
  expect(place).toBeDefined();
  await expect(toast.locator(".fui-ToastTitle").innerText()).resolves.toContain(place ?? "?");
  await expect(toast.innerText()).resolves.toContain("There is no Excel window here");
  // The notice does not take the focus away from the list.
  expect((await focused()).finding).toBe(true);
});

it("switches the language from the keyboard", async () => {
  await page.keyboard.press("Shift+Tab");
  // From anywhere, Shift+Tab back up to the language switch, then the arrow keys.
  for (let i = 0; i < 80; i++) {
    const onRadio = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "radio");
    if (onRadio) break;
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("ArrowLeft");
  await page.getByRole("heading", { name: "Resultat" }).waitFor();
  expect(session.errors).toEqual([]);
});
