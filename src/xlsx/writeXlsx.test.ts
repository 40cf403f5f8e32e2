import type ExcelJS from "exceljs";
import fc from "fast-check";
import { validateXML } from "xmllint-wasm";
import type { CellValue, PlanCell, WritePlan } from "../core/types";
import { XlsxError, type XlsxErrorCode } from "./errors";
import { excelJsLoad, handPackage, partText, partsOf, patchPackage, MAIN_NS } from "./__tests__/packages";
import { AWKWARD_TEXT, FINDINGS, INJECTED_TEXTS, STYLES, VARIANCE, samplePlan, userWorkbook } from "./__tests__/plans";
import { newWorkbookFromPlan } from "./newWorkbook";
import { readXlsx } from "./readXlsx";
import { applyPlanToXlsx } from "./writeXlsx";
import { openZip } from "./zip";

/** Parts the writer may change; everything else must come out byte for byte. */
const TOUCHABLE = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/calcChain.xml"]);

function codeOf(work: () => unknown): XlsxErrorCode | "no error" {
  try {
    work();
  } catch (error) {
    if (error instanceof XlsxError) return error.code;
    throw error;
  }
  return "no error";
}

/** The exact text of each child of `<container>` in a styles part. */
function children(xml: string, container: string): string[] {
  const body = new RegExp(`<${container}[^>]*>([\\s\\S]*?)</${container}>`).exec(xml)?.[1] ?? "";
  const tag = { cellXfs: "xf", fonts: "font", fills: "fill", numFmts: "numFmt", dxfs: "dxf" }[container] as string;
  return [...body.matchAll(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map((m) => m[0]);
}

const cellOf = (wb: ExcelJS.Workbook, sheet: string, address: string) => wb.getWorksheet(sheet)?.getCell(address);

describe("applyPlanToXlsx on a user's workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await userWorkbook();
    output = applyPlanToXlsx(input, samplePlan());
    book = await excelJsLoad(output);
  });

  it("appends the plan's sheets after the user's, in order", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["Mars 2024", "Åtgärder", VARIANCE, FINDINGS]);
  });

  it("writes values and formulas with their cached results", () => {
    expect(cellOf(book, VARIANCE, "A2")?.value).toBe("Kirurgi");
    expect(cellOf(book, VARIANCE, "B2")?.value).toBe(100);
    expect(cellOf(book, VARIANCE, "C2")?.value).toEqual({ formula: "'Mars 2024'!D2", result: 120 });
    expect(cellOf(book, VARIANCE, "D3")?.value).toEqual({ formula: "C3-B3", result: -50 });
    expect(cellOf(book, VARIANCE, "E2")?.value).toEqual({ formula: 'IF(D2>0,"Röd","Grön")', result: "Röd" });
    expect(cellOf(book, VARIANCE, "E4")?.value).toEqual({ formula: "D4<0", result: true });
    expect(cellOf(book, VARIANCE, "B16")?.value).toEqual({ formula: "B4/0", result: { error: "#DIV/0!" } });
    expect(cellOf(book, VARIANCE, "B17")?.value).toBe(false);
    // post-2007 functions carry the prefix Excel expects in files
    expect(cellOf(book, VARIANCE, "B18")?.value).toEqual({ formula: "_xlfn.IFS(B4>0,1,TRUE,2)", result: 1 });
  });

  it("writes texts that look like formulas as plain strings", () => {
    INJECTED_TEXTS.forEach((text, i) => {
      const cell = cellOf(book, VARIANCE, `A${7 + i}`);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
    const xml = partText(output, "xl/worksheets/sheet3.xml");
    expect(xml).not.toMatch(/<f>1\+1<\/f>|<f>HYPERLINK/);
  });

  it("keeps control characters, CR and escape look-alikes through the OOXML escape", () => {
    const snapshot = readXlsx(output);
    const sheet = snapshot.sheets.find((s) => s.name === VARIANCE);
    expect(sheet?.rows[12][0]).toBe(AWKWARD_TEXT);
  });

  it("reads back the same through our own reader, owner marks included", () => {
    const snapshot = readXlsx(output);
    expect(snapshot.sheets.map((s) => [s.name, s.ownerMark])).toEqual([
      ["Mars 2024", undefined],
      ["Åtgärder", undefined],
      [VARIANCE, "balans:variance"],
      [FINDINGS, "balans:findings"],
    ]);
    const variance = snapshot.sheets[2];
    expect(variance.rows[3]).toEqual(["Summa", 300, 270, -30, true]);
    expect(variance.numberFormats?.[1]?.[1]).toBe("#,##0;-#,##0");
    expect(snapshot.sheets[3].numberFormats?.[1]?.[1]).toBe("0.0 %");
  });

  it("marks each new sheet with a hidden sheet-scoped BalansOwner name", () => {
    const workbookXml = partText(output, "xl/workbook.xml");
    expect(workbookXml).toContain(`<definedName name="BalansOwner" localSheetId="2" hidden="1">"balans:variance"</definedName>`);
    expect(workbookXml).toContain(`<definedName name="BalansOwner" localSheetId="3" hidden="1">"balans:findings"</definedName>`);
    // recalculation on open is asked for, and the calcPr attributes already there stay
    expect(partText(input, "xl/workbook.xml")).toContain(`<calcPr calcId="171027"/>`);
    expect(workbookXml).toContain(`<calcPr calcId="171027" fullCalcOnLoad="1"/>`);
  });

  it("writes tables with unique ids, header cells equal to the column names, and an autofilter", () => {
    type WithTables = ExcelJS.Worksheet & { tables: Record<string, { model: { tableRef: string; headerRow: boolean; columns: { name: string }[] } }> };
    const variance = book.getWorksheet(VARIANCE) as WithTables;
    const findings = book.getWorksheet(FINDINGS) as WithTables;
    expect(Object.keys(variance.tables)).toEqual(["BalansVariance"]);
    const model = variance.tables.BalansVariance.model;
    expect([model.tableRef, model.headerRow, model.columns.map((c) => c.name)]).toEqual(["A1:E4", true, ["Förvaltning", "Budget", "Utfall", "Avvikelse", "Status"]]);
    expect(["A1", "B1", "C1", "D1", "E1"].map((a) => cellOf(book, VARIANCE, a)?.value)).toEqual(model.columns.map((c) => c.name));
    expect(Object.keys(findings.tables)).toEqual(["BalansFindings"]);
    const ids = ["xl/tables/table1.xml", "xl/tables/table2.xml"].map((p) => /\sid="(\d+)"/.exec(partText(output, p))?.[1]);
    expect(new Set(ids).size).toBe(2);
    expect(partText(output, "xl/tables/table1.xml")).toContain('<autoFilter ref="A1:E4"/>');
  });

  it("applies styles, widths, the frozen pane, the tab colour and conditional formats", () => {
    const ws = book.getWorksheet(VARIANCE) as ExcelJS.Worksheet;
    expect(ws.getCell("B2").numFmt).toBe("#,##0;-#,##0");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.color?.argb).toBe("FFFFFFFF");
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E78");
    expect(ws.getCell("A7").alignment?.wrapText).toBe(true);
    expect(ws.getColumn(1).width).toBeCloseTo(24.71, 1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
    expect(ws.properties.tabColor?.argb).toBe("FF1F4E78");
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.flatMap((cf) => cf.rules.map((r) => [cf.ref, (r as ExcelJS.CellIsRuleType).operator, (r as ExcelJS.CellIsRuleType).formulae]));
    expect(rules).toEqual([
      ["D2:D4", "lessThan", ["0"]],
      ["D2:D4", "greaterThan", ["0"]],
      ["E2:E3", "equal", ['"Röd"']],
    ]);
  });

  it("writes charts as drawings with a cache of the plan's values", () => {
    const sheetRels = partText(output, "xl/worksheets/_rels/sheet3.xml.rels");
    expect(sheetRels).toContain('Target="../drawings/drawing2.xml"'); // drawing1 is the user's image
    const drawing = partText(output, "xl/drawings/drawing2.xml");
    expect(drawing).toContain("<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(partText(output, "xl/drawings/_rels/drawing2.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const chart = partText(output, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("<c:f>'Balans avvikelse'!$B$2:$B$3</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>150</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="0"><c:v>Kirurgi</c:v></c:pt>');
    expect(chart).toContain('formatCode="#,##0" sourceLinked="0"');
    const bar = partText(output, "xl/charts/chart2.xml");
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).not.toContain("<c:lineChart>");
    const types = partText(output, "[Content_Types].xml");
    for (const part of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing2.xml", "xl/drawings/drawing3.xml", "xl/tables/table1.xml", "xl/worksheets/sheet3.xml"]) {
      expect(types).toContain(`PartName="/${part}"`);
    }
  });

  it("keeps every part it has no business with byte for byte", () => {
    const before = partsOf(input);
    const after = partsOf(output);
    for (const [name, data] of before) {
      expect(after.has(name)).toBe(true);
      if (!TOUCHABLE.has(name)) expect(Buffer.from(after.get(name) as Uint8Array).equals(Buffer.from(data))).toBe(true);
    }
    expect(before.has("xl/media/image1.png")).toBe(true);
  });

  it("changes the parts it must touch only by adding to them", () => {
    const stylesBefore = partText(input, "xl/styles.xml");
    const stylesAfter = partText(output, "xl/styles.xml");
    for (const container of ["cellXfs", "fonts", "fills", "numFmts"]) {
      const old = children(stylesBefore, container);
      expect(children(stylesAfter, container).slice(0, old.length)).toEqual(old);
      expect(children(stylesAfter, container).length).toBeGreaterThan(old.length);
    }
    expect(stylesAfter).toMatch(new RegExp(`<cellXfs count="${children(stylesAfter, "cellXfs").length}"`));
    const ids = children(stylesAfter, "numFmts").map((n) => Number(/numFmtId="(\d+)"/.exec(n)?.[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids.slice(children(stylesBefore, "numFmts").length))).toBeGreaterThanOrEqual(164);

    const workbookBefore = partText(input, "xl/workbook.xml");
    const workbookAfter = partText(output, "xl/workbook.xml");
    for (const sheet of workbookBefore.match(/<sheet [^>]*\/>/g) ?? []) expect(workbookAfter).toContain(sheet);
    for (const name of workbookBefore.match(/<definedName[^>]*>[^<]*<\/definedName>/g) ?? []) expect(workbookAfter).toContain(name);
    for (const rel of partText(input, "xl/_rels/workbook.xml.rels").match(/<Relationship [^>]*\/>/g) ?? []) {
      expect(partText(output, "xl/_rels/workbook.xml.rels")).toContain(rel);
    }
    for (const type of partText(input, "[Content_Types].xml").match(/<(Override|Default) [^>]*\/>/g) ?? []) {
      expect(partText(output, "[Content_Types].xml")).toContain(type);
    }
  });

  it("writes only well-formed XML", async () => {
    const before = partsOf(input);
    const written = [...partsOf(output)].filter(([name, data]) => /\.(xml|rels)$/.test(name) && !(before.get(name) && Buffer.from(before.get(name) as Uint8Array).equals(Buffer.from(data))));
    expect(written.length).toBeGreaterThan(10);
    for (const [name, data] of written) {
      const result = await validateXML({ xml: { fileName: name.replace(/[^\w.]/g, "_"), contents: data }, normalization: "c14n" });
      expect([name, result.errors.map((e) => e.message)]).toEqual([name, []]);
    }
  });

  it("is deterministic, and re-applying the plan over its own output gives the same bytes", () => {
    expect(Buffer.from(applyPlanToXlsx(input, samplePlan())).equals(Buffer.from(output))).toBe(true);
    const again = applyPlanToXlsx(output, samplePlan({ replace: true }));
    expect(Buffer.from(again).equals(Buffer.from(output))).toBe(true);
  });

  it("removes owned sheets with their parts, names and nothing else", () => {
    const removed = applyPlanToXlsx(output, { remove: [VARIANCE, FINDINGS], styles: {}, sheets: [] });
    const parts = [...partsOf(removed).keys()];
    expect(parts.filter((p) => /chart|table|drawing2|drawing3|sheet3|sheet4/.test(p))).toEqual([]);
    expect(parts).toContain("xl/drawings/drawing1.xml"); // the user's image stays
    expect(parts).toContain("xl/media/image1.png");
    const snapshot = readXlsx(removed);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Mars 2024", "Åtgärder"]);
    expect(partText(removed, "xl/workbook.xml")).not.toContain("BalansOwner");
    expect(partText(removed, "[Content_Types].xml")).not.toMatch(/chart|table/);
  });
});

describe("removing sheets from the middle", () => {
  const owned = (i: number, kind: string) => `<definedName name="BalansOwner" localSheetId="${i}" hidden="1">"balans:${kind}"</definedName>`;
  const cell = `<row r="1"><c r="A1"><v>1</v></c></row>`;
  const workbook = handPackage({
    sheets: [
      { name: "Först", rows: cell },
      { name: "Balans gammal", rows: cell },
      { name: "Sist", rows: cell },
    ],
    definedNames:
      `<definedNames><definedName name="Urval" localSheetId="2">Sist!$A$1</definedName>${owned(1, "variance")}` +
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'Balans gammal'!$A$1</definedName><definedName name="Första" localSheetId="0">Först!$A$1</definedName></definedNames>`,
    extraParts: {
      "xl/calcChain.xml": `<calcChain xmlns="${MAIN_NS}"><c r="A1" i="1"/><c r="B1"/><c r="A1" i="2"/><c r="A2"/><c r="A1" i="3"/></calcChain>`,
    },
  });
  const withCalcChain = patchPackage(workbook, {
    "xl/_rels/workbook.xml.rels": (xml) => xml.replace("</Relationships>", `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`),
    "[Content_Types].xml": (xml) => xml.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`),
    "xl/workbook.xml": (xml) => xml.replace("</sheets>", `</sheets>`).replace("<sheets>", `<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>`),
  });

  it("renumbers sheet-scoped names, views and the calculation chain", () => {
    const out = applyPlanToXlsx(withCalcChain, { remove: ["Balans gammal"], styles: {}, sheets: [] });
    const xml = partText(out, "xl/workbook.xml");
    expect(xml).toContain(`<definedName name="Urval" localSheetId="1">Sist!$A$1</definedName>`);
    expect(xml).toContain(`<definedName name="Första" localSheetId="0">Först!$A$1</definedName>`);
    expect(xml).not.toContain("Print_Area");
    expect(xml).not.toContain("BalansOwner");
    expect(xml).toContain(`<workbookView activeTab="1" firstSheet="0"/>`);
    expect(partText(out, "xl/calcChain.xml")).toBe(`<calcChain xmlns="${MAIN_NS}"><c r="A1" i="1"/><c r="B1"/><c r="A1" i="3"/></calcChain>`);
    expect(readXlsx(out).sheets.map((s) => s.name)).toEqual(["Först", "Sist"]);
    expect(openZip(out).entry("xl/worksheets/sheet2.xml")).toBeUndefined();
  });

  it("replaces an owned sheet in place of name, appending the new one at the end", () => {
    const plan: WritePlan = {
      remove: [],
      styles: {},
      sheets: [{ kind: "variance", name: "Balans gammal", replaces: "Balans gammal", blocks: [{ top: 0, left: 0, cells: [[{ text: "ny" }]] }], styleRuns: [], columnWidths: [], tables: [], conditionalFormats: [], charts: [] }],
    };
    const out = applyPlanToXlsx(workbook, plan);
    const snapshot = readXlsx(out);
    expect(snapshot.sheets.map((s) => [s.name, s.ownerMark, s.rows])).toEqual([
      ["Först", undefined, [[1]]],
      ["Sist", undefined, [[1]]],
      ["Balans gammal", "balans:variance", [["ny"]]],
    ]);
  });

  it("never deletes a sheet without the owner mark, and never reuses a user's sheet name", () => {
    expect(codeOf(() => applyPlanToXlsx(workbook, { remove: ["Sist"], styles: {}, sheets: [] }))).toBe("not-owned");
    const named = (name: string, replaces?: string): WritePlan => ({
      remove: [],
      styles: {},
      sheets: [{ kind: "findings", name, replaces, blocks: [], styleRuns: [], columnWidths: [], tables: [], conditionalFormats: [], charts: [] }],
    });
    expect(codeOf(() => applyPlanToXlsx(workbook, named("sist")))).toBe("name-taken");
    expect(codeOf(() => applyPlanToXlsx(workbook, named("Ny", "Först")))).toBe("not-owned");
    expect(codeOf(() => applyPlanToXlsx(workbook, named("Bad/name")))).toBe("invalid-plan");
    expect(codeOf(() => applyPlanToXlsx(workbook, named("x".repeat(32))))).toBe("invalid-plan");
    // a name no sheet has is simply not there to delete
    expect(codeOf(() => applyPlanToXlsx(workbook, { remove: ["Finns inte"], styles: {}, sheets: [] }))).toBe("no error");
  });
});

describe("other packages", () => {
  it("keeps a macro workbook's VBA project and content type", async () => {
    const xlsm = patchPackage(await userWorkbook(), {
      "xl/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      "xl/_rels/workbook.xml.rels": (xml) => xml.replace("</Relationships>", `<Relationship Id="rId77" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`),
      "[Content_Types].xml": (xml) =>
        xml
          .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
          .replace("</Types>", `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>`),
    });
    const out = applyPlanToXlsx(xlsm, samplePlan());
    expect(Array.from(openZip(out).read("xl/vbaProject.bin"))).toEqual([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    expect(partText(out, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(partText(out, "xl/_rels/workbook.xml.rels")).toContain("vbaProject.bin");
    expect(readXlsx(out).sheets).toHaveLength(4);
  });

  it("rewrites a UTF-16 workbook part it edits as UTF-8, declaration included", async () => {
    const base = handPackage({ sheets: [{ name: "U", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }] });
    const utf16 = (text: string) => {
      const body = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const out = new Uint8Array(2 + body.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < body.length; i++) new DataView(out.buffer).setUint16(2 + i * 2, body.charCodeAt(i), true);
      return out;
    };
    const input = patchPackage(base, { "xl/workbook.xml": utf16(partText(base, "xl/workbook.xml")) });
    expect(readXlsx(input).sheets.map((s) => s.name)).toEqual(["U"]);
    const out = applyPlanToXlsx(input, samplePlan());
    const bytes = openZip(out).read("xl/workbook.xml");
    expect([bytes[0], bytes[1]]).toEqual([0x3c, 0x3f]); // "<?", no byte-order mark
    expect(partText(out, "xl/workbook.xml")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect((await excelJsLoad(out)).worksheets.map((w) => w.name)).toEqual(["U", VARIANCE, FINDINGS]);
  });

  it("refuses cells outside the sheet", () => {
    const plan = samplePlan();
    const far: WritePlan = { ...plan, sheets: [{ ...plan.sheets[0], blocks: [{ top: 0, left: 16383, cells: [[{ number: 1 }, { number: 2 }]] }] }] };
    expect(codeOf(() => applyPlanToXlsx(handPackage({ sheets: [{ name: "A", rows: "" }] }), far))).toBe("invalid-plan");
  });

  it("refuses to write into an ISO Strict workbook", () => {
    const strict = handPackage({ sheets: [{ name: "S", xml: `<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData/></worksheet>` }] });
    const patched = patchPackage(strict, { "xl/workbook.xml": (xml) => xml.replace(MAIN_NS, "http://purl.oclc.org/ooxml/spreadsheetml/main") });
    expect(codeOf(() => applyPlanToXlsx(patched, samplePlan()))).toBe("strict-ooxml");
  });

  it("adds a styles part to a workbook that has none, and prefixes its elements where the workbook does", () => {
    const prefixed = patchPackage(handPackage({ sheets: [{ name: "P", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }), {
      "xl/workbook.xml": () => `<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="P" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
    });
    const out = applyPlanToXlsx(prefixed, samplePlan());
    const xml = partText(out, "xl/workbook.xml");
    expect(xml).toContain(`<x:sheet name="${VARIANCE}" sheetId="2" rel:id="rId2"/>`);
    expect(xml).toContain(`<x:definedNames><x:definedName name="BalansOwner" localSheetId="1" hidden="1">"balans:variance"</x:definedName>`);
    expect(xml).toContain(`<x:calcPr fullCalcOnLoad="1"/></x:workbook>`);
    expect(partText(out, "xl/_rels/workbook.xml.rels")).toContain('Target="styles.xml"');
    expect(readXlsx(out).sheets.map((s) => s.name)).toEqual(["P", VARIANCE, FINDINGS]);
  });

  it("makes table names unique against the user's tables", async () => {
    const input = await userWorkbook((wb) => {
      const ws = wb.getWorksheet("Åtgärder") as ExcelJS.Worksheet;
      ws.addTable({ name: "BalansVariance", ref: "E1", columns: [{ name: "A" }, { name: "B" }], rows: [[1, 2]] });
    });
    const out = applyPlanToXlsx(input, samplePlan());
    const names = [...partsOf(out).keys()].filter((p) => p.startsWith("xl/tables/")).map((p) => /\sname="([^"]+)"/.exec(partText(out, p))?.[1]);
    expect(names.sort()).toEqual(["BalansFindings", "BalansVariance", "BalansVariance_2"]);
    const ids = [...partsOf(out).keys()].filter((p) => p.startsWith("xl/tables/")).map((p) => /\sid="(\d+)"/.exec(partText(out, p))?.[1]);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("newWorkbookFromPlan", () => {
  it("makes a workbook with only the plan's sheets, the first one visible", async () => {
    const plan = samplePlan();
    const bytes = newWorkbookFromPlan({ ...plan, sheets: plan.sheets.map((s) => ({ ...s, hidden: true })), remove: ["Gammalt"] });
    const book = await excelJsLoad(bytes);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      [VARIANCE, "visible"],
      [FINDINGS, "hidden"],
    ]);
    expect(book.getWorksheet(FINDINGS)?.getCell("B2").numFmt).toBe(STYLES.percent.numberFormat);
    expect(readXlsx(bytes).sheets.map((s) => s.ownerMark)).toEqual(["balans:variance", "balans:findings"]);
    expect(Buffer.from(newWorkbookFromPlan(plan)).equals(Buffer.from(newWorkbookFromPlan(plan)))).toBe(true);
  });

  it("refuses a plan without sheets", () => {
    expect(codeOf(() => newWorkbookFromPlan({ remove: [], styles: {}, sheets: [] }))).toBe("invalid-plan");
  });
});

describe("round trip through our reader", () => {
  it("reads back what any plan of texts, numbers and booleans wrote", () => {
    const base = handPackage({ sheets: [{ name: "Data", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }] });
    const planCell: fc.Arbitrary<PlanCell> = fc.oneof(
      fc.constant(null),
      fc.string({ unit: "binary", maxLength: 20 }).map((text) => ({ text })),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => ({ number })),
      fc.boolean().map((bool) => ({ bool })),
    );
    const expected = (cell: PlanCell): CellValue => {
      if (cell === null) return null;
      if ("text" in cell) return cell.text === "" ? null : cell.text;
      if ("number" in cell) return Object.is(cell.number, -0) ? 0 : cell.number;
      if ("bool" in cell) return cell.bool;
      return null;
    };
    fc.assert(
      fc.property(fc.array(fc.array(planCell, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.nat(5), fc.nat(5), (cells, top, left) => {
        const plan: WritePlan = {
          remove: [],
          styles: {},
          sheets: [{ kind: "findings", name: "Balans", blocks: [{ top, left, cells }], styleRuns: [], columnWidths: [], tables: [], conditionalFormats: [], charts: [] }],
        };
        const sheet = readXlsx(applyPlanToXlsx(base, plan)).sheets[1];
        for (let r = 0; r < cells.length; r++) {
          for (let c = 0; c < cells[r].length; c++) {
            const got = sheet.rows[top + r - sheet.top]?.[left + c - sheet.left] ?? null;
            expect(got).toEqual(expected(cells[r][c]));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
