/** A user's workbook and a write plan exercising everything the writer supports. */
import type ExcelJS from "exceljs";
import type { PlanCell, SheetPlan, WritePlan } from "../../core/types";
import { excelJsBytes } from "./packages";

export const PNG_1X1 = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

/** Texts a spreadsheet might evaluate if written carelessly. */
export const INJECTED_TEXTS = ["=1+1", "+46 70 123", "-5", "@SUM(A1)", '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
/** Characters XML cannot carry, a CR, a literal escape sequence and a lone surrogate. */
export const AWKWARD_TEXT = "ctrl\u0001\u0007 tab\t cr\r lf\n _x000D_ lone\ud800 end";

/** The user's workbook: data on "Mars 2024", an image, a workbook-scoped name, a second sheet. */
export function userWorkbook(build?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return excelJsBytes((wb) => {
    const ws = wb.addWorksheet("Mars 2024");
    ws.addRow(["Förvaltning", "Konto", "Budget", "Utfall"]);
    ws.addRow(["Kirurgi", 6810, 100, 120]);
    ws.addRow(["Medicin", 7010, 200, 150]);
    ws.getCell("C2").numFmt = "#,##0.00";
    ws.getCell("D2").font = { bold: true, color: { argb: "FF00AA00" } };
    const image = wb.addImage({ buffer: Buffer.from(PNG_1X1) as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, "F2:H6");
    wb.definedNames.add("'Mars 2024'!$C$2:$C$3", "Budgetbelopp");
    const other = wb.addWorksheet("Åtgärder");
    other.addRow(["ID", "Åtgärd", "Planerad effekt"]);
    other.addRow([1, "Minska hyrläkare", 500]);
    build?.(wb);
  });
}

function varianceSheet(name: string): SheetPlan {
  const cells: PlanCell[][] = [
    [{ text: "Förvaltning" }, { text: "Budget" }, { text: "Utfall" }, { text: "Avvikelse" }, { text: "Status" }],
    [{ text: "Kirurgi" }, { number: 100 }, { formula: "'Mars 2024'!D2", value: 120 }, { formula: "C2-B2", value: 20 }, { formula: 'IF(D2>0,"Röd","Grön")', value: "Röd" }],
    [{ text: "Medicin" }, { number: 200 }, { formula: "'Mars 2024'!D3", value: 150 }, { formula: "C3-B3", value: -50 }, { formula: 'IF(D3>0,"Röd","Grön")', value: "Grön" }],
    [{ text: "Summa" }, { formula: "SUM(B2:B3)", value: 300 }, { formula: "SUM(C2:C3)", value: 270 }, { formula: "SUM(D2:D3)", value: -30 }, { formula: "D4<0", value: true }],
  ];
  const texts: PlanCell[][] = [...INJECTED_TEXTS.map((text) => [{ text }]), [{ text: AWKWARD_TEXT }]];
  const more: PlanCell[][] = [
    [{ text: "Andel" }, { formula: "IFERROR(D4/B4,0)", value: -0.1 }],
    [{ text: "Fel" }, { formula: "B4/0", value: "#DIV/0!" }],
    [{ text: "Flagga" }, { bool: false }],
    [{ text: "Nyare funktion" }, { formula: "IFS(B4>0,1,TRUE,2)", value: 1 }],
  ];
  return {
    kind: "variance",
    name,
    blocks: [
      { top: 0, left: 0, cells },
      { top: 6, left: 0, cells: texts },
      { top: 14, left: 0, cells: more },
    ],
    styleRuns: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "header" },
      { range: { top: 1, left: 1, bottom: 3, right: 3 }, style: "amount" },
      { range: { top: 14, left: 1, bottom: 14, right: 1 }, style: "percent" },
      { range: { top: 6, left: 0, bottom: 12, right: 0 }, style: "wrap" },
    ],
    columnWidths: [24, 12, 12, 12, 10],
    freeze: { rows: 1, columns: 1 },
    tables: [{ name: "BalansVariance", range: { top: 0, left: 0, bottom: 3, right: 4 }, style: "TableStyleMedium2", columns: ["Förvaltning", "Budget", "Utfall", "Avvikelse", "Status"] }],
    conditionalFormats: [
      { range: { top: 1, left: 3, bottom: 3, right: 3 }, rule: { type: "lessThan", value: 0 }, fill: "#FFC7CE", fontColor: "#9C0006" },
      { range: { top: 1, left: 3, bottom: 3, right: 3 }, rule: { type: "greaterThan", value: 0 }, fill: "#C6EFCE" },
      { range: { top: 1, left: 4, bottom: 2, right: 4 }, rule: { type: "textEquals", text: "Röd" }, fontColor: "#9C0006", bold: true },
    ],
    charts: [
      {
        type: "column",
        title: "Budget och utfall",
        categories: { top: 1, left: 0, bottom: 2, right: 0 },
        series: [
          { name: "Budget", values: { top: 1, left: 1, bottom: 2, right: 1 } },
          { name: "Utfall", values: { top: 1, left: 2, bottom: 2, right: 2 }, as: "line" },
        ],
        anchor: { top: 1, left: 6, bottom: 16, right: 13 },
        valueFormat: "#,##0",
      },
    ],
    tabColor: "#1F4E78",
  };
}

function findingsSheet(name: string): SheetPlan {
  return {
    kind: "findings",
    name,
    blocks: [
      {
        top: 0,
        left: 0,
        cells: [
          [{ text: "Månad" }, { text: "Andel" }],
          [{ text: "Jan" }, { number: 0.021 }],
          [{ text: "Feb" }, { number: 0.034 }],
          [{ text: "Mar" }, { number: 0.018 }],
        ],
      },
    ],
    styleRuns: [
      { range: { top: 0, left: 0, bottom: 0, right: 1 }, style: "header" },
      { range: { top: 1, left: 1, bottom: 3, right: 1 }, style: "percent" },
    ],
    columnWidths: [14, 10],
    tables: [{ name: "BalansFindings", range: { top: 0, left: 0, bottom: 3, right: 1 }, style: "TableStyleLight9", columns: ["Månad", "Andel"] }],
    conditionalFormats: [],
    charts: [
      {
        type: "bar",
        title: "Andel hyrpersonal",
        categories: { top: 1, left: 0, bottom: 3, right: 0 },
        series: [{ name: "Andel", values: { top: 1, left: 1, bottom: 3, right: 1 } }],
        anchor: { top: 5, left: 0, bottom: 20, right: 6 },
        valueFormat: "0 %",
      },
    ],
  };
}

export const STYLES: WritePlan["styles"] = {
  header: { bold: true, fill: "#1F4E78", fontColor: "#FFFFFF", horizontal: "center" },
  amount: { numberFormat: "#,##0;-#,##0" },
  percent: { numberFormat: "0.0 %" },
  wrap: { wrap: true, horizontal: "left", italic: true },
};

export const VARIANCE = "Balans avvikelse";
export const FINDINGS = "Balans fynd";

/** Two sheets, a table each, charts (combined column + line; bar), conditional formats, a frozen pane. */
export function samplePlan(options: { replace?: boolean } = {}): WritePlan {
  const variance = varianceSheet(VARIANCE);
  const findings = findingsSheet(FINDINGS);
  return {
    remove: [],
    styles: STYLES,
    sheets: options.replace ? [{ ...variance, replaces: VARIANCE }, { ...findings, replaces: FINDINGS }] : [variance, findings],
  };
}
