import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type { Served } from "../../scripts/serve";
import { detectWorkbook, type Analysis, type JsonReport } from "../../src/core/engine";
import { formatNumber, formatPercent, monthName } from "../../src/core/format";
import { keyFigures } from "../../src/core/keyFigures";
import { ownerMark, type OwnedSheetKind, type Severity } from "../../src/core/types";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { launchChromium, openFile, openPane, pastOfficeJsTimers, RESULT_HEADING, RUN_BUTTON, serveDist, shownFindings, shownKeyFigures, type PaneSession } from "./support/browser";
import { SAMPLE, SAMPLE_REPORT, SAMPLE_RESULT } from "./support/paths";

/**
 * The stand-alone page on the sample workbook, against the command line's report on the
 * same file (`balans check --json`, written by globalSetup).
 */

let browser: Browser;
let served: Served;
const report = (): JsonReport => JSON.parse(readFileSync(SAMPLE_REPORT, "utf8")) as JsonReport;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchChromium(), serveDist()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What the pane should show, computed from the command line's JSON alone. */
function expectedFigures() {
  const json = report();
  // The JSON report does not carry the settings; the hired-staff target is the workbook's.
  const settings = detectWorkbook(readXlsx(new Uint8Array(readFileSync(SAMPLE))), { language: "sv" }).settings;
  const fromReport = {
    model: { unit: json.unit, settings },
    findings: json.findings,
    variance: json.variance,
    costCentres: [],
    measures: json.measures,
    programmes: json.programmes,
    hiredStaff: json.hiredStaff,
  } as unknown as Analysis;
  return keyFigures(fromReport);
}

function countsOf(json: JsonReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of json.findings) counts[finding.severity] += 1;
  return counts;
}

async function noForeignRequests(session: PaneSession) {
  await pastOfficeJsTimers(session);
  const origin = new URL(session.page.url()).origin;
  const foreign = session.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
  expect(foreign).toEqual([]);
}

