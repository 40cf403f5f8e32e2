/**
 * The Office adapter and the .xlsx adapter must hand the core the same snapshot of the
 * same workbook. The scenario is built twice: in the strict Excel fake, and as a
 * hand-written .xlsx package (plain OOXML, so the .xlsx reader is not checked against its
 * own writer). Snapshots are compared cell by cell at sheet coordinates, since the two
 * hosts may trim a used range's blank edges differently.
 */
import { a1 } from "../core/address";
import { isCellError, type CellValue, type WorkbookSnapshot } from "../core/types";
import { handPackage, worksheetXml, type HandSheet } from "../xlsx/__tests__/packages";
import { readXlsx } from "../xlsx/readXlsx";
import { createFakeExcel, type FakeInitialSheet } from "./fake/fakeExcel";
import { readSnapshot } from "./readWorkbook";

const SHEETS: FakeInitialSheet[] = [
  {
    name: "Mars 2024",
    top: 4,
    left: 2,
    cells: [
      ["Förvaltning", "Konto", "Budget månad", "Utfall månad", null, "Kommentar"],
      ["Specialistvård", "6810", 1200.5, -340, true, "Hyrläkare <jour> & \"helg\""],
      [null, null, { error: "#REF!" }, { error: "#N/A" }, false],
      [],
      ["Summa", null, 0.1 + 0.2, 1e-7, null, "  "],
    ],
  },
  { name: "Dold", visibility: "hidden", cells: [[null, "gömd"]], top: 2 },
  { name: "Mycket dold", visibility: "veryHidden", cells: [[42]] },
  { name: "Balans avvikelse", cells: [["Förvaltning", 1]], names: { BalansOwner: '="balans:variance"' } },
  { name: "Tom", cells: [] },
];

/** The same sheets as an .xlsx package, every string inline, every error a `t="e"` cell. */
function asXlsx(sheets: readonly FakeInitialSheet[]): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const cellXml = (ref: string, value: CellValue): string => {
    if (value === null) return "";
    if (isCellError(value)) return `<c r="${ref}" t="e"><v>${escape(value.error)}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
  };
  const definedNames: string[] = [];
  const handSheets = sheets.map((sheet, index): HandSheet => {
    const top = sheet.top ?? 0;
    const left = sheet.left ?? 0;
    const rows = sheet.cells
      .map((row, r) => {
        const cells = row.map((value, c) => cellXml(a1(top + r, left + c), value)).join("");
        return cells ? `<row r="${top + r + 1}">${cells}</row>` : "";
      })
      .join("");
    for (const [name, formula] of Object.entries(sheet.names ?? {})) {
      definedNames.push(`<definedName name="${name}" localSheetId="${index}" hidden="1">${escape(formula.replace(/^=/, ""))}</definedName>`);
    }
    const state = sheet.visibility === "hidden" ? "hidden" : sheet.visibility === "veryHidden" ? "veryHidden" : undefined;
    return { name: sheet.name, xml: worksheetXml(rows), ...(state ? { state } : {}) };
  });
  return handPackage({ sheets: handSheets, definedNames: `<definedNames>${definedNames.join("")}</definedNames>` });
}

/** A snapshot as facts a reader of the core relies on: sheet metadata and non-blank cells by address. */
function facts(snapshot: WorkbookSnapshot): unknown {
  return snapshot.sheets.map((sheet) => {
    const cells: Record<string, CellValue> = {};
    sheet.rows.forEach((row, r) =>
      (row ?? []).forEach((value, c) => {
        if (value !== null && value !== undefined) cells[a1(sheet.top + r, sheet.left + c)] = value;
      }),
    );
    return { name: sheet.name, visibility: sheet.visibility, ownerMark: sheet.ownerMark, cells };
  });
}

describe("Office and .xlsx adapters agree", () => {
  it("read the same workbook into the same snapshot", async () => {
    const fromExcel = await readSnapshot(createFakeExcel({ sheets: SHEETS }).run);
    const fromFile = readXlsx(asXlsx(SHEETS));
    expect(facts(fromExcel)).toEqual(facts(fromFile));
    expect(fromExcel.date1904).toBe(fromFile.date1904);
    // The scenario is not trivially empty on either side.
    expect((facts(fromFile) as { cells: object }[])[0].cells).toMatchObject({ C5: "Förvaltning", E7: { error: "#REF!" }, G6: true });
  });
});
