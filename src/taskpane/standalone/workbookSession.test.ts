import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectWorkbook, runBalans } from "../../core/engine";
import { keyFigures } from "../../core/keyFigures";
import { ownerMark, type CellValue, type Settings } from "../../core/types";
import { excelJsBytes, handPackage, MAIN_NS, patchPackage } from "../../xlsx/__tests__/packages";
import { readXlsx } from "../../xlsx/readXlsx";
import { BalansError, type RunChoices, type Step } from "../actions";
import { initialSetup, parseYear } from "../components/DetectionPanel/DetectionPanel";
import { createWorkbookSession, resultFileName } from "./workbookSession";

const SAMPLE_NAME = "region-mittland-2024.xlsx";
const sampleBytes = () => new Uint8Array(readFileSync(join(__dirname, "../../../samples", SAMPLE_NAME)));

/** A small workbook of the user's: two monthly reports and no settings sheet. */
function smallWorkbook(): Promise<Uint8Array> {
  return excelJsBytes((wb) => {
    for (const [name, actual] of [
      ["Januari 2024", 110],
      ["Februari 2024", 95],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["Förvaltning", "Konto", "Kontonamn", "Budget", "Utfall"]);
      ws.addRow(["Kirurgi", 7010, "Löner", 100, actual]);
      ws.addRow(["Kirurgi", 6810, "Hyrläkare", 10, 12]);
    }
  });
}

/** What the pane sends by default for a detection (the App's own choices). */
function choicesFor(session: ReturnType<typeof createWorkbookSession>, language: "sv" | "en" = "sv"): RunChoices {
  const setup = initialSetup(session.detect());
  return { reportSheets: setup.reportSheets, year: parseYear(setup.yearText) ?? 2024, unit: setup.unit, language };
}

