import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBalans } from "../src/core/engine";
import { readXlsx } from "../src/xlsx/readXlsx";
import { openWorkbookPackage } from "../src/xlsx/workbookPackage";
import { applyPlanToXlsx } from "../src/xlsx/writeXlsx";

/**
 * Running Balans on its own result must change nothing: the summary sheets come out the
 * same, and every other sheet keeps its cells (and its very bytes).
 */

const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "..", "samples", "region-mittland-2024.xlsx")));
const options = { language: "sv" as const, today: { year: 2026, month: 11 } };

function run(input: Uint8Array): Uint8Array {
  return applyPlanToXlsx(input, runBalans(readXlsx(input, { name: "region-mittland-2024.xlsx" }), options).plan);
}

/** Each worksheet's part bytes by sheet name, and whether Balans owns it. */
function sheetParts(bytes: Uint8Array): Map<string, { owned: boolean; xml: string }> {
  const pkg = openWorkbookPackage(bytes);
  const snapshot = readXlsx(bytes);
  const owned = new Set(snapshot.sheets.filter((s) => s.ownerMark?.startsWith("balans:")).map((s) => s.name));
  const parts = new Map<string, { owned: boolean; xml: string }>();
  for (const sheet of pkg.sheets) {
    if (!sheet.part) continue;
    parts.set(sheet.name, { owned: owned.has(sheet.name), xml: new TextDecoder().decode(pkg.zip.read(sheet.part)) });
  }
  return parts;
}

describe("re-running on the result workbook", () => {
  const first = run(SAMPLE);
  const second = run(first);
  const input = sheetParts(SAMPLE);
  const once = sheetParts(first);
  const twice = sheetParts(second);

  test("gives the same sheets in the same order", () => {
    expect([...twice.keys()]).toEqual([...once.keys()]);
    expect([...once.values()].filter((p) => p.owned)).toHaveLength(6);
  });

  test("gives identical summary sheets", () => {
    for (const [name, part] of once) {
      if (!part.owned) continue;
      expect({ name, xml: twice.get(name)?.xml }).toEqual({ name, xml: part.xml });
    }
  });

  test("leaves every sheet of the user's byte-identical, after one run and after two", () => {
    for (const [name, part] of input) {
      expect(once.get(name)?.xml === part.xml).toBe(true);
      expect(twice.get(name)?.xml === part.xml).toBe(true);
    }
  });

  test("the cell values of the user's sheets read back the same", () => {
    const before = readXlsx(SAMPLE).sheets;
    const after = readXlsx(second).sheets.filter((s) => !s.ownerMark);
    expect(after).toEqual(before);
  });

  test("a third run gives the very same bytes as the second", () => {
    expect(Buffer.from(run(second)).equals(Buffer.from(second))).toBe(true);
  });
});
