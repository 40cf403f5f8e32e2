import { createFakeExcel, type FakeExcel } from "./fakeExcel";
import { parseEntry, retargetReferences } from "./fakeState";

/**
 * Reads a property through a plain function: these tests break the load-and-sync rule on
 * purpose, to see the fake refuse, which the office-addins lint rules would (rightly) flag
 * in adapter code.
 */
function readProperty<K extends string>(proxy: Record<K, unknown>, property: K): unknown {
  return proxy[property];
}

function twoSheets(): FakeExcel {
  return createFakeExcel({
    name: "Region.xlsx",
    sheets: [
      { name: "Jan", cells: [["Konto", "Utfall"], [6810, 12.5], [null, { error: "#REF!" }]], top: 4, left: 2 },
      { name: "Balans avvikelse", cells: [["x"]], names: { BalansOwner: '="balans:variance"' } },
    ],
  });
}

describe("the strict fake", () => {
  it("throws PropertyNotLoaded on a property read before load and sync", async () => {
    const fake = twoSheets();
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Jan");
        sheet.load("name");
        return readProperty(sheet, "name"); // not synced yet
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Jan").getRange("C5");
        range.load("address");
        await context.sync();
        return readProperty(range, "values"); // synced, but not loaded
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("reads loaded properties after a sync and counts each sync as one request", async () => {
    const fake = twoSheets();
    const result = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Jan").getUsedRange(true);
      range.load("address,values");
      await context.sync();
      return { address: range.address, values: range.values };
    });
    expect(result.address).toBe("Jan!C5:D7");
    expect(result.values).toEqual([["Konto", "Utfall"], [6810, 12.5], ["", "#REF!"]]);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.requests).toHaveLength(1);
    // What came back is the JSON of the loaded properties, byte for byte.
    const expected = Buffer.byteLength(JSON.stringify({ address: result.address, values: result.values }));
    expect(fake.stats.requests[0].bytesReceived).toBe(expected);
  });

  it("measures the bytes sent, UTF-8 and all", async () => {
    const fake = twoSheets();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Jan").getRange("A1:B1").values = [["Specialistvård", "ÅÄÖ".repeat(1000)]];
      await context.sync();
    });
    const sent = fake.stats.requests[0].bytesSent;
    // 3000 two-byte letters and the rest: more bytes than characters.
    expect(sent).toBeGreaterThan(6000 + "Specialistvård".length);
    expect(sent).toBeLessThan(6500);
  });

  it("gives null objects for missing sheets, names and used ranges", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Tom", cells: [] }, { name: "Jan", cells: [[1]] }] });
    const result = await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Feb");
      missing.load("name");
      const mark = context.workbook.worksheets.getItem("Jan").names.getItemOrNullObject("BalansOwner");
      mark.load("value");
      const used = context.workbook.worksheets.getItem("Tom").getUsedRangeOrNullObject(true);
      used.load("address");
      const present = context.workbook.worksheets.getItemOrNullObject("jan");
      present.load("name");
      await context.sync();
      return { missing: missing.isNullObject, mark: mark.isNullObject, used: used.isNullObject, present: present.isNullObject, name: present.name };
    });
    expect(result).toEqual({ missing: true, mark: true, used: true, present: false, name: "Jan" });
  });

  it("fails with ItemNotFound when a missing object is used", async () => {
    const fake = twoSheets();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Feb").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("refuses requests and responses over 5 MB", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Big", cells: Array.from({ length: 200_000 }, (_, r) => [`rad ${r} med lite text`, r]) }] });
    const rows = Array.from({ length: 200_000 }, (_, r) => [`ny rad ${r} med lite text`, r]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Big").getRange("D1:E200000").values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    // Nothing of the refused request was applied.
    expect(fake.workbook.sheet("Big")!.raw(0, 3)).toBe("");
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Big").getRange("A1:B200000");
        range.load("values");
        await context.sync();
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.stats.requests.map((r) => r.failed)).toEqual(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
  });

  it("throws on a sync inside a sync and on a run that ends unsynced", async () => {
    const fake = twoSheets();
    await expect(
      fake.run(async (context) => {
        void context.sync();
        await context.sync();
      }),
    ).rejects.toThrow(/still pending/);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Jan").getRange("A1").values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
    await expect(
      fake.run(async (context) => {
        void context.sync();
      }),
    ).rejects.toThrow(/still pending/);
  });

  it("injects cell-edit mode and a failure after n syncs", async () => {
    const editing = createFakeExcel({ sheets: [{ name: "Jan", cells: [[1]] }] }, { failOn: { editMode: true } });
    await expect(editing.run((context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });

    const flaky = createFakeExcel({ sheets: [{ name: "Jan", cells: [[1]] }] }, { failOn: { failAfterSyncs: 1 } });
    await flaky.run((context) => context.sync());
    await expect(flaky.run((context) => context.sync())).rejects.toMatchObject({ code: "GeneralException" });
    // One failure by default, then the connection is back.
    await expect(flaky.run((context) => context.sync())).resolves.toBeUndefined();
  });

  it("stores what Excel would store for typed input, unless the cell is text-formatted", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ut", cells: [] }] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ut");
      sheet.getRange("A1:F1").values = [["=1+1", "+A1", "-x", "00123", "TRUE", "'=kvar som text"]];
      const text = sheet.getRange("A2:D2");
      text.numberFormat = "@" as unknown as string[][];
      text.formulas = [["=1+1", "+A1", "00123", "@namn"]];
      await context.sync();
    });
    const sheet = fake.workbook.sheet("Ut")!;
    expect([0, 1, 2].map((c) => sheet.cell(0, c).kind)).toEqual(["formula", "formula", "formula"]);
    expect(sheet.formula(0, 1)).toBe("=+A1");
    expect(sheet.cell(0, 3)).toMatchObject({ kind: "number", value: 123 });
    expect(sheet.cell(0, 4)).toMatchObject({ kind: "boolean", value: true });
    expect(sheet.cell(0, 5)).toMatchObject({ kind: "text", value: "=kvar som text" });
    expect([0, 1, 2, 3].map((c) => sheet.cell(1, c))).toEqual([
      { kind: "text", value: "=1+1", numberFormat: "@" },
      { kind: "text", value: "+A1", numberFormat: "@" },
      { kind: "text", value: "00123", numberFormat: "@" },
      { kind: "text", value: "@namn", numberFormat: "@" },
    ]);
  });

  it("checks array sizes against the range", async () => {
    const fake = twoSheets();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Jan").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses writes to a protected sheet and sheet changes in a protected workbook", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Jan", cells: [[1]], protected: true }, { name: "Feb", cells: [[2]] }] });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Jan").getRange("A1").values = [[9]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.sheet("Jan")!.raw(0, 0)).toBe(1);

    const locked = createFakeExcel({ sheets: [{ name: "Jan", cells: [[1]] }], protected: true });
    await expect(
      locked.run(async (context) => {
        context.workbook.worksheets.add("Ny");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(locked.workbook.sheets.map((s) => s.name)).toEqual(["Jan"]);
  });

  it("applies a failing batch up to the failing operation, like Excel", async () => {
    const fake = twoSheets();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("Ny");
        context.workbook.worksheets.getItem("Saknas").delete();
        context.workbook.worksheets.add("Aldrig");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Jan", "Balans avvikelse", "Ny"]);
  });

  it("rewrites references when a sheet is renamed and breaks them when it is deleted", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "Jan", cells: [[1]] },
        { name: "Ut", cells: [], formulas: { A1: "='Jan'!A1+Jan!B2", B1: "=\"'Jan'!A1\"&Jan!A1" } },
      ],
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Jan").name = "Januari 2024";
      await context.sync();
    });
    const out = fake.workbook.sheet("Ut")!;
    expect(out.formula(0, 0)).toBe("='Januari 2024'!A1+'Januari 2024'!B2");
    expect(out.formula(0, 1)).toBe("=\"'Jan'!A1\"&'Januari 2024'!A1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Januari 2024").delete();
      await context.sync();
    });
    expect(out.formula(0, 0)).toBe("=#REF!+#REF!");
  });

  it("records every write with its sheet and what it changed", async () => {
    const fake = twoSheets();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Ny");
      sheet.getRange("A1:B1").values = [[1, 2]];
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
      await context.sync();
    });
    expect(fake.writes.map((w) => [w.sheet, w.kind, w.address])).toEqual([
      ["Ny", "addSheet", ""],
      ["Ny", "values", "Ny!A1:B1"],
      ["Ny", "format", "Ny!A1:B1"],
      ["Ny", "freeze", ""],
    ]);
    expect(fake.workbook.sheet("Ny")!.formats).toEqual([{ rect: { top: 0, left: 0, bottom: 0, right: 1 }, property: "font.bold", value: true }]);
  });

  it("reads a sheet-scoped name's value and formula", async () => {
    const fake = twoSheets();
    const mark = await fake.run(async (context) => {
      const item = context.workbook.worksheets.getItem("Balans avvikelse").names.getItemOrNullObject("BalansOwner");
      item.load("value,formula,visible");
      await context.sync();
      return { value: item.value, formula: item.formula, visible: item.visible };
    });
    expect(mark).toEqual({ value: "balans:variance", formula: '="balans:variance"', visible: false });
  });
});

describe("typed input", () => {
  it.each([
    ["=A1", { kind: "formula", formula: "=A1" }],
    ["-", { kind: "value", value: "-" }],
    ["-5", { kind: "value", value: -5 }],
    ["1e3", { kind: "value", value: 1000 }],
    ["2024-03-01", { kind: "value", value: 45352 }],
    ["Summa", { kind: "value", value: "Summa" }],
  ])("%s", (input, expected) => {
    expect(parseEntry(input)).toEqual(expected);
  });
});

describe("sheet references in formulas", () => {
  it("leaves string literals and other sheets alone", () => {
    expect(retargetReferences("='Jan'!A1+'Jan 2'!A1+\"Jan!A1\"", "Jan", "X")).toBe("='X'!A1+'Jan 2'!A1+\"Jan!A1\"");
    expect(retargetReferences("='It''s'!A1", "It's", "Its")).toBe("='Its'!A1");
    expect(retargetReferences("=SUM(Jan!A1:A9)", "jan", null)).toBe("=SUM(#REF!)");
  });

  it("is not fooled by a name that ends another one", () => {
    expect(retargetReferences("=XJan!A1", "Jan", "Feb")).toBe("=XJan!A1");
  });
});
