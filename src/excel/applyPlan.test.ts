import type { PlanCell, SheetPlan, WritePlan } from "../core/types";
import { applyPlan, planLayout, takeBatch, textRects, validTableName, widthRuns } from "./applyPlan";
import { officeErrorMessage } from "./errors";
import { createFakeExcel, FAKE_PAYLOAD_LIMIT, type FakeExcel, type FakeInitialSheet, type FakeOptions } from "./fake/fakeExcel";
import type { FakeSheet } from "./fake/fakeState";

const STYLES: WritePlan["styles"] = {
  header: { bold: true, fill: "#DDEBF7", horizontal: "center" },
  amount: { numberFormat: "#,##0;-#,##0" },
  red: { fontColor: "#C00000", italic: true, underline: true, fontSize: 9, wrap: true },
};

const TRICKY_TEXTS = ["=SUM(A1:A2)", "+46 8 123", "-åtgärd", "@ägare", "00123", "TRUE", "2024-03-01", "'citat"];

/** A variance sheet: a header, `rows` data rows with text, numbers and formulas, and a totals row. */
function varianceSheet(rows: number, extra: Partial<SheetPlan> = {}): SheetPlan {
  const name = extra.name ?? "Balans avvikelse";
  const header: PlanCell[] = ["Förvaltning", "Kostnadsslag", "Budget", "Utfall", "Avvikelse", "Från Jan"].map((text) => ({ text }));
  const data: PlanCell[][] = Array.from({ length: rows }, (_, r) => [
    { text: TRICKY_TEXTS[r % TRICKY_TEXTS.length] },
    { text: `Kategori ${r % 5}` },
    { number: 100 + r },
    { number: 90 + r },
    { formula: `C${r + 2}-D${r + 2}`, value: 10 },
    { formula: "'Jan'!B2", value: 6810 },
  ]);
  const total: PlanCell[] = [
    { text: "Summa" },
    null,
    { formula: `SUM('${name}'!C2:C${rows + 1})`, value: 0 },
    { formula: `SUM(D2:D${rows + 1})`, value: 0 },
    { bool: true },
  ];
  return {
    kind: "variance",
    name,
    blocks: [{ top: 0, left: 0, cells: [header, ...data, total] }],
    styleRuns: [
      { range: { top: 0, left: 0, bottom: 0, right: 5 }, style: "header" },
      { range: { top: 1, left: 2, bottom: rows + 1, right: 4 }, style: "amount" },
      { range: { top: rows + 1, left: 0, bottom: rows + 1, right: 0 }, style: "red" },
    ],
    columnWidths: [24, 18, 12, 12, 12],
    freeze: { rows: 1, columns: 1 },
    tables: [{ name: "BalansVariance", range: { top: 0, left: 0, bottom: rows, right: 5 }, style: "TableStyleMedium2", columns: [] }],
    conditionalFormats: [
      { range: { top: 1, left: 4, bottom: rows, right: 4 }, rule: { type: "lessThan", value: 0 }, fill: "#FFC7CE", fontColor: "#9C0006" },
      { range: { top: 1, left: 1, bottom: rows, right: 1 }, rule: { type: "textEquals", text: 'Röd "status"' }, bold: true },
    ],
    charts: [
      {
        type: "column",
        title: "Avvikelse per kostnadsslag",
        categories: { top: 1, left: 1, bottom: Math.min(rows, 5), right: 1 },
        series: [
          { name: "Budget", values: { top: 1, left: 2, bottom: Math.min(rows, 5), right: 2 } },
          { name: "Utfall", values: { top: 1, left: 3, bottom: Math.min(rows, 5), right: 3 }, as: "line" },
        ],
        anchor: { top: 1, left: 8, bottom: 18, right: 15 },
        valueFormat: "#,##0",
      },
    ],
    tabColor: "#1F4E79",
    ...extra,
  };
}

function plan(sheets: SheetPlan[], remove: string[] = []): WritePlan {
  return { sheets, remove, styles: STYLES };
}

const USER_SHEETS: FakeInitialSheet[] = [
  { name: "Jan", cells: [["Konto", "Utfall"], [6810, 120]], formulas: { D1: "=SUM(B2:B3)" } },
  { name: "Åtgärder", cells: [["ID", "Åtgärd"], ["A1", "Minska hyrpersonal"]] },
];

