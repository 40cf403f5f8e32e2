import type { CellValue } from "../core/types";
import { createFakeExcel, FAKE_PAYLOAD_LIMIT } from "./fake/fakeExcel";
import { planBatch, readSnapshot } from "./readWorkbook";

describe("readSnapshot", () => {
  it("reads values, errors, blanks, offsets, visibility and owner marks", async () => {
    const ragged: CellValue[][] = [
      ["Förvaltning", "Konto", "Budget", null, null, "Kommentar"],
      ["Specialistvård", "6810", 120.5, { error: "#N/A" }],
      [],
      [null, null, null, null, null, null],
    ];
    // The used range ends where the last value is, so pad row 35 (sheet row 40) with one.
    const rows: CellValue[][] = [...ragged, ...Array.from({ length: 31 }, () => [] as CellValue[]), [null, null, null, null, null, true]];
    const fake = createFakeExcel({
      name: "Region Mittland.xlsx",
      sheets: [
        { name: "Mars 2024", cells: rows, top: 4, left: 2 },
        { name: "Dold", cells: [["x"]], visibility: "hidden" },
        { name: "Mycket dold", cells: [[1]], visibility: "veryHidden" },
        { name: "Balans avvikelse", cells: [["Förvaltning"]], names: { BalansOwner: '="balans:variance"' } },
        { name: "Tom", cells: [] },
        { name: "It's", cells: [[null, "x"]], top: 1 },
      ],
    });
    const snapshot = await readSnapshot(fake.run);

    expect(snapshot.name).toBe("Region Mittland.xlsx");
    expect(snapshot.date1904).toBe(false);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility, s.ownerMark])).toEqual([
      ["Mars 2024", "visible", undefined],
      ["Dold", "hidden", undefined],
      ["Mycket dold", "veryHidden", undefined],
      ["Balans avvikelse", "visible", "balans:variance"],
      ["Tom", "visible", undefined],
      ["It's", "visible", undefined],
    ]);
    const mars = snapshot.sheets[0];
    // C5:H40
    expect([mars.top, mars.left, mars.rows.length, mars.rows[0].length]).toEqual([4, 2, 36, 6]);
    expect(mars.rows[0]).toEqual(["Förvaltning", "Konto", "Budget", null, null, "Kommentar"]);
    expect(mars.rows[1]).toEqual(["Specialistvård", "6810", 120.5, { error: "#N/A" }, null, null]);
    expect(mars.rows[2]).toEqual([null, null, null, null, null, null]);
    expect(mars.rows[35]).toEqual([null, null, null, null, null, true]);
    expect(snapshot.sheets[4]).toMatchObject({ top: 0, left: 0, rows: [] });
    expect(snapshot.sheets[5]).toMatchObject({ top: 1, left: 1, rows: [["x"]] });
    expect("ownerMark" in snapshot.sheets[0]).toBe(false);
  });

  it("needs three round trips for a workbook below the budget, and only values are read", async () => {
    const sheets = Array.from({ length: 12 }, (_, m) => ({
      name: `2024-${String(m + 1).padStart(2, "0")}`,
      cells: Array.from({ length: 300 }, (_, r) => ["Division A", `${6000 + r}`, r * 10.5, r * 11.25]),
    }));
    const fake = createFakeExcel({ sheets });
    const progress: [number, number][] = [];
    const snapshot = await readSnapshot(fake.run, { onProgress: (done, total) => progress.push([done, total]) });
    expect(fake.stats.syncs).toBe(3);
    expect(new Set(fake.stats.requests[2].loaded)).toEqual(new Set(["values"]));
    expect(fake.stats.requests.flatMap((r) => r.loaded)).not.toContain("numberFormat");
    expect(snapshot.sheets[11].rows[299]).toEqual(["Division A", "6299", 3139.5, 3363.75]);
    expect(progress).toEqual([
      [0, 12 * 300 * 4],
      [12 * 300 * 4, 12 * 300 * 4],
    ]);
  });

  it("reads a large workbook in few requests, each under 5 MB, with bytes close to the values", async () => {
    const SHEETS = 12;
    const ROWS = 20_000;
    const COLUMNS = 14;
    const sheets = Array.from({ length: SHEETS }, (_, s) => ({
      name: `Månad ${s + 1}`,
      cells: Array.from({ length: ROWS }, (_, r) => {
        const row: CellValue[] = [`Förvaltning ${r % 7}`, `Ansvar ${r % 113}`, 6000 + (r % 900), `Konto ${r % 900} kostnad`];
        for (let c = 4; c < COLUMNS; c++) row.push(Math.round(((r * 31 + c * 17 + s) % 100000) * 1.37 * 100) / 100);
        return row;
      }),
    }));
    const fake = createFakeExcel({ sheets });
    const valuesBytes = fake.workbook.sheets.reduce((sum, sheet) => {
      const rect = sheet.usedRect()!;
      return sum + Buffer.byteLength(JSON.stringify(sheet.grid2d(rect)));
    }, 0);

    const snapshot = await readSnapshot(fake.run);

    const budget = 4_000_000;
    // Stated bound: 2 + 1 + ⌈1.25 × value bytes / budget⌉, plus 1 for rounding of blocks to whole rows.
    const bound = 2 + 1 + Math.ceil((1.25 * valuesBytes) / budget) + 1;
    expect(fake.stats.syncs).toBeLessThanOrEqual(bound);
    expect(fake.stats.requests.every((r) => !r.failed && r.bytesReceived <= FAKE_PAYLOAD_LIMIT && r.bytesSent <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    const received = fake.stats.requests.reduce((sum, r) => sum + r.bytesReceived, 0);
    expect(received).toBeLessThanOrEqual(1.2 * valuesBytes);
    expect(snapshot.sheets).toHaveLength(SHEETS);
    expect(snapshot.sheets.every((s) => s.rows.length === ROWS && s.rows.every((row) => row.length === COLUMNS))).toBe(true);
    expect(snapshot.sheets[7].rows[12345]).toEqual(sheets[7].cells[12345]);
  }, 60_000);

  it("halves the batch and retries when Excel says the response is too large", async () => {
    const sheets = Array.from({ length: 3 }, (_, s) => ({
      name: `Blad ${s}`,
      cells: Array.from({ length: 6000 }, (_, r) => [`Text som tar plats ${r}`, r, r / 7, `mer text ${s}`]),
    }));
    // Excel allows less than the adapter plans for: the adapter must shrink its requests.
    const fake = createFakeExcel({ sheets }, { limits: { responseBytes: 300_000 } });
    const snapshot = await readSnapshot(fake.run);
    const failed = fake.stats.requests.filter((r) => r.failed === "ResponsePayloadSizeLimitExceeded");
    expect(failed.length).toBeGreaterThan(0);
    expect(fake.stats.requests.filter((r) => !r.failed).every((r) => r.bytesReceived <= 300_000)).toBe(true);
    expect(snapshot.sheets.map((s) => s.rows.length)).toEqual([6000, 6000, 6000]);
    expect(snapshot.sheets[2].rows[5999]).toEqual(["Text som tar plats 5999", 5999, 5999 / 7, "mer text 2"]);
  });

  it("gives up with the Office error when even one row is too large", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", cells: [["x".repeat(5000)]] }] }, { limits: { responseBytes: 1000 } });
    await expect(readSnapshot(fake.run)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("passes other errors on", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", cells: [[1]] }] }, { failOn: { editMode: true } });
    await expect(readSnapshot(fake.run)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("planBatch", () => {
  const sheets = [{ extent: { top: 0, left: 0, rows: 100, columns: 10 } }, { extent: null }, { extent: { top: 3, left: 2, rows: 5, columns: 4 } }];

  it("takes whole sheets while they fit", () => {
    expect(planBatch(sheets, { sheet: 0, row: 0 }, 10, 1_000_000, 1_000_000)).toEqual([
      { sheet: 0, row: 0, rows: 100 },
      { sheet: 2, row: 0, rows: 5 },
    ]);
  });

  it("cuts a sheet into row blocks by bytes and by cells", () => {
    expect(planBatch(sheets, { sheet: 0, row: 0 }, 10, 3000, 1_000_000)).toEqual([{ sheet: 0, row: 0, rows: 30 }]);
    expect(planBatch(sheets, { sheet: 0, row: 90 }, 10, 3000, 1_000_000)).toEqual([
      { sheet: 0, row: 90, rows: 10 },
      { sheet: 2, row: 0, rows: 5 },
    ]);
    expect(planBatch(sheets, { sheet: 0, row: 0 }, 10, 1_000_000, 250)).toEqual([{ sheet: 0, row: 0, rows: 25 }]);
  });

  it("always takes at least one row, and nothing at the end", () => {
    expect(planBatch(sheets, { sheet: 0, row: 0 }, 10, 1, 1)).toEqual([{ sheet: 0, row: 0, rows: 1 }]);
    expect(planBatch(sheets, { sheet: 2, row: 5 }, 10, 1000, 1000)).toEqual([]);
  });
});
