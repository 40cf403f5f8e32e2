/**
 * Odd but valid workbooks, and broken ones, built at test time: the corpus every
 * `balans check` guarantee is tried on. ExcelJS makes what it can (merged cells, rich
 * text, notes, hyperlinks, validation, conditional formats, images, hidden sheets, the
 * 1904 date system); the rest is hand-written XML (shared and array formulas, a chart,
 * a pivot cache, sheet-scoped and hidden names, a chart sheet and a dialog sheet, a macro
 * project, entity declarations). Each workbook that should be usable carries the small
 * report of support/report.ts, so a run writes summaries and "nothing lost" compares
 * something real.
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import { crc32, openZip, writeZip, zipFromMap, type ZipEntry } from "../../src/xlsx/zip";
import { reportSheets, type GridSheet } from "./support/report";

export type Expectation =
  /** `balans check` completes (exit 0) and writes its sheets. */
  | { readonly outcome: "completes" }
  /** Exit 2 with a one-line reason matching `reason`, no output file. */
  | { readonly outcome: "refused"; readonly reason: RegExp };

export interface CorpusFile {
  readonly name: string;
  /** File name (its extension matters: .xlsm keeps .xlsm). */
  readonly file: string;
  readonly build: () => Promise<Uint8Array> | Uint8Array;
  readonly expect: Expectation;
}

const COMPLETES = { outcome: "completes" } as const;

// ---------------------------------------------------------------------------------------
// ExcelJS

function addGrid(worksheet: ExcelJS.Worksheet, rows: readonly (readonly CellValue[])[], top = 1): void {
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = worksheet.getCell(top + r, c + 1);
      cell.value = typeof value === "object" ? { error: value.error as ExcelJS.CellErrorValue["error"] } : value;
    }),
  );
}

