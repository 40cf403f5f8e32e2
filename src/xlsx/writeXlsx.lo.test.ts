/**
 * LibreOffice as an independent engine: it opens what the writer wrote, recalculates every
 * formula, and renders the charts. Slow (a few seconds per call), hence `*.lo.test.ts`.
 * The rendered pages are left in test-output/xlsx/ for a person to look at.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanCell, WritePlan } from "../core/types";
import { ensureLibreOffice, pdfPageCount, pdfToPng, recalculate, toPdf } from "../../test/support/libreoffice";
import { handPackage } from "./__tests__/packages";
import { FINDINGS, INJECTED_TEXTS, VARIANCE, samplePlan, userWorkbook } from "./__tests__/plans";
import { applyPlanToXlsx } from "./writeXlsx";

const OUT = join(__dirname, "..", "..", "test-output", "xlsx");
const soffice = ensureLibreOffice();
if (!soffice) {
  console.warn(process.env.CI ? "LibreOffice is missing on CI: the tests below fail." : "LibreOffice is missing: skipping the LibreOffice tests (they run on CI).");
}
const describeLo = soffice || process.env.CI ? describe : describe.skip;

/** A CSV field from LibreOffice's raw export as the value it stands for. */
function fromCsv(text: string): string | number | boolean {
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  const percent = /^(-?[\d.]+(?:E[-+]?\d+)?)\s?%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (text !== "" && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

function formulaCells(plan: WritePlan, sheet: string): { row: number; column: number; cell: Extract<PlanCell, { formula: string }> }[] {
  const out: { row: number; column: number; cell: Extract<PlanCell, { formula: string }> }[] = [];
  for (const block of plan.sheets.find((s) => s.name === sheet)?.blocks ?? []) {
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && "formula" in cell) out.push({ row: block.top + r, column: block.left + c, cell });
      }),
    );
  }
  return out;
}

describeLo("LibreOffice opens what the writer writes", () => {
  let path: string;
  let sheets: Map<string, string[][]>;
  const plan = samplePlan();

  beforeAll(async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is required for these tests");
    mkdirSync(OUT, { recursive: true });
    path = join(OUT, "sample-plan.xlsx");
    writeFileSync(path, applyPlanToXlsx(await userWorkbook(), plan));
    sheets = await recalculate(path, join(OUT, "csv"), ["Mars 2024", "Åtgärder", VARIANCE, FINDINGS]);
  }, 240_000);

  it("recalculates every formula to the value the plan cached", () => {
    const cells = [...formulaCells(plan, VARIANCE), ...formulaCells(plan, FINDINGS)];
    expect(cells.length).toBeGreaterThan(10);
    for (const sheet of [VARIANCE, FINDINGS]) {
      for (const { row, column, cell } of formulaCells(plan, sheet)) {
        const shown = fromCsv(sheets.get(sheet)?.[row]?.[column] ?? "");
        const where = `${sheet}!R${row + 1}C${column + 1} ${cell.formula}`;
        if (typeof cell.value === "number") {
          expect([where, typeof shown]).toEqual([where, "number"]);
          expect(shown as number).toBeCloseTo(cell.value, 9);
        } else {
          expect([where, shown]).toEqual([where, cell.value]);
        }
      }
    }
  });

  it("shows texts that look like formulas as the texts themselves", () => {
    INJECTED_TEXTS.forEach((text, i) => expect(sheets.get(VARIANCE)?.[6 + i]?.[0]).toBe(text));
  });

  it("leaves the user's sheets as they were", () => {
    expect(sheets.get("Mars 2024")?.slice(0, 3).map((r) => r.slice(0, 4))).toEqual([
      ["Förvaltning", "Konto", "Budget", "Utfall"],
      ["Kirurgi", "6810", "100", "120"],
      ["Medicin", "7010", "200", "150"],
    ]);
    expect(sheets.get("Åtgärder")?.[1]?.slice(0, 3)).toEqual(["1", "Minska hyrläkare", "500"]);
  });

  it("renders the charts (pages are left in test-output/xlsx/png for looking at)", async () => {
    const withCharts = await toPdf(path, join(OUT, "pdf"));
    const plain = join(OUT, "sample-plan-no-charts.xlsx");
    writeFileSync(plain, applyPlanToXlsx(await userWorkbook(), { ...plan, sheets: plan.sheets.map((s) => ({ ...s, charts: [] })) }));
    const withoutCharts = await toPdf(plain, join(OUT, "pdf"));
    expect(pdfPageCount(withCharts)).toBeGreaterThan(1);
    // Two charts are drawn as vector graphics: several kilobytes more than the same sheets without them.
    expect(statSync(withCharts).size - statSync(withoutCharts).size).toBeGreaterThan(4000);
    expect(pdfToPng(withCharts, join(OUT, "png")).length).toBe(pdfPageCount(withCharts));
  }, 240_000);

  it("exports sheets from A1, whatever their used range (as recalculate's callers assume)", async () => {
    const offset = join(OUT, "offset.xlsx");
    writeFileSync(offset, handPackage({ sheets: [{ name: "Data", rows: `<row r="5"><c r="C5"><f>2*3</f><v>0</v></c></row>` }] }));
    const csv = await recalculate(offset, join(OUT, "csv"), ["Data"]);
    expect(csv.get("Data")?.[4]?.[2]).toBe("6"); // recalculated, not the stale cached 0
  }, 240_000);
});
