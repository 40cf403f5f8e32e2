import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 as nodeCrc32, deflateRawSync } from "node:zlib";
import { readXlsx, READ_LIMITS } from "../../src/xlsx/readXlsx";
import { XlsxError } from "../../src/xlsx/errors";
import { writeZip } from "../../src/xlsx/zip";
import { runCli, wellBehaved } from "./support/cli";

/**
 * Workbooks at Excel's limits, generated at test time (never committed): a sheet filled
 * down to row 1 048 576, and a report sheet with one stray cell in that row. Balans reads
 * at most READ_LIMITS of filled content and refuses more with a reason (exit 2), in
 * bounded time and memory; a sheet that merely reaches far down is read as usual.
 */

jest.setTimeout(240_000);

const EXCEL_ROWS = 1_048_576;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const dir = mkdtempSync(join(tmpdir(), "balans-huge-"));

/** A one-sheet workbook around the given `<sheetData>` children, deflated with Node's zlib through our zip writer. */
function workbook(sheetData: string): Uint8Array {
  const parts = new Map<string, string>([
    [
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ["_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Mars 2024" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ["xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`],
  ]);
  const encoder = new TextEncoder();
  const crc = (nodeCrc32 as ((data: Uint8Array) => number) | undefined) ?? undefined;
  return writeZip(
    [...parts].map(([name, text]) => ({ name, data: encoder.encode(text) })),
    { deflateRaw: (data) => deflateRawSync(data, { level: 1 }), ...(crc ? { crc32: crc } : {}) },
  );
}

const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Förvaltning</t></is></c><c r="B1" t="inlineStr"><is><t>Konto</t></is></c><c r="C1" t="inlineStr"><is><t>Budget</t></is></c><c r="D1" t="inlineStr"><is><t>Utfall</t></is></c></row>`;

describe("a sheet filled down to Excel's last row", () => {
  const path = join(dir, "full", "miljon-rader.xlsx");
  const out = join(dir, "full", "resultat.xlsx");

  beforeAll(() => {
    // One number per row keeps the file small (about 40 MB of XML, 1 MB zipped) while every row counts as filled.
    const rows: string[] = [HEADER];
    for (let r = 2; r <= EXCEL_ROWS; r++) rows.push(`<row r="${r}"><c r="C${r}"><v>${r % 1000}</v></c></row>`);
    mkdirSync(join(dir, "full"));
    writeFileSync(path, workbook(rows.join("")));
  });

  test("is refused with exit 2 and a one-line reason, in bounded time and memory, writing nothing", () => {
    const run = runCli(["check", path, "--out", out], { timeoutMs: 120_000, maxOldSpaceMb: 1024 });
    expect(wellBehaved(run)).toEqual([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/för stor/);
    expect(run.stderr).toMatch(/1\s000\s000 ifyllda rader/);
    expect(run.maxRss).toBeLessThan(1.5 * 1024 ** 3);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(dir, "full"))).toEqual(["miljon-rader.xlsx"]);
  });

  test("says so in English too", () => {
    const run = runCli(["check", path, "--lang", "en"], { timeoutMs: 120_000, maxOldSpaceMb: 1024 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^balans: The file is too large to read safely\. It has more than 1,000,000 filled rows/);
  });
});

describe("a report sheet with one stray cell in row 1 048 576", () => {
  test("is read and checked as usual", () => {
    const rows =
      HEADER +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Psykiatri</t></is></c><c r="B2"><v>7010</v></c><c r="C2"><v>100</v></c><c r="D2"><v>110</v></c></row>` +
      `<row r="${EXCEL_ROWS}"><c r="XFD${EXCEL_ROWS}"><v>1</v></c></row>`;
    const path = join(dir, "glest.xlsx");
    writeFileSync(path, workbook(rows));
    const out = join(dir, "glest-resultat.xlsx");
    const run = runCli(["check", path, "--out", out], { timeoutMs: 60_000, maxOldSpaceMb: 512 });
    expect(wellBehaved(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("the content limits", () => {
  const grid = (rows: number, columns: number) =>
    Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${Array.from({ length: columns }, () => `<c><v>${r}</v></c>`).join("")}</row>`).join("");
  const small = (rows: number, columns: number) => workbook(grid(rows, columns));
  const refusal = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return error instanceof XlsxError ? `${error.code}: ${error.message.en}` : String(error);
    }
    return "read";
  };

  test("count filled rows and filled cells, and allow exactly the limit", () => {
    const limits = { filledRows: 10, filledCells: 40 };
    expect(refusal(() => readXlsx(small(10, 4), { contentLimits: limits }))).toBe("read");
    expect(refusal(() => readXlsx(small(11, 1), { contentLimits: limits }))).toMatch(/^too-large: .*more than 10 filled rows/);
    expect(refusal(() => readXlsx(small(5, 9), { contentLimits: limits }))).toMatch(/^too-large: .*more than 40 filled cells/);
  });

  test("leave room above the benchmark's largest workbook (12 × 50 000 rows of a dozen columns)", () => {
    expect(READ_LIMITS.filledRows).toBeGreaterThan(12 * 50_000);
    expect(READ_LIMITS.filledCells).toBeGreaterThan(12 * 50_000 * 14);
  });
});
