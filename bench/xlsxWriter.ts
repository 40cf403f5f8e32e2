/**
 * A minimal, fast .xlsx writer for benchmark inputs: the sample generator's sheets (and
 * sheets of formulas for the hand-built comparison) as worksheet XML with shared strings,
 * a few cell styles, column widths and frozen header rows. Each worksheet is deflated
 * with Node's zlib as soon as it is written, so a 12 × 50 000-row workbook takes seconds
 * rather than the minute ExcelJS's streaming writer needs, and never sits in memory as
 * cells. The package goes together through our own zip writer (`src/xlsx/zip.ts`).
 */
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import { columnLetters } from "../src/core/address";
import { writeZip, type ZipOutputEntry } from "../src/xlsx/zip";

export type BenchValue = string | number | boolean | null | { readonly error: string } | { readonly formula: string };

export interface BenchRow {
  readonly values: readonly BenchValue[];
  readonly bold?: boolean;
  /** Number formats of single cells (0-based column), over the column's format. */
  readonly numFmts?: Readonly<Record<number, string>>;
}

export interface BenchSheet {
  readonly name: string;
  readonly columns: readonly { readonly width: number; readonly numFmt?: string }[];
  readonly frozenRows: number;
  /** Rows from row 1; produced lazily when the sheet is written. */
  readonly rows: Iterable<BenchRow>;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(text: string): string {
  // Control characters other than tab and line breaks are not allowed in XML 1.0.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "",
  );
}

class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["0:0", 0]]);

  /** The cellXfs index of a number format and weight. */
  index(numFmt: string | undefined, bold: boolean): number {
    let fmtId = 0;
    if (numFmt) {
      fmtId = this.formats.get(numFmt) ?? 164 + this.formats.size;
      this.formats.set(numFmt, fmtId);
    }
    const key = `${fmtId}:${bold ? 1 : 0}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) {
      xf = this.xfs.size;
      this.xfs.set(key, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("");
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [fmt, bold] = key.split(":");
        return `<xf numFmtId="${fmt}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${fmt !== "0" ? ' applyNumberFormat="1"' : ""}${bold === "1" ? ' applyFont="1"' : ""}/>`;
      })
      .join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = [...this.index.keys()].map((s) => (/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>` : `<si><t>${escapeXml(s)}</t></si>`));
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">${items.join("")}</sst>`;
  }
}

const encoder = new TextEncoder();

/** An entry deflated now, handed to the zip writer as already compressed. */
function deflated(name: string, data: Uint8Array): ZipOutputEntry {
  const raw = deflateRawSync(data, { level: 6 });
  return { name, copy: { entry: { name, method: 8, crc32: zlibCrc32(data) >>> 0, compressedSize: raw.length, size: data.length, dataOffset: 0 }, raw } };
}

function worksheetXml(sheet: BenchSheet, styles: Styles, strings: SharedStrings): Uint8Array {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetters(c));
  const columnStyle = sheet.columns.map((c) => (c.numFmt ? styles.index(c.numFmt, false) : 0));
  const head =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">` +
    (sheet.frozenRows > 0 ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` : "") +
    `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (sheet.columns.length > 0
      ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${columnStyle[i] ? ` style="${columnStyle[i]}"` : ""}/>`).join("")}</cols>`
      : "") +
    `<sheetData>`;
  // Parts of about a megabyte are joined as they fill, so the sheet never exists as millions of small strings.
  const chunks: string[] = [head];
  let pending: string[] = [];
  let pendingLength = 0;
  let r = 0;
  for (const row of sheet.rows) {
    r++;
    if (row.values.length === 0) continue;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < row.values.length; c++) {
      const value = row.values[c];
      if (value === null) continue;
      const format = row.numFmts?.[c];
      const style = row.bold || format ? styles.index(format ?? sheet.columns[c]?.numFmt, !!row.bold) : (columnStyle[c] ?? 0);
      const s = style ? ` s="${style}"` : "";
      const ref = `${letter(c)}${r}`;
      if (typeof value === "number") xml += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else if (typeof value === "string") xml += `<c r="${ref}"${s} t="s"><v>${strings.of(value)}</v></c>`;
      else if (typeof value === "boolean") xml += `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      else if ("error" in value) xml += `<c r="${ref}"${s} t="e"><v>${escapeXml(value.error)}</v></c>`;
      else xml += `<c r="${ref}"${s}><f>${escapeXml(value.formula)}</f></c>`;
    }
    xml += "</row>";
    pending.push(xml);
    pendingLength += xml.length;
    if (pendingLength > 1 << 20) {
      chunks.push(pending.join(""));
      pending = [];
      pendingLength = 0;
    }
  }
  chunks.push(pending.join(""), "</sheetData></worksheet>");
  return encoder.encode(chunks.join(""));
}

/** The workbook as .xlsx bytes. Sheets are written (and their rows produced) one at a time. */
export function writeBenchXlsx(sheets: readonly BenchSheet[]): Uint8Array {
  const styles = new Styles();
  const strings = new SharedStrings();
  const entries: ZipOutputEntry[] = [];
  sheets.forEach((sheet, i) => entries.push(deflated(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(sheet, styles, strings))));
  const text = (name: string, xml: string): ZipOutputEntry => ({ name, data: encoder.encode(xml) });
  const overrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("");
  const head: ZipOutputEntry[] = [
    text(
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `${overrides}</Types>`,
    ),
    text("_rels/.rels", `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text(
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets><calcPr calcId="191029"/></workbook>`,
    ),
    text(
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    text("xl/styles.xml", styles.xml()),
    text("xl/sharedStrings.xml", strings.xml()),
  ];
  return writeZip([...head, ...entries]);
}
