import type { SheetPlan, WritePlan } from "../../core/types";
import { newWorkbookFromPlan } from "../newWorkbook";
import { openWorkbookPackage } from "../workbookPackage";

const sheet = (name: string, print?: SheetPlan["print"]): SheetPlan => ({
  kind: "variance",
  name,
  blocks: [{ top: 0, left: 0, cells: [[{ text: "x" }]] }],
  styleRuns: [],
  columnWidths: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  print,
});

function sheetXml(plan: WritePlan, name: string): string {
  const pkg = openWorkbookPackage(newWorkbookFromPlan(plan));
  const part = pkg.sheets.find((s) => s.name === name)?.part as string;
  return new TextDecoder().decode(pkg.zip.read(part));
}

describe("print setup", () => {
  const plan: WritePlan = { sheets: [sheet("Printed", { landscape: true, fitToWidth: true }), sheet("Plain")], remove: [], styles: {} };

  test("a printed summary is landscape A4, one page wide", () => {
    const xml = sheetXml(plan, "Printed");
    expect(xml).toContain(`<pageSetUpPr fitToPage="1"/>`);
    expect(xml).toContain(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
    // Schema order: pageSetup follows pageMargins.
    expect(xml.indexOf("<pageSetup ")).toBeGreaterThan(xml.indexOf("<pageMargins"));
  });

  test("a print area becomes the sheet's _xlnm.Print_Area name", () => {
    const withArea: WritePlan = { ...plan, sheets: [sheet("Två ord", { landscape: true, fitToWidth: true, area: { top: 0, left: 0, bottom: 9, right: 3 } })] };
    const pkg = openWorkbookPackage(newWorkbookFromPlan(withArea));
    expect(pkg.definedNames).toContainEqual({ name: "_xlnm.Print_Area", localSheetId: 0, hidden: false, value: "'Två ord'!$A$1:$D$10" });
  });

  test("a sheet without print setup gets none", () => {
    const xml = sheetXml(plan, "Plain");
    expect(xml).not.toContain("pageSetup");
  });
});