const OLD_RESULT: FakeInitialSheet = {
  name: "Balans avvikelse",
  cells: [["gammalt resultat"]],
  names: { BalansOwner: '="balans:variance"' },
  tables: [{ name: "BalansVariance", address: "A1:A1" }],
};

/** Everything a user could see of a sheet, to compare before and after. */
function digest(sheet: FakeSheet): unknown {
  const rect = sheet.usedRect();
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells: rect ? sheet.grid2d(rect) : [],
    formulas: sheet.formulas(),
    names: [...sheet.names.values()],
    formats: sheet.formats.length,
  };
}

function workbookDigest(fake: FakeExcel): unknown {
  return { sheets: fake.workbook.sheets.map(digest), tables: fake.workbook.tables.map((t) => ({ ...t })) };
}

function fakeWith(sheets: FakeInitialSheet[], options?: FakeOptions): FakeExcel {
  return createFakeExcel({ sheets }, options);
}

describe("applyPlan", () => {
  it("writes texts as text, formulas as formulas, and every object of the plan", async () => {
    const fake = fakeWith(USER_SHEETS);
    const result = await applyPlan(fake.run, plan([varianceSheet(8)]));

    expect(result.sheets).toEqual([{ kind: "variance", name: "Balans avvikelse" }]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Jan", "Åtgärder", "Balans avvikelse"]);
    const sheet = fake.workbook.sheet("Balans avvikelse")!;
    // Every text lands as the text it is, `=`, `+`, `-`, `@`, digits and all.
    TRICKY_TEXTS.forEach((text, r) => expect(sheet.cell(1 + r, 0)).toMatchObject({ kind: "text", value: text }));
    expect(sheet.cell(0, 0)).toMatchObject({ kind: "text", value: "Förvaltning" });
    expect(sheet.cell(1, 2)).toMatchObject({ kind: "number", value: 100 });
    expect(sheet.cell(9, 4)).toMatchObject({ kind: "boolean", value: true });
    expect(sheet.formula(1, 4)).toBe("=C2-D2");
    expect(sheet.formula(1, 5)).toBe("='Jan'!B2");
    // Written against the temporary name, renamed with the sheet: it points at this sheet.
    expect(sheet.formula(9, 2)).toBe("=SUM('Balans avvikelse'!C2:C9)");
    expect(sheet.cell(1, 2).numberFormat).toBe("#,##0;-#,##0");

    expect(sheet.names.get("balansowner")).toEqual({ name: "BalansOwner", formula: '="balans:variance"', visible: false });
    expect(fake.workbook.tables).toEqual([{ name: "BalansVariance", sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 8, right: 5 }, hasHeaders: true, style: "TableStyleMedium2" }]);
    expect(sheet.conditionalFormats.map((cf) => [cf.rule, cf.format])).toEqual([
      [{ formula1: "=0", operator: "LessThan" }, { fill: "#FFC7CE", fontColor: "#9C0006" }],
      [{ formula1: '="Röd ""status"""', operator: "EqualTo" }, { bold: true }],
    ]);
    expect(sheet.charts).toEqual([
      {
        type: "ColumnClustered",
        name: "Chart 1",
        title: "Avvikelse per kostnadsslag",
        position: { start: "I2", end: "P19" },
        valueAxisNumberFormat: "#,##0",
        series: [
          { name: "Budget", values: { sheetId: sheet.id, rect: { top: 1, left: 2, bottom: 5, right: 2 } }, categories: { sheetId: sheet.id, rect: { top: 1, left: 1, bottom: 5, right: 1 } } },
          {
            name: "Utfall",
            values: { sheetId: sheet.id, rect: { top: 1, left: 3, bottom: 5, right: 3 } },
            categories: { sheetId: sheet.id, rect: { top: 1, left: 1, bottom: 5, right: 1 } },
            chartType: "Line",
          },
        ],
      },
    ]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet.tabColor).toBe("#1F4E79");
    expect([0, 1, 2, 4, 5].map((c) => sheet.columnWidths.get(c))).toEqual([129.75, 98.25, 66.75, 66.75, undefined]);
    // Styles are set on ranges: one record per property and run, not per cell.
    expect(sheet.formats.map((f) => f.property)).toEqual([
      "font.bold",
      "fill.color",
      "horizontalAlignment",
      "font.italic",
      "font.underline",
      "font.size",
      "font.color",
      "wrapText",
    ]);
    expect(fake.stats.activations).toEqual([]);
    expect(fake.stats.selections).toEqual([]);
    expect(result.syncs).toBe(fake.stats.syncs);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });

  it("replaces the old owned result and leaves the user's sheets alone", async () => {
    const fake = fakeWith([...USER_SHEETS, OLD_RESULT, { name: "Balans hyrpersonal", cells: [["gammal"]], names: { BalansOwner: '="balans:hired-staff"' } }]);
    const users = fake.workbook.sheets.slice(0, 2).map((s) => s.id);
    const before = fake.workbook.sheets.slice(0, 2).map(digest);

    await applyPlan(fake.run, plan([varianceSheet(3)], ["Balans hyrpersonal"]));

    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Jan", "Åtgärder", "Balans avvikelse"]);
    expect(fake.workbook.sheet("Balans avvikelse")!.raw(0, 0)).toBe("Förvaltning");
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["BalansVariance"]);
    expect(fake.workbook.sheets.slice(0, 2).map(digest)).toEqual(before);
    expect(fake.writes.filter((w) => users.includes(w.sheetId))).toEqual([]);
  });

  it("never touches a user's sheet that has a plan sheet's name, and points formulas at its own sheet", async () => {
    const mine: FakeInitialSheet = { name: "Balans avvikelse", cells: [["mina egna anteckningar"]] };
    const fake = fakeWith([...USER_SHEETS, mine, { name: "Balans åtgärder", cells: [["också min"]] }]);
    const before = workbookDigest(fake);
    const userIds = fake.workbook.sheets.map((s) => s.id);

    const result = await applyPlan(fake.run, plan([varianceSheet(3, { replaces: "Balans avvikelse" })], ["Balans åtgärder"]));

    expect(result.sheets).toEqual([{ kind: "variance", name: "Balans avvikelse (2)" }]);
    expect(fake.workbook.sheets.slice(0, 4).map(digest)).toEqual((before as { sheets: unknown[] }).sheets);
    expect(fake.writes.filter((w) => userIds.includes(w.sheetId))).toEqual([]);
    const written = fake.workbook.sheet("Balans avvikelse (2)")!;
    expect(written.formula(4, 2)).toBe("=SUM('Balans avvikelse (2)'!C2:C4)");
  });

  it("picks another table name when a user's table has the plan's", async () => {
    const fake = fakeWith([{ ...USER_SHEETS[0], tables: [{ name: "BalansVariance", address: "A1:B2" }] }]);
    await applyPlan(fake.run, plan([varianceSheet(3)]));
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["BalansVariance", "BalansVariance_2"]);
  });

  it("needs the same few syncs for 10 rows as for 20 000", async () => {
    const counts: number[] = [];
    for (const rows of [10, 20_000]) {
      const fake = fakeWith([...USER_SHEETS, OLD_RESULT]);
      const result = await applyPlan(fake.run, plan([varianceSheet(rows), varianceSheet(rows, { name: "Balans detalj", kind: "variance-detail", tables: [] })]));
      counts.push(result.syncs);
      expect(fake.stats.requests.every((r) => !r.failed && r.bytesSent <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    }
    // Stated bound: 1 (names) + 1 (owner marks of sheets in the way) + 1 write batch below 4 MB.
    expect(counts).toEqual([3, 3]);
  }, 30_000);

  it("splits only by bytes when the cells exceed the budget", async () => {
    const fake = fakeWith(USER_SHEETS);
    const big = varianceSheet(120_000, { charts: [], conditionalFormats: [] });
    const result = await applyPlan(fake.run, plan([big]));
    const sent = fake.stats.requests.reduce((sum, r) => sum + r.bytesSent, 0);
    expect(fake.stats.requests.every((r) => !r.failed && r.bytesSent <= FAKE_PAYLOAD_LIMIT)).toBe(true);
    // 1 sync for the names, then the write batches: about one per 0.8 × 4 MB of cells.
    expect(result.syncs).toBeLessThanOrEqual(1 + Math.ceil(sent / (0.8 * 4_000_000)) + 1);
    expect(result.syncs).toBeGreaterThan(2);
    const sheet = fake.workbook.sheet("Balans avvikelse")!;
    expect(sheet.cell(120_000, 0)).toMatchObject({ kind: "text", value: TRICKY_TEXTS[119_999 % TRICKY_TEXTS.length] });
    expect(sheet.cell(119_993, 0)).toMatchObject({ kind: "text", value: "=SUM(A1:A2)" });
    expect(sheet.formula(120_001, 2)).toBe("=SUM('Balans avvikelse'!C2:C120001)");
  }, 60_000);

  it("sends a refused write batch again in halves", async () => {
    // Excel takes less than the adapter plans for.
    const fake = fakeWith(USER_SHEETS, { limits: { requestBytes: 400_000 } });
    await applyPlan(fake.run, plan([varianceSheet(4000, { charts: [] }), varianceSheet(4000, { name: "Balans detalj", kind: "variance-detail", tables: [] })]));
    expect(fake.stats.requests.some((r) => r.failed === "RequestPayloadSizeLimitExceeded")).toBe(true);
    const detail = fake.workbook.sheet("Balans detalj")!;
    expect(detail.cell(4000, 0)).toMatchObject({ kind: "text", value: TRICKY_TEXTS[3999 % TRICKY_TEXTS.length] });
    expect(detail.formula(4001, 2)).toBe("=SUM('Balans detalj'!C2:C4001)");
    expect(detail.names.get("balansowner")?.formula).toBe('="balans:variance-detail"');
  });

  describe("when Excel says no, the workbook stays as it was", () => {
    // [label, sheets, options, error code, may the half-built sheets remain]
    const cases: [string, FakeInitialSheet[], FakeOptions, string, boolean][] = [
      ["the old result is protected", [...USER_SHEETS, { ...OLD_RESULT, protected: true }], {}, "AccessDenied", false],
      ["the user is editing a cell", [...USER_SHEETS, OLD_RESULT], { failOn: { editMode: true } }, "InvalidOperationInCellEditMode", false],
      ["a write batch fails once", [...USER_SHEETS, OLD_RESULT], { failOn: { failAfterSyncs: 2 } }, "GeneralException", false],
      ["the connection breaks for good", [...USER_SHEETS, OLD_RESULT], { failOn: { failAfterSyncs: 2, failTimes: Infinity } }, "GeneralException", true],
    ];

    it.each(cases)("%s", async (_label, sheets, options, code, tempsMayRemain) => {
      const fake = fakeWith(sheets, options);
      const before = workbookDigest(fake);
      const ids = fake.workbook.sheets.map((s) => s.id);

      const error = await applyPlan(fake.run, plan([varianceSheet(5)])).catch((e: unknown) => e);

      const mapped = officeErrorMessage(error);
      expect(mapped.code).toBe(code);
      expect(mapped.message.sv).not.toBe(mapped.message.en);
      const after = fake.workbook.sheets.filter((s) => ids.includes(s.id));
      expect({ sheets: after.map(digest), tables: fake.workbook.tables.filter((t) => ids.includes(t.sheetId)).map((t) => ({ ...t })) }).toEqual(before);
      if (!tempsMayRemain) expect(fake.workbook.sheets.map((s) => s.id)).toEqual(ids);
      expect(fake.writes.filter((w) => ids.includes(w.sheetId))).toEqual([]);
    });

    it("the workbook is protected", async () => {
      const fake = createFakeExcel({ sheets: USER_SHEETS, protected: true });
      const before = workbookDigest(fake);
      const error = await applyPlan(fake.run, plan([varianceSheet(5)])).catch((e: unknown) => e);
      expect(officeErrorMessage(error).code).toBe("AccessDenied");
      expect(workbookDigest(fake)).toEqual(before);
      expect(fake.writes).toEqual([]);
    });

    it("a later write batch fails: the batches already written are removed again", async () => {
      const fake = fakeWith([...USER_SHEETS, OLD_RESULT], { failOn: { failAfterSyncs: 3 } });
      const before = workbookDigest(fake);
      const error = await applyPlan(fake.run, plan([varianceSheet(60_000, { charts: [] })])).catch((e: unknown) => e);
      expect(officeErrorMessage(error).code).toBe("GeneralException");
      // Something was written before the failure…
      expect(fake.writes.some((w) => w.kind === "formulas")).toBe(true);
      // …and nothing of it is left.
      expect(workbookDigest(fake)).toEqual(before);
    }, 60_000);
  });

  it("only deletes what a plan without sheets removes, and only if it is Balans's", async () => {
    const fake = fakeWith([...USER_SHEETS, OLD_RESULT, { name: "Balans fynd", cells: [["mitt"]] }]);
    const result = await applyPlan(fake.run, plan([], ["Balans avvikelse", "Balans fynd"]));
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Jan", "Åtgärder", "Balans fynd"]);
    expect(result).toEqual({ syncs: 3, sheets: [] });

    const idle = fakeWith(USER_SHEETS);
    expect(await applyPlan(idle.run, plan([]))).toEqual({ syncs: 1, sheets: [] });
    expect(idle.writes).toEqual([]);
  });

  it("refuses a plan with a style it does not define, before touching Excel", async () => {
    const fake = fakeWith(USER_SHEETS);
    const bad = varianceSheet(2, { styleRuns: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: "saknas" }] });
    await expect(applyPlan(fake.run, plan([bad]))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("planLayout", () => {
  it("builds under free temporary names and ends under the plan's names where they are free", () => {
    const layout = planLayout(plan([varianceSheet(1), varianceSheet(1, { name: "Jan", tables: [] })]), {
      sheets: ["Jan", "Balans~1", "Balans avvikelse"],
      ownedToDelete: ["Balans avvikelse"],
      tables: ["BalansVariance"],
      tablesOnDeleted: ["BalansVariance"],
    });
    expect(layout).toMatchObject({
      deletes: ["Balans avvikelse"],
      temps: ["Balans~2", "Balans~3"],
      finals: ["Balans avvikelse", "Jan (2)"],
      tableNames: [["BalansVariance"], []],
    });
    expect([...layout.retarget]).toEqual([
      ["balans avvikelse", "Balans~2"],
      ["jan", "Balans~3"],
    ]);
  });

  it("keeps a renamed sheet within 31 characters", () => {
    const long = "Balans avvikelse per ansvar 2024"; // 32: the core would not do this, so 31:
    const name = long.slice(0, 31);
    const layout = planLayout(plan([varianceSheet(1, { name, tables: [] })]), { sheets: [name], ownedToDelete: [], tables: [], tablesOnDeleted: [] });
    expect(layout.finals[0]).toBe("Balans avvikelse per ansvar (2)");
    expect(layout.finals[0].length).toBeLessThanOrEqual(31);
  });
});

describe("validTableName", () => {
  it.each([
    ["BalansVariance", "BalansVariance"],
    ["Balans avvikelse", "Balans_avvikelse"],
    ["2024", "_2024"],
    ["AB12", "_AB12"],
    ["R1C1", "_R1C1"],
    ["Åtgärder", "Åtgärder"],
  ])("%s → %s", (wanted, expected) => {
    expect(validTableName(wanted)).toBe(expected);
  });
});

describe("textRects", () => {
  it("merges text runs into rectangles", () => {
    const t = { text: "x" };
    const n = { number: 1 };
    expect(
      textRects(
        [
          [t, t, t],
          [t, n, n],
          [t, n, t],
          [null, n, t],
        ],
        10,
        2,
      ),
    ).toEqual([
      { top: 10, bottom: 10, left: 2, right: 4 },
      { top: 11, bottom: 12, left: 2, right: 2 },
      { top: 12, bottom: 13, left: 4, right: 4 },
    ]);
  });
});

describe("widthRuns and takeBatch", () => {
  it("groups equal neighbouring widths", () => {
    expect(widthRuns([10, 10, 0, 12, 12, 12])).toEqual([
      { from: 0, to: 1, points: 56.25 },
      { from: 3, to: 5, points: 66.75 },
    ]);
  });

  it("takes steps in order under the budget, and at least one", () => {
    const steps = [3, 3, 5, 1, 9].map((bytes) => ({ bytes, queue: () => undefined }));
    expect(takeBatch(steps, 0, 6)).toBe(2);
    expect(takeBatch(steps, 2, 6)).toBe(4);
    expect(takeBatch(steps, 4, 6)).toBe(5);
  });
});
