/**
 * The Office adapter and the .xlsx adapter must hand the core the same snapshot of the
 * same workbook, and leave the same cells after applying the same plan. The scenario is
 * built twice: in the strict Excel fake, and as a
 * hand-written .xlsx package (plain OOXML, so the .xlsx reader is not checked against its
 * own writer). Snapshots are compared cell by cell at sheet coordinates, since the two
 * hosts may trim a used range's blank edges differently.
 */
import { a1 } from "../core/address";
import { isCellError, OWNER_NAME, type CellValue, type WorkbookSnapshot, type WritePlan } from "../core/types";
import { excelJsLoad, handPackage, worksheetXml, type HandSheet } from "../xlsx/__tests__/packages";
import { readXlsx } from "../xlsx/readXlsx";
import { applyPlanToXlsx } from "../xlsx/writeXlsx";
import { applyPlan } from "./applyPlan";
import { createFakeExcel, type FakeExcel, type FakeInitialSheet } from "./fake/fakeExcel";
import { cellValueOf, ownerMarkOf, readSnapshot } from "./readWorkbook";

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

/** What a user would find in a sheet after a write: values, formulas, and the owner mark. */
interface WrittenSheet {
  readonly name: string;
  readonly visibility: string;
  readonly ownerMark: string | undefined;
  readonly cells: Record<string, CellValue | { formula: string }>;
}

function writtenByExcel(fake: FakeExcel): WrittenSheet[] {
  return fake.workbook.sheets.map((sheet) => {
    const cells: WrittenSheet["cells"] = {};
    const rect = sheet.usedRect();
    for (let r = rect?.top ?? 0; rect && r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(r, c);
        if (cell.kind === "formula") cells[a1(r, c)] = { formula: cell.formula! };
        else if (cell.kind !== "empty") cells[a1(r, c)] = cellValueOf(cell.value);
      }
    }
    const mark = sheet.names.get(OWNER_NAME.toLowerCase());
    return {
      name: sheet.name,
      visibility: sheet.visibility.charAt(0).toLowerCase() + sheet.visibility.slice(1),
      ownerMark: mark ? ownerMarkOf(undefined, mark.formula) : undefined,
      cells,
    };
  });
}

async function writtenToFile(bytes: Uint8Array): Promise<WrittenSheet[]> {
  const snapshot = readXlsx(bytes);
  // ExcelJS, an independent reader, for the formulas (the snapshot has their cached results).
  const workbook = await excelJsLoad(bytes);
  return snapshot.sheets.map((sheet) => {
    const cells: WrittenSheet["cells"] = {};
    sheet.rows.forEach((row, r) =>
      (row ?? []).forEach((value, c) => {
        if (value !== null && value !== undefined) cells[a1(sheet.top + r, sheet.left + c)] = value;
      }),
    );
    workbook.getWorksheet(sheet.name)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) cells[cell.address] = { formula: `=${cell.formula}` };
      }),
    );
    return { name: sheet.name, visibility: sheet.visibility, ownerMark: sheet.ownerMark, cells };
  });
}

const HEADER = ["Förvaltning", "Kostnadsslag", "Budget", "Utfall", "Avvikelse"];

const PLAN: WritePlan = {
  styles: { header: { bold: true, fill: "#DDEBF7" }, amount: { numberFormat: "#,##0;-#,##0" } },
  remove: ["Balans hyrpersonal"],
  sheets: [
    {
      kind: "variance",
      name: "Balans avvikelse",
      replaces: "Balans avvikelse",
      blocks: [
        {
          top: 0,
          left: 0,
          cells: [
            HEADER.map((text) => ({ text })),
            [{ text: "=inte en formel" }, { text: "+46" }, { number: 120.5 }, { number: 100 }, { formula: "C2-D2", value: 20.5 }],
            [{ text: "-minus" }, { text: "@ägare" }, { number: -3 }, { formula: "'Jan'!B2", value: 120 }, { formula: "C3-D3", value: -123 }],
            [{ text: "00123" }, { text: "TRUE" }, { bool: false }, null, { formula: "SUM('Balans avvikelse'!E2:E3)", value: -102.5 }],
          ],
        },
        { top: 6, left: 1, cells: [[{ text: "Källa: Balans" }]] },
      ],
      styleRuns: [
        { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "header" },
        { range: { top: 1, left: 2, bottom: 3, right: 4 }, style: "amount" },
      ],
      columnWidths: [20, 16],
      freeze: { rows: 1, columns: 0 },
      tables: [{ name: "BalansVariance", range: { top: 0, left: 0, bottom: 3, right: 4 }, style: "TableStyleMedium2", columns: HEADER }],
      conditionalFormats: [],
      charts: [],
    },
    {
      kind: "findings",
      name: "Balans fynd",
      blocks: [{ top: 0, left: 0, cells: [[{ text: "Regel" }, { text: "Cell" }], [{ text: "READ-TEXT-NUMBER" }, { text: "'Jan'!B2" }]] }],
      styleRuns: [],
      columnWidths: [],
      tables: [],
      conditionalFormats: [],
      charts: [],
      hidden: true,
    },
  ],
};

const BEFORE_WRITE: FakeInitialSheet[] = [
  { name: "Jan", cells: [["Konto", "Utfall"], [6810, 120]] },
  { name: "Balans avvikelse", cells: [["gammalt resultat", 1]], names: { BalansOwner: '="balans:variance"' } },
  { name: "Balans hyrpersonal", cells: [["gammalt"]], names: { BalansOwner: '="balans:hired-staff"' } },
];

describe("Office and .xlsx adapters agree on writing", () => {
  it("write the same plan into the same cells, formulas and owner marks", async () => {
    const fake = createFakeExcel({ sheets: BEFORE_WRITE });
    await applyPlan(fake.run, PLAN);
    const byExcel = writtenByExcel(fake);
    const toFile = await writtenToFile(applyPlanToXlsx(asXlsx(BEFORE_WRITE), PLAN));
    expect(byExcel).toEqual(toFile);
    expect(byExcel.map((s) => s.name)).toEqual(["Jan", "Balans avvikelse", "Balans fynd"]);
    expect(byExcel[1].cells).toMatchObject({ A2: "=inte en formel", E4: { formula: "=SUM('Balans avvikelse'!E2:E3)" } });
  });
});