async function excelJs(build: (workbook: ExcelJS.Workbook) => void, report: readonly GridSheet[] = reportSheets()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  for (const sheet of report) addGrid(workbook.addWorksheet(sheet.name), sheet.rows);
  build(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** 1×1 red PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");

// ---------------------------------------------------------------------------------------
// Hand-written packages

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `<row>` elements for a grid, strings inline; `extra(r, c)` may replace a cell's XML. */
function rowsXml(rows: readonly (readonly CellValue[])[], extra?: (r: number, c: number) => string | undefined): string {
  return rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          const custom = extra?.(r, c);
          if (custom !== undefined) return custom;
          if (value === null) return "";
          if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
          if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
          if (typeof value === "object") return `<c r="${ref}" t="e"><v>${esc(value.error)}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
}

function sheetXml(sheetData: string, after = "", before = ""): string {
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

interface HandSheet {
  readonly name: string;
  readonly xml: string;
  readonly state?: "hidden" | "veryHidden";
  readonly kind?: "worksheet" | "chartsheet" | "dialogsheet";
  /** The sheet part's own relationships XML. */
  readonly rels?: string;
}

interface HandBook {
  readonly sheets: readonly HandSheet[];
  readonly definedNames?: string;
  /** Elements between `</definedNames>` and `</workbook>` (calcPr, pivotCaches, …) and before `<sheets>` (workbookPr, …). */
  readonly afterNames?: string;
  readonly beforeSheets?: string;
  /** More workbook relationships: [id, type, target]. */
  readonly workbookRels?: readonly (readonly [string, string, string])[];
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  readonly overrides?: Readonly<Record<string, string>>;
  readonly defaults?: Readonly<Record<string, string>>;
  readonly mainType?: string;
  readonly styles?: string;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0;[Red]-#,##0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>`;

function handBook(book: HandBook): Uint8Array {
  const parts = new Map<string, string | Uint8Array>();
  const overrides: Record<string, string> = { "/xl/workbook.xml": book.mainType ?? `${CT}.sheet.main+xml`, "/xl/styles.xml": `${CT}.styles+xml`, ...book.overrides };
  const rels: string[] = [];
  const sheets: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const kind = sheet.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "worksheets" : kind === "chartsheet" ? "chartsheets" : "dialogsheets";
    const part = `xl/${folder}/sheet${i + 1}.xml`;
    parts.set(part, sheet.xml);
    if (sheet.rels) parts.set(`xl/${folder}/_rels/sheet${i + 1}.xml.rels`, sheet.rels);
    overrides[`/${part}`] = `${CT}.${kind}+xml`;
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${R}/${kind}" Target="${folder}/sheet${i + 1}.xml"/>`);
    sheets.push(`<sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rIdS${i + 1}"/>`);
  });
  rels.push(`<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`);
  for (const [id, type, target] of book.workbookRels ?? []) rels.push(`<Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
  parts.set("xl/styles.xml", book.styles ?? STYLES);
  parts.set(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}">${book.beforeSheets ?? ""}<sheets>${sheets.join("")}</sheets>${book.definedNames ?? ""}${book.afterNames ?? ""}</workbook>`,
  );
  parts.set("xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${rels.join("")}</Relationships>`);
  parts.set(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  parts.set(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ekonomi</dc:creator></cp:coreProperties>`,
  );
  parts.set(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  );
  overrides["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml";
  overrides["/docProps/app.xml"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
  for (const [name, content] of Object.entries(book.parts ?? {})) parts.set(name, content);
  const defaults = { rels: "application/vnd.openxmlformats-package.relationships+xml", xml: "application/xml", ...book.defaults };
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    Object.entries(defaults)
      .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
      .join("") +
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join("") +
    `</Types>`;
  return zipFromMap(new Map<string, string | Uint8Array>([["[Content_Types].xml", types], ...parts]));
}

/** A plain workbook of the user's (no Balans marks) holding the given grids, strings inline. */
export function workbookFromGrids(sheets: readonly GridSheet[]): Uint8Array {
  return handBook({ sheets: sheets.map((sheet) => ({ name: sheet.name, xml: sheetXml(rowsXml(sheet.rows)) })) });
}

/** The report sheets as hand-written worksheets. */
function handReport(texts?: Parameters<typeof reportSheets>[0]): HandSheet[] {
  return reportSheets(texts).map((sheet) => ({ name: sheet.name, xml: sheetXml(rowsXml(sheet.rows)) }));
}

const CHART_XML = `${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Januari 2024'!$E$2:$E$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING_XML = `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/**
 * Everything ExcelJS cannot write, in one workbook: shared and array formulas with their
 * cached values, a chart on a user sheet, a pivot cache with records and a pivot table, a
 * chart sheet and a dialog sheet, workbook- and sheet-scoped names (hidden ones, a print
 * area, one on the last sheet), a calculation chain, a theme, a custom XML part and a
 * link to an external workbook.
 */
function handFeatures(): Uint8Array {
  const report = handReport();
  const formulas = sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2</f><v>2</v></c><c r="C1"><f t="array" ref="C1:C2">A1:A2*10</f><v>10</v></c><c r="D1" t="str"><f>"x"&amp;A1</f><v>x1</v></c></row>` +
      `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="C2"><v>20</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
      `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>` +
      `<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f t="shared" si="0"/><v>8</v></c></row>`,
  );
  const pivotSheet = sheetXml(rowsXml([["Förvaltning", "Summa av Utfall"], ["Primärvård", 790], ["Specialistvård", 1600]]));
  const sheets: HandSheet[] = [
    ...report,
    { name: "Formler", xml: formulas },
    {
      name: "Diagram på blad",
      xml: sheetXml(rowsXml([["Ett diagram ligger här"]]), `<drawing r:id="rId1"/>`),
      rels: `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    },
    {
      name: "Pivot",
      xml: pivotSheet,
      rels: `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    },
    {
      name: "Diagramblad",
      kind: "chartsheet",
      xml: `${XML_HEAD}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
      rels: `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`,
    },
    { name: "Dialog1", kind: "dialogsheet", state: "hidden", xml: `${XML_HEAD}<dialogsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></dialogsheet>` },
    { name: "Sista", xml: sheetXml(rowsXml([["Sista bladet", 1]])) },
  ];
  const last = sheets.length - 1;
  const pivotIndex = sheets.findIndex((s) => s.name === "Pivot");
  return handBook({
    sheets,
    beforeSheets: `<fileVersion appName="xl" lastEdited="7"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView activeTab="1" firstSheet="0"/></bookViews>`,
    definedNames:
      `<definedNames>` +
      `<definedName name="Budgetjan">'Januari 2024'!$E$2:$E$6</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Januari 2024'!$A$1:$H$6</definedName>` +
      `<definedName name="Lokal" localSheetId="${pivotIndex}" hidden="1">Pivot!$A$1</definedName>` +
      `<definedName name="SistaNamn" localSheetId="${last}">Sista!$A$1:$B$1</definedName>` +
      `<definedName name="Extern">[1]Blad1!$A$1</definedName>` +
      `<definedName name="Konstant" comment="ett tal">0.02</definedName>` +
      `</definedNames>`,
    afterNames: `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rIdPC"/></pivotCaches>`,
    workbookRels: [
      ["rIdPC", `${R}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml"],
      ["rIdCalc", `${R}/calcChain`, "calcChain.xml"],
      ["rIdTheme", `${R}/theme`, "theme/theme1.xml"],
      ["rIdExt", `${R}/externalLink`, "externalLinks/externalLink1.xml"],
    ],
    parts: {
      "xl/drawings/drawing1.xml": DRAWING_XML,
      "xl/drawings/_rels/drawing1.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/drawings/drawing2.xml": DRAWING_XML,
      "xl/drawings/_rels/drawing2.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart2.xml"/></Relationships>`,
      "xl/charts/chart1.xml": CHART_XML,
      "xl/charts/chart2.xml": CHART_XML,
      "xl/pivotCache/pivotCacheDefinition1.xml": `${XML_HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:F6" sheet="Januari 2024"/></cacheSource><cacheFields count="2"><cacheField name="Förvaltning" numFmtId="0"><sharedItems count="2"><s v="Primärvård"/><s v="Specialistvård"/></sharedItems></cacheField><cacheField name="Utfall" numFmtId="0"><sharedItems containsNumber="1" minValue="80" maxValue="1050"/></cacheField></cacheFields></pivotCacheDefinition>`,
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
      "xl/pivotCache/pivotCacheRecords1.xml": `${XML_HEAD}<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="790"/></r><r><x v="1"/><n v="1050"/></r></pivotCacheRecords>`,
      "xl/pivotTables/pivotTable1.xml": `${XML_HEAD}<pivotTableDefinition xmlns="${MAIN}" name="Pivottabell1" cacheId="7" dataCaption="Värden"><location ref="A1:B3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Summa av Utfall" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
      "xl/pivotTables/_rels/pivotTable1.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      "xl/calcChain.xml": `${XML_HEAD}<calcChain xmlns="${MAIN}"><c r="B1" i="5" s="1"/><c r="B2" i="5"/><c r="B3" i="5"/><c r="B4" i="5"/><c r="C1" i="5" a="1"/><c r="D1" i="5"/><c r="D2" i="5"/></calcChain>`,
      "xl/theme/theme1.xml": `${XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1></a:clrScheme></a:themeElements></a:theme>`,
      "xl/externalLinks/externalLink1.xml": `${XML_HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Blad1"/></sheetNames></externalBook></externalLink>`,
      "xl/externalLinks/_rels/externalLink1.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/externalLinkPath" Target="file:///C:/Budget/annan.xlsx" TargetMode="External"/></Relationships>`,
      "customXml/item1.xml": `${XML_HEAD}<balansTest xmlns="urn:test">egen data</balansTest>`,
    },
    overrides: {
      "/xl/drawings/drawing1.xml": "application/vnd.openxmlformats-officedocument.drawing+xml",
      "/xl/drawings/drawing2.xml": "application/vnd.openxmlformats-officedocument.drawing+xml",
      "/xl/charts/chart1.xml": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      "/xl/charts/chart2.xml": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      "/xl/pivotCache/pivotCacheDefinition1.xml": `${CT}.pivotCacheDefinition+xml`,
      "/xl/pivotCache/pivotCacheRecords1.xml": `${CT}.pivotCacheRecords+xml`,
      "/xl/pivotTables/pivotTable1.xml": `${CT}.pivotTable+xml`,
      "/xl/calcChain.xml": `${CT}.calcChain+xml`,
      "/xl/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
      "/xl/externalLinks/externalLink1.xml": `${CT}.externalLink+xml`,
    },
  });
}

/** A macro-enabled workbook: the macro content type and a (placeholder) VBA project. */
function macroWorkbook(): Uint8Array {
  const vba = new Uint8Array(1536);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return handBook({
    sheets: [...handReport(), { name: "Makron", xml: sheetXml(rowsXml([["Knapp"]])) }],
    beforeSheets: `<workbookPr codeName="ThisWorkbook"/>`,
    mainType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    workbookRels: [["rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"]],
    parts: { "xl/vbaProject.bin": vba },
    defaults: { bin: "application/vnd.ms-office.vbaProject" },
  });
}

/**
 * The result of an earlier run, after the user moved a sheet of their own behind
 * Balans's: a Balans sheet (owner mark) in the middle, user sheets with sheet-scoped names
 * after it. A new run deletes the old Balans sheet, so those names' `localSheetId` must
 * follow their sheets.
 */
function earlierResultWithUserSheetsAfter(): Uint8Array {
  const sheets: HandSheet[] = [
    ...handReport(),
    { name: "Balans avvikelse", xml: sheetXml(rowsXml([["gammal sammanställning"]])) },
    { name: "Anteckningar", xml: sheetXml(rowsXml([["Egen anteckning", 42]])) },
    { name: "Balans kontroll", xml: sheetXml(rowsXml([["gamla fynd"]])) },
    { name: "Egen sammanställning", xml: sheetXml(rowsXml([["Summa", 1]])) },
  ];
  const index = (name: string) => sheets.findIndex((s) => s.name === name);
  return handBook({
    sheets,
    definedNames:
      `<definedNames>` +
      `<definedName name="BalansOwner" localSheetId="${index("Balans avvikelse")}" hidden="1">"balans:variance"</definedName>` +
      `<definedName name="BalansOwner" localSheetId="${index("Balans kontroll")}" hidden="1">"balans:findings"</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="${index("Anteckningar")}">Anteckningar!$A$1:$B$1</definedName>` +
      `<definedName name="Mitt" localSheetId="${index("Egen sammanställning")}">'Egen sammanställning'!$B$1</definedName>` +
      `<definedName name="Global">Anteckningar!$B$1</definedName>` +
      `</definedNames>`,
  });
}

/** Entity declarations: an external entity (XXE) and nested expansion ("billion laughs"). */
export function entityDeclarations(): Uint8Array {
  const doctype = `<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?>${doctype}<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>&xxe;</t></si><si><t>&i;</t></si></sst>`;
  return handBook({
    sheets: [...handReport(), { name: "Entiteter", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`) }],
    workbookRels: [["rIdSst", `${R}/sharedStrings`, "sharedStrings.xml"]],
    parts: { "xl/sharedStrings.xml": shared },
    overrides: { "/xl/sharedStrings.xml": `${CT}.sharedStrings+xml` },
  });
}

// ---------------------------------------------------------------------------------------
// Broken files

/** A compound file (OLE2) holding streams of the given names, each `size` bytes: what Excel writes for a password-protected workbook. */
export function compoundFile(streams: readonly { readonly name: string; readonly size: number }[]): Uint8Array {
  const SECTOR = 512;
  const dataSectors = streams.map((s) => Math.ceil(Math.max(s.size, 4096) / SECTOR));
  const totalData = dataSectors.reduce((a, b) => a + b, 0);
  // Sector 0: FAT, sector 1: directory, then the streams (each ≥ 4096 bytes, so no mini stream).
  const sectors = 2 + totalData;
  const out = new Uint8Array(SECTOR * (1 + sectors));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3
  view.setUint16(28, 0xfffe, true); // little endian
  view.setUint16(30, 9, true); // 512-byte sectors
  view.setUint16(32, 6, true); // 64-byte mini sectors
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // directory starts at sector 1
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, 0xfffffffe, true); // no mini FAT
  view.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const sectorAt = (n: number) => SECTOR * (1 + n);
  const fat = (n: number, value: number) => view.setUint32(sectorAt(0) + n * 4, value, true);
  for (let n = 0; n < SECTOR / 4; n++) fat(n, 0xffffffff);
  fat(0, 0xfffffffd); // the FAT itself
  fat(1, 0xfffffffe); // directory: one sector
  const dirEntry = (index: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = sectorAt(1) + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  dirEntry(0, "Root Entry", 5, 0xfffffffe, 0, streams.length ? 1 : 0xffffffff);
  let next = 2;
  streams.forEach((stream, i) => {
    const count = dataSectors[i];
    for (let k = 0; k < count; k++) fat(next + k, k === count - 1 ? 0xfffffffe : next + k + 1);
    for (let k = 0; k < stream.size; k++) out[sectorAt(next) + k] = (k * 31 + i) & 0xff;
    dirEntry(i + 1, stream.name, 2, next, stream.size, 0xffffffff, i + 1 < streams.length ? i + 2 : 0xffffffff);
    next += count;
  });
  return out;
}

/** An honest zip bomb: one entry of `size` zeros, deflated (about a thousandth of its size). */
function zipBomb(size: number): Uint8Array {
  const zeros = new Uint8Array(size);
  const raw = deflateRawSync(zeros, { level: 9 });
  return withSheetEntry({ method: 8, crc32: crc32(zeros), size, compressedSize: raw.length }, raw);
}

/** A zip whose directory says the sheet is 1000 bytes while its data inflates to 64 MB. */
function lyingBomb(): Uint8Array {
  const raw = deflateRawSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
  return withSheetEntry({ method: 8, crc32: 0, size: 1000, compressedSize: raw.length }, raw);
}

/** The report workbook with its first sheet's entry replaced, copied as stored: the rest stays valid, so the reader gets as far as the sheet. */
function withSheetEntry(fields: Pick<ZipEntry, "method" | "crc32" | "size" | "compressedSize">, raw: Uint8Array): Uint8Array {
  const zip = openZip(handBook({ sheets: handReport() }));
  return writeZip(
    zip.entries.map((entry) =>
      entry.name === "xl/worksheets/sheet1.xml"
        ? { name: entry.name, copy: { entry: { ...entry, ...fields }, raw } }
        : { name: entry.name, copy: { entry, raw: zip.raw(entry.name) } },
    ),
  );
}

/**
 * More entries than any workbook has (70 000 empty ones; a zip needs its Zip64 records
 * for that many, which our writer does not make, so they are written here).
 */
function tooManyEntries(): Uint8Array {
  const count = 70_000;
  const names = Array.from({ length: count }, (_, i) => Buffer.from(`x/${i}`));
  const localSize = names.reduce((sum, n) => sum + 30 + n.length, 0);
  const centralSize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 56 + 20 + 22);
  const offsets: number[] = [];
  let at = 0;
  for (const name of names) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(name.length, at + 26);
    name.copy(out, at + 30);
    at += 30 + name.length;
  }
  const directory = at;
  names.forEach((name, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(45, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(name.length, at + 28);
    out.writeUInt32LE(offsets[i], at + 42);
    name.copy(out, at + 46);
    at += 46 + name.length;
  });
  const end64 = at;
  out.writeUInt32LE(0x06064b50, at);
  out.writeBigUInt64LE(44n, at + 4);
  out.writeUInt16LE(45, at + 12);
  out.writeUInt16LE(45, at + 14);
  out.writeBigUInt64LE(BigInt(count), at + 24);
  out.writeBigUInt64LE(BigInt(count), at + 32);
  out.writeBigUInt64LE(BigInt(centralSize), at + 40);
  out.writeBigUInt64LE(BigInt(directory), at + 48);
  at += 56;
  out.writeUInt32LE(0x07064b50, at);
  out.writeBigUInt64LE(BigInt(end64), at + 8);
  out.writeUInt32LE(1, at + 16);
  at += 20;
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0xffff, at + 8);
  out.writeUInt16LE(0xffff, at + 10);
  out.writeUInt32LE(0xffffffff, at + 12);
  out.writeUInt32LE(0xffffffff, at + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

// ---------------------------------------------------------------------------------------
// The corpus

const NON_LATIN = ["Бюджет 2024", "予算の概要", "ميزانية", "Ελληνικά φύλλο", "📊 Översikt", "עברית", "हिन्दी"];

export const VALID_CORPUS: readonly CorpusFile[] = [
  {
    name: "1904 date system",
    file: "datum-1904.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.properties.date1904 = true;
        const dates = wb.addWorksheet("Datum");
        dates.getCell("A1").value = new Date(Date.UTC(2024, 2, 31));
        dates.getCell("A1").numFmt = "yyyy-mm-dd";
      }),
    expect: COMPLETES,
  },
  {
    name: "hidden and very hidden sheets",
    file: "dolda-blad.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.getWorksheet("Februari 2024")!.state = "hidden";
        const secret = wb.addWorksheet("Uppslag", { state: "veryHidden" });
        secret.getCell("A1").value = "hemlig";
        wb.addWorksheet("Gömd", { state: "hidden" }).getCell("B2").value = 7;
      }),
    expect: COMPLETES,
  },
  {
    name: "merged cells",
    file: "sammanfogade.xlsx",
    build: () =>
      excelJs((wb) => {
        const sheet = wb.getWorksheet("Januari 2024")!;
        sheet.spliceRows(1, 0, ["Rapport januari"], []);
        sheet.mergeCells("A1:H1");
        const other = wb.addWorksheet("Rubriker");
        other.getCell("B2").value = "Sammanfogad";
        other.mergeCells("B2:D4");
      }),
    expect: COMPLETES,
  },
  {
    name: "rich text",
    file: "formaterad-text.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.getWorksheet("Januari 2024")!.getCell("A2").value = { richText: [{ text: "Special", font: { bold: true } }, { text: "istvård", font: { italic: true } }] };
        wb.addWorksheet("Text").getCell("A1").value = { richText: [{ text: "röd", font: { color: { argb: "FFFF0000" } } }, { text: " och svart" }] };
      }),
    expect: COMPLETES,
  },
  {
    name: "comments (notes)",
    file: "anteckningar.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.getWorksheet("Januari 2024")!.getCell("F2").note = "Kontrollera utfallet";
        wb.getWorksheet("Åtgärder")!.getCell("A2").note = { texts: [{ text: "Beslutad i nämnden" }] };
      }),
    expect: COMPLETES,
  },
  {
    name: "hyperlinks",
    file: "lankar.xlsx",
    build: () =>
      excelJs((wb) => {
        const links = wb.addWorksheet("Länkar");
        links.getCell("A1").value = { text: "Intranätet", hyperlink: "https://intranat.example.org/ekonomi" };
        links.getCell("A2").value = { text: "Till januari", hyperlink: "#'Januari 2024'!A1" };
        wb.getWorksheet("Januari 2024")!.getCell("H2").value = { text: "underlag", hyperlink: "mailto:controller@example.org" };
      }),
    expect: COMPLETES,
  },
  {
    name: "data validation",
    file: "validering.xlsx",
    build: () =>
      excelJs((wb) => {
        const sheet = wb.getWorksheet("Januari 2024")!;
        for (let r = 2; r <= 6; r++) sheet.getCell(`A${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"Specialistvård,Primärvård"'] };
        sheet.getCell("E2").dataValidation = { type: "decimal", operator: "greaterThan", formulae: [0] };
      }),
    expect: COMPLETES,
  },
  {
    name: "conditional formats",
    file: "villkorsstyrd.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.getWorksheet("Januari 2024")!.addConditionalFormatting({
          ref: "F2:F6",
          rules: [{ type: "cellIs", operator: "greaterThan", priority: 1, formulae: ["1000"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
        });
        wb.getWorksheet("Februari 2024")!.addConditionalFormatting({
          ref: "E2:E6",
          rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] } as unknown as ExcelJS.ConditionalFormattingRule],
        });
      }),
    expect: COMPLETES,
  },
  {
    name: "an image",
    file: "bild.xlsx",
    build: () =>
      excelJs((wb) => {
        const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
        const sheet = wb.addWorksheet("Logga");
        sheet.addImage(id, { tl: { col: 1, row: 1 }, ext: { width: 40, height: 40 } });
        wb.getWorksheet("Januari 2024")!.addImage(id, "J2:K4");
      }),
    expect: COMPLETES,
  },
  {
    name: "shared and array formulas, a chart, a pivot cache, chart and dialog sheets, names, calcChain, an external link",
    file: "handskriven.xlsx",
    build: handFeatures,
    expect: COMPLETES,
  },
  { name: "a macro-enabled workbook", file: "makro.xlsm", build: macroWorkbook, expect: COMPLETES },
  {
    name: "an empty workbook",
    file: "tom.xlsx",
    build: () => excelJs((wb) => void wb.addWorksheet("Blad1"), []),
    expect: { outcome: "refused", reason: /månadsrapporter/ },
  },
  {
    name: "a workbook without sheets",
    file: "utan-blad.xlsx",
    build: () => handBook({ sheets: [] }),
    expect: { outcome: "refused", reason: /månadsrapporter/ },
  },
  {
    name: "200 sheets",
    file: "200-blad.xlsx",
    build: () =>
      excelJs((wb) => {
        for (let i = wb.worksheets.length; i < 200; i++) {
          const sheet = wb.addWorksheet(`Blad ${i + 1}`);
          sheet.getCell("A1").value = `Blad nummer ${i + 1}`;
          sheet.getCell("B2").value = i;
        }
      }),
    expect: COMPLETES,
  },
  {
    name: "non-Latin sheet names",
    file: "icke-latinska.xlsx",
    build: () =>
      excelJs((wb) => {
        NON_LATIN.forEach((name, i) => {
          const sheet = wb.addWorksheet(name);
          sheet.getCell("A1").value = name;
          sheet.getCell("B1").value = i;
        });
      }),
    expect: COMPLETES,
  },
  {
    name: "user sheets named like Balans's output sheets",
    file: "balans-namn.xlsx",
    build: () =>
      excelJs((wb) => {
        wb.addWorksheet("Balans avvikelse").getCell("A1").value = "Min egen avvikelseanalys";
        wb.addWorksheet("Balans kontroll").getCell("A1").value = "Mina kontroller";
        wb.addWorksheet("balans åtgärder").getCell("A1").value = "gemener";
      }),
    expect: COMPLETES,
  },
  {
    name: "an earlier result with user sheets moved behind Balans's",
    file: "tidigare-resultat.xlsx",
    build: earlierResultWithUserSheetsAfter,
    expect: COMPLETES,
  },
  {
    name: "protected sheets",
    file: "skyddade-blad.xlsx",
    build: async () => {
      const bytes = await excelJs((wb) => void wb.addWorksheet("Låst").getCell("A1").value);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      await workbook.getWorksheet("Januari 2024")!.protect("hemligt", {});
      return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    },
    expect: COMPLETES,
  },
  { name: "entity declarations (XXE, billion laughs)", file: "entiteter.xlsx", build: entityDeclarations, expect: COMPLETES },
  {
    name: "a workbook whose windows (not structure) are locked",
    file: "last-fonster.xlsx",
    build: () => handBook({ sheets: handReport(), beforeSheets: `<workbookPr/><workbookProtection lockWindows="1" lockStructure="0"/>` }),
    expect: COMPLETES,
  },
  {
    name: "a workbook whose structure is protected",
    file: "skyddad-struktur.xlsx",
    build: () => handBook({ sheets: handReport(), beforeSheets: `<workbookPr/><workbookProtection workbookAlgorithmName="SHA-512" workbookSpinCount="100000" lockStructure="1"/>` }),
    expect: { outcome: "refused", reason: /struktur är skyddad/ },
  },
];

export const BROKEN_CORPUS: readonly CorpusFile[] = [
  { name: "a 0-byte file", file: "noll.xlsx", build: () => new Uint8Array(0), expect: { outcome: "refused", reason: /inte en Excel-arbetsbok/ } },
  {
    name: "a truncated zip",
    file: "avklippt.xlsx",
    build: async () => {
      const whole = await excelJs(() => undefined);
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
    expect: { outcome: "refused", reason: /skadad|avklippt/ },
  },
  {
    name: "a zip that is not a workbook",
    file: "inte-arbetsbok.xlsx",
    build: () => zipFromMap(new Map([["readme.txt", "Det här är ingen arbetsbok."], ["data/values.csv", "Konto;Belopp\n6810;100\n"]])),
    expect: { outcome: "refused", reason: /ingen Excel-arbetsbok/ },
  },
  {
    name: "a password-protected workbook",
    file: "losenord.xlsx",
    build: () =>
      compoundFile([
        { name: "EncryptionInfo", size: 4096 },
        { name: "EncryptedPackage", size: 8192 },
      ]),
    expect: { outcome: "refused", reason: /lösenordsskyddad/ },
  },
  {
    name: "an old .xls saved as .xlsx",
    file: "gammal.xlsx",
    build: () => compoundFile([{ name: "Workbook", size: 4096 }]),
    expect: { outcome: "refused", reason: /\.xls/ },
  },
  { name: "a zip bomb (honest sizes)", file: "bomb.xlsx", build: () => zipBomb(300 * 1024 * 1024), expect: { outcome: "refused", reason: /för stor/ } },
  { name: "a zip bomb (lying sizes)", file: "lognbomb.xlsx", build: lyingBomb, expect: { outcome: "refused", reason: /skadad/ } },
  { name: "a zip with 70 000 entries", file: "manga-delar.xlsx", build: tooManyEntries, expect: { outcome: "refused", reason: /för stor/ } },
];
