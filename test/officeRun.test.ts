import { generateRegion } from "../scripts/sample/generate";
import { runBalans } from "../src/core/engine";
import type { CellValue } from "../src/core/types";
import { applyPlan } from "../src/excel/applyPlan";
import { createFakeExcel } from "../src/excel/fake/fakeExcel";
import { readSnapshot } from "../src/excel/readWorkbook";

/**
 * A full run inside Excel, on the strict fake: read the workbook, run the engine, write
 * the summaries. The bound this test holds the adapter to:
 *
 *   syncs = 2 (sheet list, used ranges) + 1 per batch of values read (≤ 4 MB)
 *         + 1 (what is there before writing) + 1 per batch written (≤ 4 MB)
 *
 * so a workbook whose values and plan each fit one batch takes 5 syncs whatever its row
 * count, and a larger one one more sync per batch (each at least half full), never a
 * request or response over 5 MB.
 */

jest.setTimeout(180_000);

const MB = 1024 * 1024;

function fakeWorkbook(rowsPerMonth: number) {
  const book = generateRegion({ seed: 7, rowsPerMonth, months: 12, plantProblems: false });
  return {
    sheets: book.sheets.map((sheet) => ({
      name: sheet.name,
      cells: [...sheet.rows].map((row) => row.values.map((v) => (v === undefined ? null : v) as CellValue)),
    })),
  };
}

async function fullRun(rowsPerMonth: number) {
  const excel = createFakeExcel(fakeWorkbook(rowsPerMonth));
  const snapshot = await readSnapshot(excel.run);
  const { plan, analysis } = runBalans(snapshot, { language: "sv", today: { year: 2026, month: 11 } });
  await applyPlan(excel.run, plan);
  const requests = excel.stats.requests;
  return {
    syncs: excel.stats.syncs,
    largestSent: Math.max(...requests.map((r) => r.bytesSent)),
    largestReceived: Math.max(...requests.map((r) => r.bytesReceived)),
    sent: requests.reduce((n, r) => n + r.bytesSent, 0),
    received: requests.reduce((n, r) => n + r.bytesReceived, 0),
    rows: analysis.model.rows.length,
    writes: excel.writes,
    planSheets: plan.sheets.map((s) => s.name),
  };
}

describe("a full run in Excel, on the strict fake", () => {
  test("takes the same 5 syncs for 1 000 and 6 000 report rows", async () => {
    const small = await fullRun(80);
    const larger = await fullRun(500);
    expect(small.rows).toBeLessThanOrEqual(1_200);
    expect(larger.rows).toBeGreaterThan(5_500);
    expect(small.syncs).toBe(5);
    expect(larger.syncs).toBe(5);
  });

  test("12 month sheets × 20 000 rows: no request or response over 5 MB, one sync per batch", async () => {
    const run = await fullRun(20_000);
    expect(run.rows).toBeGreaterThan(12 * 19_000);
    expect(run.largestSent).toBeLessThanOrEqual(5 * MB);
    expect(run.largestReceived).toBeLessThanOrEqual(5 * MB);
    // Chunks are planned before the values are seen (a cautious bytes-per-cell guess), so
    // they are not all full: the bound holds each to at least half of the 4 MB budget.
    const bound = 3 + Math.ceil(run.received / (2 * MB)) + Math.ceil(run.sent / (2 * MB));
    expect(run.syncs).toBeLessThanOrEqual(bound);
    expect(run.syncs).toBeGreaterThan(5);
    // Balans wrote only its own sheets.
    const written = new Set(run.writes.map((w) => w.sheet));
    for (const sheet of written) expect(sheet.startsWith("Balans")).toBe(true);
  });
});
