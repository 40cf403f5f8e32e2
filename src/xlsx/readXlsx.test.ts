import fc from "fast-check";
import { inflateRawSync } from "node:zlib";
import type { CellValue } from "../core/types";
import { excelJsBytes, excelJsLoad, handPackage, worksheetXml, MAIN_NS } from "./__tests__/packages";
import { readXlsx, stringLiteral } from "./readXlsx";
import { isoDateToSerial } from "./read/worksheet";

const MARCH_15_2024 = new Date(Date.UTC(2024, 2, 15));
const MARCH_15_2024_SERIAL = 45366;

describe("readXlsx on workbooks written by ExcelJS", () => {
  it("reads every kind of value, with number formats only where not General", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Mars 2024");
      ws.getCell("A1").value = "Konto";
      ws.getCell("B1").value = { richText: [{ text: "Bud" }, { text: "get", font: { bold: true } }] };
      ws.getCell("C1").value = "Kommentar & <anteckning>";
      ws.getCell("A2").value = 6810;
      ws.getCell("B2").value = true;
      ws.getCell("C2").value = { error: "#REF!" };
      ws.getCell("D2").value = { formula: "A2*2", result: 13620 };
      ws.getCell("E2").value = { formula: '"x"&"y"', result: "xy" };
      ws.getCell("F2").value = MARCH_15_2024;
      ws.getCell("F2").numFmt = "yyyy-mm-dd";
      ws.getCell("G2").value = 0.25;
      ws.getCell("G2").numFmt = "0.0%";
      ws.getCell("H2").value = -1234.5;
      ws.getCell("H2").numFmt = "#,##0;-#,##0";
      ws.getCell("I2").value = false;
      // row 3 left blank; row 4 has a gap in the middle
      ws.getCell("A4").value = "efter tom rad";
      ws.getCell("D4").value = 0;
    });
    const snapshot = readXlsx(bytes, { name: "test.xlsx" });
    expect(snapshot.name).toBe("test.xlsx");
    expect(snapshot.date1904).toBe(false);
    expect(snapshot.sheets).toHaveLength(1);
    const sheet = snapshot.sheets[0];
    expect(sheet.name).toBe("Mars 2024");
    expect(sheet.visibility).toBe("visible");
    expect(sheet.ownerMark).toBeUndefined();
    expect(sheet.top).toBe(0);
    expect(sheet.left).toBe(0);
    expect(sheet.rows).toEqual([
      ["Konto", "Budget", "Kommentar & <anteckning>"],
      [6810, true, { error: "#REF!" }, 13620, "xy", MARCH_15_2024_SERIAL, 0.25, -1234.5, false],
      [],
      ["efter tom rad", null, null, 0],
    ]);
    const formats = sheet.numberFormats ?? [];
    expect(formats[0]).toBeUndefined();
    expect(formats[1]?.[5]).toBe("yyyy-mm-dd");
    expect(formats[1]?.[6]).toBe("0.0%");
    expect(formats[1]?.[7]).toBe("#,##0;-#,##0");
    expect(formats[1]?.[0]).toBeUndefined();
    expect(formats[3]).toBeUndefined();
  });

  it("reports hidden and very hidden sheets, non-Latin names and tab order", async () => {
    const bytes = await excelJsBytes((wb) => {
      wb.addWorksheet("Åtgärder").getCell("A1").value = 1;
      wb.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = 2;
      wb.addWorksheet("数据 2024", { state: "veryHidden" }).getCell("A1").value = 3;
      wb.addWorksheet("Ñandú's").getCell("A1").value = 4;
    });
    const snapshot = readXlsx(bytes);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility, s.rows[0][0]])).toEqual([
      ["Åtgärder", "visible", 1],
      ["Скрытый", "hidden", 2],
      ["数据 2024", "veryHidden", 3],
      ["Ñandú's", "visible", 4],
    ]);
  });

  it("reports the 1904 date system, with serials of that system", async () => {
    const bytes = await excelJsBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Jan");
      ws.getCell("A1").value = MARCH_15_2024;
      ws.getCell("A1").numFmt = "d mmm yyyy";
    });
    const snapshot = readXlsx(bytes);
    expect(snapshot.date1904).toBe(true);
    expect(snapshot.sheets[0].rows).toEqual([[MARCH_15_2024_SERIAL - 1462]]);
    expect(snapshot.sheets[0].numberFormats).toEqual([["d mmm yyyy"]]);
  });

  it("gives the used range's top-left when it does not start at A1, with ragged rows", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("C5").value = "Ansvar";
      ws.getCell("D5").value = "Utfall";
      ws.getCell("E7").value = 12;
      ws.getCell("D9").value = "x";
      ws.getCell("B20").numFmt = "0.00"; // styled but empty: not part of the used range
    });
    const sheet = readXlsx(bytes).sheets[0];
    expect([sheet.top, sheet.left]).toEqual([4, 2]);
    expect(sheet.rows).toEqual([["Ansvar", "Utfall"], [], [null, null, 12], [], [null, "x"]]);
  });

  it("reads a merged cell's value from its top-left cell only", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("M");
      ws.getCell("A1").value = "Rubrik över två kolumner";
      ws.mergeCells("A1:B2");
      ws.getCell("C2").value = 5;
    });
    expect(readXlsx(bytes).sheets[0].rows).toEqual([["Rubrik över två kolumner"], [null, null, 5]]);
  });

  it("reads inline rich text strings (ExcelJS without shared strings)", async () => {
    const bytes = await excelJsBytes(
      (wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = { richText: [{ text: "Inhyrd " }, { text: "personal", font: { italic: true } }] };
        ws.getCell("B1").value = "plain";
      },
      { useSharedStrings: false },
    );
    expect(readXlsx(bytes).sheets[0].rows).toEqual([["Inhyrd personal", "plain"]]);
  });

  it("agrees with ExcelJS on random grids of strings, numbers and booleans", async () => {
    const value = fc.oneof(
      fc.constant(null),
      // eslint-disable-next-line no-control-regex -- characters XML cannot carry are the writer's concern, tested there
      fc.string({ unit: "binary", minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff\r]/.test(s)),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)),
      fc.boolean(),
    );
    const grid = fc.array(fc.array(value, { maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(grid, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), async (rows, top, left) => {
        const bytes = await excelJsBytes((wb) => {
          const ws = wb.addWorksheet("Grid");
          rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(top + r + 1, left + c + 1).value = v)));
        });
        const ours = readXlsx(bytes).sheets[0];
        const theirs = (await excelJsLoad(bytes)).getWorksheet("Grid");
        const cellAt = (r: number, c: number): CellValue => {
          const row = ours.rows[r - ours.top];
          return row?.[c - ours.left] ?? null;
        };
        for (let r = 0; r < top + rows.length + 1; r++) {
          for (let c = 0; c < left + 8; c++) {
            const expected = theirs?.getCell(r + 1, c + 1).value ?? null;
            expect(cellAt(r, c)).toEqual(expected);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("a host's own inflater", () => {
  it("gives the same snapshot as the built-in one, and is the one used", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Data");
      for (let r = 1; r <= 200; r++) ws.addRow([`Rad ${r}`, r, r / 7, r % 2 === 0]);
    });
    let calls = 0;
    const native = (data: Uint8Array, size: number) => {
      calls++;
      return size === 0 ? new Uint8Array(0) : inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(64, size) });
    };
    expect(readXlsx(bytes, { inflateRaw: native })).toEqual(readXlsx(bytes));
    expect(calls).toBeGreaterThan(3);
  });
});

