import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isXlsxError } from "./errors";
import { readXlsx, readXlsxLazily } from "./readXlsx";
import { handPackage } from "./__tests__/packages";

const SAMPLE = join(__dirname, "..", "..", "samples", "region-mittland-2024.xlsx");

/** A worksheet over 2 MB of XML, the size from which a lazy snapshot keeps only the last one read. */
function largeRows(label: string): string {
  const rows: string[] = [];
  for (let r = 1; r <= 30_000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${label}</t></is></c><c r="B${r}"><v>${r}.5</v></c></row>`);
  return rows.join("");
}

describe("readXlsxLazily", () => {
  it("gives the snapshot readXlsx gives", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    expect(readXlsxLazily(bytes, { name: "s.xlsx" })).toEqual(readXlsx(bytes, { name: "s.xlsx" }));
  });

  it("reads a sheet's cells only when asked, and a large sheet again after another", () => {
    const bytes = handPackage({ sheets: [{ name: "Stor A", rows: largeRows("a") }, { name: "Stor B", rows: largeRows("b") }, { name: "Liten", rows: `<row r="2"><c r="C2"><v>7</v></c></row>` }] });
    const [a, b, small] = readXlsxLazily(bytes).sheets;
    expect(a.name).toBe("Stor A");
    const firstA = a.rows;
    expect(a.rows).toBe(firstA); // kept while it is the last large sheet read
    expect(b.rows[29_999]).toEqual(["b", 30_000.5]);
    const againA = a.rows; // read again: B took its place
    expect(againA).not.toBe(firstA);
    expect(againA).toEqual(firstA);
    expect([small.top, small.left, small.rows]).toEqual([1, 2, [[7]]]);
    expect(small.rows).toBe(small.rows);
  });

  it("reports a damaged sheet when its cells are read, as an XlsxError", () => {
    const bytes = handPackage({ sheets: [{ name: "Hel", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }, { name: "Trasig", xml: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>` }] });
    const snapshot = readXlsxLazily(bytes);
    expect(snapshot.sheets[0].rows).toEqual([[1]]);
    let error: unknown;
    try {
      void snapshot.sheets[1].rows;
    } catch (e) {
      error = e;
    }
    expect(isXlsxError(error)).toBe(true);
  });

  it("refuses a workbook past the content limits when the sheet that passes them is read", () => {
    const bytes = handPackage({ sheets: [{ name: "A", rows: largeRows("a") }, { name: "B", rows: largeRows("b") }] });
    const snapshot = readXlsxLazily(bytes, { contentLimits: { filledRows: 50_000, filledCells: 1e9 } });
    expect(snapshot.sheets[0].rows).toHaveLength(30_000);
    expect(() => snapshot.sheets[1].rows).toThrow(expect.objectContaining({ code: "too-large" }));
  });
});