function thisMonth() {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

describe("resultFileName", () => {
  it("adds -balans before the extension, keeping a macro workbook's", () => {
    expect(resultFileName("Region Mittland.xlsx")).toBe("Region Mittland-balans.xlsx");
    expect(resultFileName("rapport.XLSX")).toBe("rapport-balans.xlsx");
    expect(resultFileName("makro.xlsm")).toBe("makro-balans.xlsm");
    expect(resultFileName("utan ändelse")).toBe("utan ändelse-balans.xlsx");
    // A separate workbook of values is always a plain .xlsx.
    expect(resultFileName("makro.xlsm", true)).toBe("makro-balans.xlsx");
  });
});

describe("createWorkbookSession on the sample workbook", () => {
  const bytes = sampleBytes();
  const original = bytes.slice();

  it("tells what is in the workbook when it is opened", () => {
    const session = createWorkbookSession();
    const detection = session.open(bytes, SAMPLE_NAME);
    expect(detection.workbook).toBe(SAMPLE_NAME);
    expect(detection.year).toBe(2024);
    expect(detection.sheets).toContainEqual({ name: "Januari 2024", role: "report", month: 1 });
    expect(detection.sheets).toContainEqual({ name: "Åtgärder", role: "measures" });
  });

  it("runs the engine on the file, reports each step, and writes the summaries into a copy", () => {
    const session = createWorkbookSession();
    session.open(bytes, SAMPLE_NAME);
    const choices = choicesFor(session);
    const steps: Step[] = [];
    const { outcome, result } = session.run(choices, (step) => steps.push(step));
    expect(steps).toEqual(["reading", "checking", "writing"]);

    // The same engine on the same bytes, called directly.
    const reference = runBalans(readXlsx(original, { name: SAMPLE_NAME }), {
      language: "sv",
      reportSheets: choices.reportSheets,
      settings: { year: choices.year, unit: choices.unit },
      today: thisMonth(),
    });
    expect(outcome.analysis.findings).toEqual(reference.analysis.findings);
    expect(outcome.keyFigures).toEqual(keyFigures(reference.analysis));
    expect(outcome.sheets).toEqual(reference.plan.sheets.map((s) => ({ kind: s.kind, name: s.name })));
    // The detail rows stay behind; what the pane reads is there.
    expect(reference.analysis.model.rows.length).toBeGreaterThan(0);
    expect(outcome.analysis.model.rows).toEqual([]);
    expect(outcome.analysis.variance).toEqual(reference.analysis.variance);

    expect(result.name).toBe("region-mittland-2024-balans.xlsx");
    expect(result.separate).toBe(false);
    const written = readXlsx(result.bytes);
    for (const sheet of outcome.sheets) {
      expect(written.sheets.find((s) => s.name === sheet.name)?.ownerMark).toBe(ownerMark(sheet.kind));
    }
    // The user's sheets are all still there, and the file's own bytes were not touched.
    const input = readXlsx(original);
    for (const sheet of input.sheets) expect(written.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);
    expect(bytes).toEqual(original);
  });

  it("replaces its own sheets on a second run, as in Excel", () => {
    const session = createWorkbookSession();
    session.open(bytes, SAMPLE_NAME);
    const first = session.run(choicesFor(session), () => undefined);
    // The working copy now has the summary sheets, and detection says so.
    expect(session.detect().sheets.filter((s) => s.role === "owned").map((s) => s.name)).toEqual(first.outcome.sheets.map((s) => s.name));
    const second = session.run(choicesFor(session, "en"), () => undefined);
    const names = readXlsx(second.result.bytes).sheets.map((s) => s.name);
    expect(names.filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
    expect(names.length).toBe(readXlsx(first.result.bytes).sheets.length - first.outcome.sheets.length + second.outcome.sheets.length);
  });

  it("hands out copies: changing a result's bytes does not change the working copy", () => {
    const session = createWorkbookSession();
    session.open(bytes, SAMPLE_NAME);
    const { result } = session.run(choicesFor(session), () => undefined);
    result.bytes.fill(0);
    expect(() => session.detect()).not.toThrow();
  });

  it("refuses to write settings over a settings sheet that is the user's own", () => {
    const session = createWorkbookSession();
    const detection = session.open(bytes, SAMPLE_NAME);
    expect(detection.settingsEditable).toBe(false);
    expect(() => session.saveSettings(detection.settings)).toThrow(BalansError);
  });

  it("peeks at the cell of a finding: its value and the row's labels", () => {
    const session = createWorkbookSession();
    session.open(bytes, SAMPLE_NAME);
    const sheet = readXlsx(original).sheets.find((s) => s.name === "Mars 2024");
    if (!sheet) throw new Error("the sample has no Mars 2024");
    // The first row with a number in column H (index 7, the month's actual).
    const r = sheet.rows.findIndex((row) => typeof row[7 - sheet.left] === "number");
    expect(r).toBeGreaterThan(0);
    const address = `H${sheet.top + r + 1}`;
    const peek = session.peek("Mars 2024", address);
    expect(typeof peek.value).toBe("number");
    expect(peek.value).toBe(sheet.rows[r][7 - sheet.left]);
    const texts = sheet.rows[r].filter((v: CellValue): v is string => typeof v === "string" && v.trim() !== "");
    expect(peek.rowLabels).toEqual(texts.slice(0, 3).map((t) => t.trim()));
    // A range is peeked at its first cell; outside the used range a cell is empty; an unknown sheet has no cell.
    expect(session.peek("Mars 2024", `${address}:${address.replace("H", "J")}`).value).toBe(peek.value);
    expect(session.peek("Mars 2024", "XFD1048576").value).toBeNull();
    expect(session.peek("Finns inte", "A1").value).toBeUndefined();
  });
});

describe("createWorkbookSession on other files", () => {
  it("says which file could not be opened, and why, in both languages", () => {
    const session = createWorkbookSession();
    const text = new TextEncoder().encode("Budget 2024\nKirurgi;100\n");
    let error: unknown;
    try {
      session.open(text, "anteckningar.txt");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BalansError);
    const message = (error as BalansError).userMessage;
    expect(message.sv).toMatch(/^anteckningar\.txt kunde inte öppnas\. Filen är inte en Excel-arbetsbok/);
    expect(message.en).toMatch(/^anteckningar\.txt could not be opened\. The file is not an Excel workbook/);
  });

  it("forgets the workbook opened before when a new file fails to open", async () => {
    const session = createWorkbookSession();
    session.open(await smallWorkbook(), "liten.xlsx");
    expect(() => session.open(new Uint8Array([1, 2, 3]), "trasig.xlsx")).toThrow(BalansError);
    expect(() => session.detect()).toThrow(BalansError);
  });

  it("writes saved settings into the working copy, where the next run reads them", async () => {
    const session = createWorkbookSession();
    const detection = session.open(await smallWorkbook(), "liten.xlsx");
    expect(detection.settingsEditable).toBe(true);
    const settings: Settings = { ...detection.settings, hiredShareTarget: 0.035, commentThresholdAmount: 1234 };
    const file = session.saveSettings(settings);
    expect(file.name).toBe("liten-balans.xlsx");
    const written = readXlsx(file.bytes);
    expect(written.sheets.find((s) => s.ownerMark === ownerMark("settings"))?.name).toBe("Balans inställningar");

    const again = session.detect();
    expect(again.settings.hiredShareTarget).toBeCloseTo(0.035);
    expect(again.settings.commentThresholdAmount).toBe(1234);
    expect(again.settingsEditable).toBe(true);
    // Saving again rewrites Balans's own sheet rather than adding a second one.
    const twice = readXlsx(session.saveSettings({ ...settings, commentThresholdAmount: 99 }).bytes);
    expect(twice.sheets.filter((s) => s.ownerMark === ownerMark("settings"))).toHaveLength(1);
    expect(session.run(choicesFor(session), () => undefined).outcome.keyFigures.hiredShareTarget).toBeCloseTo(0.035);
  });

  it("gives a Strict workbook's summaries as values in a separate workbook, like the command line", () => {
    const strictNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const cell = (ref: string, value: string | number) =>
      typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const row = (n: number, values: (string | number)[]) => `<row r="${n}">${values.map((v, i) => cell(`${"ABCD"[i]}${n}`, v)).join("")}</row>`;
    const rows = [row(1, ["Förvaltning", "Konto", "Budget", "Utfall"]), row(2, ["Kirurgi", 7010, 100, 110]), row(3, ["Kirurgi", 6810, 10, 12])].join("");
    const bytes = patchPackage(handPackage({ sheets: [{ name: "Mars 2024", xml: `<worksheet xmlns="${strictNs}"><sheetData>${rows}</sheetData></worksheet>` }] }), {
      "xl/workbook.xml": (xml) => xml.replace(MAIN_NS, strictNs),
    });
    const session = createWorkbookSession();
    session.open(bytes, "strikt.xlsm");
    const { outcome, result } = session.run(choicesFor(session), () => undefined);
    expect(result.separate).toBe(true);
    expect(result.name).toBe("strikt-balans.xlsx");
    const written = readXlsx(result.bytes);
    expect(written.sheets.map((s) => s.name)).toEqual(outcome.sheets.map((s) => s.name));
    // The working copy is still the user's workbook.
    expect(session.detect().sheets.map((s) => s.name)).toEqual(["Mars 2024"]);
    expect(detectWorkbook(readXlsx(bytes), { language: "sv" }).reportSheets).toHaveLength(1);
  });
});