describe("readXlsx on hand-written parts", () => {
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="${MAIN_NS}" count="4" uniqueCount="4">
  <si><t>Rad 1_x000D_
Rad 2</t></si>
  <si><r><rPr><b/></rPr><t xml:space="preserve">Kost</t></r><r><t>nadsslag</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>
  <si><t><![CDATA[<Summa & "totalt">]]></t></si>
  <si/>
</sst>`;

  it("follows cells and rows without r attributes, decodes escapes, entities and CDATA", () => {
    const rows =
      `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>` +
      `<row><c t="inlineStr"><is><t>A &amp; B &#228; &#x263A;</t></is></c><c/><c t="str"><v>lit_x005F_x000D_</v></c><c t="n"><v>1.5E3</v></c></row>` +
      `<row r="5"><c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="b"><v>1</v></c><c t="s"><v>3</v></c></row>` +
      `<row><c t="d"><v>2024-03-15T12:00:00</v></c></row>`;
    const bytes = handPackage({ sheets: [{ name: "Hand", rows }], sharedStrings });
    const sheet = readXlsx(bytes).sheets[0];
    expect(sheet.top).toBe(0);
    expect(sheet.left).toBe(0);
    expect(sheet.rows).toEqual([
      ["Rad 1\r\nRad 2", "Kostnadsslag", '<Summa & "totalt">'],
      ["A & B ä ☺", null, "lit_x000D_", 1500],
      [],
      [],
      [null, { error: "#DIV/0!" }, true],
      [MARCH_15_2024_SERIAL + 0.5],
    ]);
  });

  it("reads CDATA values, comments, unknown children and numbers in every notation", () => {
    const rows =
      `<!-- a comment --><row r="1"><c r="A1" t="str"><f>"x"</f><v><![CDATA[a<b]]></v></c><c r="B1"><extLst><ext uri="x"><y/></ext></extLst><v>2</v></c>` +
      `<c r="C1"><v>1.5E-3</v><extLst><ext uri="y"/></extLst></c><c r="D1"><v>0.12345678901234567</v></c><c r="E1"><v>-0</v></c><c r="F1" t="s"><v> 0 </v></c></row>` +
      `<unknownElement><c r="A9"><v>99</v></c></unknownElement>`;
    const bytes = handPackage({ sheets: [{ name: "N", rows }], sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>noll</t></si></sst>` });
    const seventeenDigits = Number("0.12345678901234567");
    expect(readXlsx(bytes).sheets[0].rows).toEqual([["a<b", 2, 0.0015, seventeenDigits, -0, "noll"]]);
  });

  it("parses numbers exactly as Number() does", () => {
    const notation = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)),
      fc.tuple(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 })).map(([d, k]) => d.toFixed(k)),
      fc.integer({ min: -1e15, max: 1e15 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(notation, { minLength: 1, maxLength: 30 }), (texts) => {
        const rows = `<row r="1">${texts.map((t) => `<c><v>${t}</v></c>`).join("")}</row>`;
        const read = readXlsx(handPackage({ sheets: [{ name: "N", rows }] })).sheets[0].rows[0];
        expect(read).toEqual(texts.map(Number));
      }),
      { numRuns: 100 },
    );
  });

  it("reads documents whose SpreadsheetML elements carry a namespace prefix", () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sheet = readXlsx(handPackage({ sheets: [{ name: "P", xml }] })).sheets[0];
    expect([sheet.top, sheet.left, sheet.rows]).toEqual([1, 1, [["prefixed", 7]]]);
  });

  it("skips chart sheets, maps styles to number formats and reads owner marks", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0 &quot;tkr&quot;"/></numFmts>
      <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="14"><alignment wrapText="1"/></xf></cellXfs>
      <dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="0.000"/></dxf></dxfs></styleSheet>`;
    const rows = `<row r="1"><c r="A1" s="1"><v>5</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>45366</v></c><c r="D1" s="0"><v>1</v></c></row>`;
    const bytes = handPackage({
      sheets: [
        { name: "Diagram", kind: "chartsheet", xml: `<chartsheet xmlns="${MAIN_NS}"/>` },
        { name: "Balans avvikelse", rows },
        { name: "Användarens", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` },
      ],
      styles,
      definedNames:
        `<definedNames><definedName name="BalansOwner" localSheetId="1" hidden="1">"balans:variance"</definedName>` +
        `<definedName name="Other" localSheetId="2">"balans:measures"</definedName>` +
        `<definedName name="BalansOwner" localSheetId="2">'Användarens'!$A$1</definedName></definedNames>`,
    });
    const snapshot = readXlsx(bytes);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Balans avvikelse", "Användarens"]);
    expect(snapshot.sheets[0].ownerMark).toBe("balans:variance");
    expect(snapshot.sheets[1].ownerMark).toBeUndefined();
    expect(snapshot.sheets[0].numberFormats).toEqual([['#,##0 "tkr"', "0%", "mm-dd-yy"]]);
    expect(snapshot.sheets[1].numberFormats).toBeUndefined();
  });

  it("gives formats in the range's shape, rows formatted alike sharing one array", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const row = (r: number, s: number[]) => `<row r="${r}">${s.map((style, i) => `<c r="${String.fromCharCode(66 + i)}${r}" s="${style}"><v>${r}</v></c>`).join("")}</row>`;
    const rows = row(2, [1, 2]) + row(3, [1, 2]) + row(4, [1, 2]) + row(5, [2, 0]) + row(6, [0, 0]) + `<row r="3"><c r="D3" s="2"><v>9</v></c></row>`;
    const sheet = readXlsx(handPackage({ sheets: [{ name: "F", rows }], styles })).sheets[0];
    expect([sheet.top, sheet.left]).toEqual([1, 1]);
    expect(sheet.rows).toEqual([[2, 2], [3, 3, 9], [4, 4], [5, 5], [6, 6]]);
    const formats = sheet.numberFormats ?? [];
    expect(formats.map((f) => (f ? [...f] : f))).toEqual([["#,##0", "0.00%"], ["#,##0", "0.00%", "0.00%"], ["#,##0", "0.00%"], ["0.00%", undefined], undefined]);
    expect(formats[2]).toBe(formats[0]); // rows formatted alike share one array …
    expect(formats[1]).not.toBe(formats[0]); // … and a row met again gets its own before it changes
  });

  it("reads an ISO Strict workbook", () => {
    const strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const bytes = handPackage({
      sheets: [{ name: "S", xml: `<worksheet xmlns="${strict}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>strict</t></is></c></row></sheetData></worksheet>` }],
      workbookPr: `<workbookPr date1904="true"/>`,
    });
    const snapshot = readXlsx(bytes);
    expect(snapshot.date1904).toBe(true);
    expect(snapshot.sheets[0].rows).toEqual([["strict"]]);
  });

  it("gives an empty sheet an empty range", () => {
    const snapshot = readXlsx(handPackage({ sheets: [{ name: "Tom", xml: worksheetXml("") }, { name: "Tomt", xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }] }));
    expect(snapshot.sheets[0]).toEqual({ name: "Tom", top: 0, left: 0, rows: [], visibility: "visible" });
    expect(snapshot.sheets[1]).toEqual({ name: "Tomt", top: 0, left: 0, rows: [], visibility: "visible" });
  });
});

describe("helpers", () => {
  it("reads string literals of defined names", () => {
    expect(stringLiteral('"balans:variance"')).toBe("balans:variance");
    expect(stringLiteral('="a""b"')).toBe('a"b');
    expect(stringLiteral("Sheet1!$A$1")).toBeUndefined();
  });

  it("converts ISO dates in both date systems", () => {
    expect(isoDateToSerial("2024-03-15", false)).toBe(MARCH_15_2024_SERIAL);
    expect(isoDateToSerial("2024-03-15T06:00:00Z", true)).toBe(MARCH_15_2024_SERIAL - 1462 + 0.25);
    expect(isoDateToSerial("nonsense", false)).toBeNull();
  });
});
