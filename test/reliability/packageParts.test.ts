import ExcelJS from "exceljs";
import { runBalans } from "../../src/core/engine";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { applyPlanToXlsx } from "../../src/xlsx/writeXlsx";
import { patchPackage } from "../../src/xlsx/__tests__/packages";
import { balansSheets, userDataChanges, viewPackage } from "./support/packageParts";
import { reportSheets } from "./support/report";

/**
 * The comparison the corpus relies on must itself catch what it is there to catch: each
 * kind of damage to a user's workbook, done by hand to a real result, is reported.
 */

let input: Uint8Array;
let output: Uint8Array;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of reportSheets()) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => worksheet.addRow(row.map((v) => (v === null ? undefined : v))));
  }
  workbook.definedNames.add("'Januari 2024'!$E$2:$E$6", "Budgetjan");
  input = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  output = applyPlanToXlsx(input, runBalans(readXlsx(input), { language: "sv", today: { year: 2024, month: 3 } }).plan);
});

const changes = (after: Uint8Array) => userDataChanges(viewPackage(input), viewPackage(after));

test("a faithful result has no changes, and Balans's own sheets are recognised", () => {
  expect(changes(output)).toEqual([]);
  expect([...balansSheets(viewPackage(output)).keys()]).toContain("Balans avvikelse");
});

test.each<[string, Record<string, (old: string) => string>, RegExp]>([
  ["a user sheet's cell", { "xl/worksheets/sheet1.xml": (xml) => xml.replace("<v>1000</v>", "<v>1001</v>") }, /sheet1\.xml changed/],
  ["a user sheet renamed", { "xl/workbook.xml": (xml) => xml.replace('name="Program"', 'name="Program2"') }, /<sheet> entries changed/],
  ["a user's defined name", { "xl/workbook.xml": (xml) => xml.replace(/<definedName name="Budgetjan">[^<]*<\/definedName>/, "") }, /Budgetjan/],
  ["a cell format moved", { "xl/styles.xml": (xml) => xml.replace(/<cellXfs count="(\d+)">/, '<cellXfs count="$1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>') }, /cellXfs\[0\]/],
  ["a workbook relationship", { "xl/_rels/workbook.xml.rels": (xml) => xml.replace(/<Relationship Id="rId3"[^>]*\/>/, "") }, /relationship rId3/],
  ["a content type", { "[Content_Types].xml": (xml) => xml.replace(/<Default Extension="rels"[^>]*\/>/, "") }, /\.rels lost/],
  ["workbook properties", { "xl/workbook.xml": (xml) => xml.replace("<workbookPr", '<workbookPr date1904="1"') }, /outside <sheets>/],
])("a result that changed %s is caught", (_what, edits, expected) => {
  const damaged = patchPackage(output, edits);
  expect(changes(damaged).join("\n")).toMatch(expected);
});

test("a lost part is caught", () => {
  const damaged = patchPackage(output, { "docProps/core.xml": null });
  expect(changes(damaged).join("\n")).toMatch(/docProps\/core\.xml is gone/);
});
