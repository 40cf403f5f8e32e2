import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBalans } from "../src/core/engine";
import type { SheetPlan, WritePlan } from "../src/core/types";
import { readXlsx } from "../src/xlsx/readXlsx";
import { applyPlanToXlsx } from "../src/xlsx/writeXlsx";
import { ensureLibreOffice, recalculate } from "./support/libreoffice";
import { writeRandomWorkbook } from "./support/randomWorkbook";

/**
 * The independent check of what Balans writes: LibreOffice opens the result workbook,
 * recalculates every formula from the source cells, and each summary figure must equal
 * the value the engine computed (and wrote as the formula's cached value).
 */

jest.setTimeout(240_000);

const soffice = ensureLibreOffice();
if (!soffice) throw new Error("LibreOffice is needed for this test; .ci/run installs it (apt-get install libreoffice-calc-nogui).");

const dir = mkdtempSync(join(tmpdir(), "balans-agree-"));

interface Mismatch {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
  readonly engine: unknown;
  readonly libreOffice: string;
}

/** LibreOffice's CSV keeps percent signs on percentage cells; everything else is a plain number or text. */
function numberFromCsv(text: string): number {
  const trimmed = text.trim();
  if (trimmed.endsWith("%")) return Number(trimmed.slice(0, -1)) / 100;
  return Number(trimmed);
}

function compare(plan: WritePlan, recalculated: Map<string, string[][]>): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const sheet of plan.sheets) {
    const rows = recalculated.get(sheet.name);
    if (!rows) throw new Error(`LibreOffice did not export ${sheet.name}`);
    for (const block of sheet.blocks) {
      block.cells.forEach((cells, r) => {
        cells.forEach((cell, c) => {
          if (!cell || !("formula" in cell)) return;
          const row = block.top + r;
          const column = block.left + c;
          const shown = rows[row]?.[column] ?? "";
          checked++;
          const expected = cell.value;
          let ok: boolean;
          if (typeof expected === "number") {
            const actual = numberFromCsv(shown);
            ok = Number.isFinite(actual) && Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)) + 1e-6;
          } else {
            ok = shown === String(expected ?? "");
          }
          if (!ok) mismatches.push({ sheet: sheet.name, cell: `R${row + 1}C${column + 1}`, formula: cell.formula, engine: expected, libreOffice: shown });
        });
      });
    }
  }
  return { checked, mismatches };
}

async function agree(input: Uint8Array, name: string): Promise<{ checked: number; mismatches: Mismatch[]; plan: WritePlan; recalculated: Map<string, string[][]> }> {
  const snapshot = readXlsx(input, { name });
  const { plan } = runBalans(snapshot, { language: "sv", today: { year: 2026, month: 11 } });
  const output = join(dir, name);
  writeFileSync(output, applyPlanToXlsx(input, plan));
  const recalculated = await recalculate(output, join(dir, `${name}-csv`), [...snapshot.sheets.map((s) => s.name), ...plan.sheets.map((s) => s.name)]);
  return { ...compare(plan, recalculated), plan, recalculated };
}

/** The plan with one formula's engine value off by one: the comparison must notice. */
function withOneWrongFigure(plan: WritePlan): WritePlan {
  let done = false;
  const sheets = plan.sheets.map((sheet) => ({
    ...sheet,
    blocks: sheet.blocks.map((block) => ({
      ...block,
      cells: block.cells.map((row) =>
        row.map((cell) => {
          if (done || !cell || !("formula" in cell) || typeof cell.value !== "number") return cell;
          done = true;
          return { ...cell, value: cell.value + 1 };
        }),
      ),
    })),
  }));
  return { ...plan, sheets };
}

const formulaCount = (sheet: SheetPlan) => sheet.blocks.reduce((n, b) => n + b.cells.reduce((m, row) => m + row.filter((c) => c && "formula" in c).length, 0), 0);

describe("LibreOffice recalculates what Balans wrote to the same figures", () => {
  test("the bundled sample", async () => {
    const input = new Uint8Array(readFileSync(join(__dirname, "..", "samples", "region-mittland-2024.xlsx")));
    const { checked, mismatches, plan, recalculated } = await agree(input, "sample.xlsx");
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compare(withOneWrongFigure(plan), recalculated).mismatches).toHaveLength(1);
    // Every summary sheet is live: most of its figures are formulas.
    for (const sheet of plan.sheets.filter((s) => s.kind !== "keys")) expect(formulaCount(sheet)).toBeGreaterThan(10);
    expect(checked).toBeGreaterThan(3000);
  });

  test.each([1, 2, 3, 4, 5, 6])("random messy workbook, seed %i", async (seed) => {
    const path = join(dir, `random-${seed}.xlsx`);
    const facts = await writeRandomWorkbook(path, { seed });
    const { checked, mismatches } = await agree(new Uint8Array(readFileSync(path)), `random-${seed}.xlsx`);
    expect({ facts, mismatches: mismatches.slice(0, 10) }).toEqual({ facts, mismatches: [] });
    expect(checked).toBeGreaterThan(50);
  });
});