describe("the sample workbook, in Swedish", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPane(browser, served, { locale: "sv-SE" });
    page = session.page;
  });
  afterAll(() => session?.context.close());

  it("loads as a stand-alone page outside Office, and opens the workbook chosen", async () => {
    await page.getByText(/Öppna en arbetsbok med månadsrapporter/).waitFor();
    await openFile(page, SAMPLE);
    await page.getByRole("button", { name: RUN_BUTTON }).waitFor();
    await expect(page.getByText("region-mittland-2024.xlsx", { exact: true }).count()).resolves.toBe(1);
  });

  it("shows the command line's finding counts and key figures", async () => {
    await page.getByRole("button", { name: RUN_BUTTON }).click();
    await page.getByRole("heading", { name: RESULT_HEADING }).waitFor();
    const json = report();
    const counts = countsOf(json);
    expect(counts.error + counts.warning + counts.info).toBeGreaterThan(0);
    const badges = await page.locator(".fui-Badge").evaluateAll((els) => els.slice(0, 3).map((el) => el.textContent));
    expect(badges).toEqual([`${counts.error} fel`, `${counts.warning} varningar`, `${counts.info} upplysningar`]);

    const expected = expectedFigures();
    const shown = await shownKeyFigures(page);
    const month = monthName(Number(expected.month.slice(5)), "sv", Number(expected.month.slice(0, 4)));
    const sign = expected.varianceYtd > 0 ? "+" : "";
    expect(shown[`Avvikelse mot budget, ackumulerat t.o.m. ${month}`]).toContain(`${sign}${formatNumber(expected.varianceYtd, "sv")} ${json.unit}`);
    expect(shown["Budget ackumulerat"]).toBe(`${formatNumber(expected.budgetYtd, "sv")} ${json.unit}`);
    expect(shown["Utfall ackumulerat"]).toBe(`${formatNumber(expected.actualYtd, "sv")} ${json.unit}`);
    expect(shown["Åtgärder: realiserat av planerat hittills"]).toBe(`${formatNumber(expected.realisedYtd, "sv")} av ${formatNumber(expected.plannedYtd, "sv")} ${json.unit}`);
    expect(shown["Hyrpersonal, andel hittills i år"]).toContain(formatPercent(expected.hiredShare, "sv"));
    expect(shown["Hyrpersonal, andel hittills i år"]).toContain(`(mål ${formatPercent(expected.hiredShareTarget, "sv")})`);

    // Every finding, in the command line's order.
    expect(await shownFindings(page)).toEqual(json.findings.map((f) => `${f.sheet === "" ? "Hela arbetsboken" : f.cell === "" ? f.sheet : `${f.sheet}!${f.cell}`} ${f.rule}`));
  });

  it("answers a click on a finding with the cell's value, read from the same file", async () => {
    const finding = report().findings.find((f) => f.severity === "error" && /^[A-Z]+\d+$/.test(f.cell));
    if (!finding) throw new Error("the sample has no error at a single cell");
    const sheet = readXlsx(new Uint8Array(readFileSync(SAMPLE))).sheets.find((s) => s.name === finding.sheet);
    const match = /^([A-Z]+)(\d+)$/.exec(finding.cell) as RegExpExecArray;
    const column = match[1].split("").reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    const value = sheet?.rows[Number(match[2]) - 1 - (sheet?.top ?? 0)]?.[column - (sheet?.left ?? 0)];

    await page.locator("ul > li button").filter({ hasText: `${finding.sheet}!${finding.cell}` }).first().click();
    const toast = page.locator(".fui-Toast");
    await toast.waitFor();
    await expect(toast.locator(".fui-ToastTitle").innerText()).resolves.toContain(`${finding.sheet}!${finding.cell}`);
    const body = await toast.innerText();
    if (typeof value === "number") expect(body).toContain(`Cellen innehåller ${formatNumber(value, "sv", 4)}.`);
    else if (value === null || value === undefined) expect(body).toContain("Cellen är tom.");
    else expect(body).toContain("Cellen innehåller");
    expect(body).toContain("Här finns inget Excel-fönster");
    await toast.getByText("Stäng").click();
    await toast.waitFor({ state: "detached" });
  });

  it("downloads the result workbook, with the summary sheets the command line writes", async () => {
    const sheetButtons = await page.getByRole("navigation", { name: "Sammanställningar" }).getByRole("button").allInnerTexts();
    expect(sheetButtons.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ner resultatet" }).click()]);
    expect(download.suggestedFilename()).toBe("region-mittland-2024-balans.xlsx");
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const downloaded = readXlsx(bytes);
    const cli = readXlsx(new Uint8Array(readFileSync(SAMPLE_RESULT)));

    // The sheets the page named are there, marked as Balans's own, in the same order as the command line's.
    const owned = downloaded.sheets.filter((s) => s.ownerMark?.startsWith("balans:"));
    expect(owned.map((s) => s.name)).toEqual(sheetButtons);
    expect(owned.map((s) => s.name)).toEqual(cli.sheets.filter((s) => s.ownerMark?.startsWith("balans:")).map((s) => s.name));
    // The same numbers as the command line's, sheet by sheet. The findings sheet words one
    // note differently: the pane names the sheets to read, so an unread one is "not chosen".
    for (const sheet of owned) {
      const twin = cli.sheets.find((s) => s.name === sheet.name);
      expect(sheet.ownerMark).toBe(twin?.ownerMark);
      if (sheet.ownerMark === ownerMark("findings" as OwnedSheetKind)) expect(sheet.rows.length).toBe(twin?.rows.length);
      else expect(sheet.rows).toEqual(twin?.rows);
    }
    // And the user's sheets are as they were.
    const input = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
    for (const sheet of input.sheets) expect(downloaded.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);
  });

  it("asked no host but its own for anything, and logged no errors", async () => {
    expect(session.requests.length).toBeGreaterThan(3);
    await noForeignRequests(session);
    // The worker's chunk was fetched from the page's origin too.
    expect(session.requests.some((url) => /balans-engine/.test(url))).toBe(true);
    expect(session.errors).toEqual([]);
  });
});

describe("a file that is not a workbook, in English", () => {
  let session: PaneSession;

  beforeAll(async () => {
    session = await openPane(browser, served, { locale: "en-GB" });
  });
  afterAll(() => session?.context.close());

  it("says clearly which file could not be opened and why, in either language", async () => {
    const { page } = session;
    await openFile(page, { name: "anteckningar.txt", mimeType: "text/plain", buffer: Buffer.from("Budget 2024\nKirurgi;100\n") });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain("anteckningar.txt could not be opened. The file is not an Excel workbook (.xlsx).");
    await page.getByRole("radio", { name: "Svenska" }).check();
    await expect(alert.innerText()).resolves.toContain("anteckningar.txt kunde inte öppnas. Filen är inte en Excel-arbetsbok (.xlsx).");
    // The way on is right there.
    await expect(page.getByRole("button", { name: "Öppna en annan arbetsbok …" }).isEnabled()).resolves.toBe(true);
  });

  it("opens a workbook dropped on the page", async () => {
    const { page } = session;
    const content = readFileSync(SAMPLE).toString("base64");
    const dataTransfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "släppt.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      return transfer;
    }, content);
    await page.dispatchEvent("main, body", "dragenter", { dataTransfer });
    await page.dispatchEvent("body", "dragover", { dataTransfer });
    await page.getByText("Släpp filen för att öppna den").waitFor();
    await page.dispatchEvent("body", "drop", { dataTransfer });
    await page.getByText("släppt.xlsx", { exact: true }).waitFor();
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Kontrollera och skriv sammanställningar" }).isEnabled()).resolves.toBe(true);
  });

  it("asked no host but its own for anything", async () => {
    await noForeignRequests(session);
    expect(session.errors).toEqual([]);
  });
});
