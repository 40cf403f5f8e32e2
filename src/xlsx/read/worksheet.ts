import type { CellValue } from "../../core/types";
import { Tag, XmlScanner, decodeOoxmlText } from "../xml";
import { readRichText } from "./richText";

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  /** Number format code per cell style index; null for General. */
  readonly cellFormats: readonly (string | null)[];
  readonly date1904: boolean;
}

export interface SheetGrid {
  readonly top: number;
  readonly left: number;
  readonly rows: CellValue[][];
  readonly numberFormats?: ((string | undefined)[] | undefined)[];
}

interface RowRecord {
  readonly row: number;
  readonly cells: CellValue[];
  formats?: (string | undefined)[];
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** An ISO 8601 date (`t="d"` cells) as a serial number of the workbook's date system. */
export function isoDateToSerial(text: string, date1904: boolean): number | null {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (m) {
    const seconds = Number(m[6] ?? "0");
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? "0"), Number(m[5] ?? "0"), Math.floor(seconds), Math.round((seconds % 1) * 1000));
    return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  }
  const time = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text.trim());
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? "0")) / 86400;
  return null;
}

/**
 * A1 reference → row (high bits) and column; -1 when it is not one. Written out by hand
 * because it runs once per cell.
 */
function parseRef(xml: string, start: number, end: number): { row: number; column: number } | null {
  let i = start;
  let column = 0;
  let ch = xml.charCodeAt(i);
  if (ch === 36) ch = xml.charCodeAt(++i);
  while (i < end && ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122))) {
    column = column * 26 + ((ch & 0xdf) - 64);
    ch = xml.charCodeAt(++i);
  }
  if (column === 0) return null;
  if (ch === 36) ch = xml.charCodeAt(++i);
  let row = 0;
  const digitsStart = i;
  while (i < end && ch >= 48 && ch <= 57) {
    row = row * 10 + (ch - 48);
    ch = xml.charCodeAt(++i);
  }
  if (i === digitsStart || row === 0) return null;
  return { row: row - 1, column: column - 1 };
}

/**
 * The used range of one worksheet part as rows of values. Formula cells give their
 * cached value; cells without an `r` attribute follow the one before; rows without one
 * follow the row before.
 */
export function readWorksheet(xml: string, context: SheetReadContext): SheetGrid {
  const scanner = new XmlScanner(xml);
  const { sharedStrings, cellFormats, date1904 } = context;
  const records: RowRecord[] = [];
  let record: RowRecord | undefined;
  let rowIndex = -1;
  let column = -1;
  let minColumn = Number.MAX_SAFE_INTEGER;
  let ordered = true;
  let inSheetData = false;

  const recordFor = (row: number): RowRecord => {
    if (record && record.row === row) return record;
    const last = records[records.length - 1];
    if (last && last.row === row) return (record = last);
    if (last && last.row > row) {
      ordered = false;
      const earlier = records.find((r) => r.row === row);
      if (earlier) return (record = earlier);
    }
    record = { row, cells: [] };
    records.push(record);
    return record;
  };

  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    const name = scanner.name;
    if (!inSheetData) {
      if (name === "sheetData" && kind === Tag.Open) inSheetData = true;
      else if (kind === Tag.Open && name !== "worksheet") scanner.skip();
      continue;
    }
    if (kind === Tag.Close) {
      if (name === "sheetData") break;
      continue;
    }
    if (name === "row") {
      const r = scanner.attr("r");
      const n = r === undefined ? NaN : Number(r);
      rowIndex = Number.isInteger(n) && n >= 1 ? n - 1 : rowIndex + 1;
      column = -1;
      continue;
    }
    if (name !== "c") {
      if (kind === Tag.Open) scanner.skip();
      continue;
    }

    // Attributes r, s and t in one pass over the tag.
    let cellRow = rowIndex < 0 ? (rowIndex = 0) : rowIndex;
    let style = 0;
    let type = "n";
    let hasRef = false;
    {
      const end = scanner.attrEnd;
      let i = scanner.attrStart;
      while (i < end) {
        const eq = xml.indexOf("=", i);
        if (eq < 0 || eq >= end) break;
        let nameStart = i;
        while (nameStart < eq && xml.charCodeAt(nameStart) <= 32) nameStart++;
        let nameEnd = eq;
        while (nameEnd > nameStart && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
        let q = eq + 1;
        while (q < end && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
        const close = xml.indexOf(xml[q], q + 1);
        if (close < 0 || close > end) break;
        if (nameEnd - nameStart === 1) {
          const attr = xml.charCodeAt(nameStart);
          if (attr === 114 /* r */) {
            const ref = parseRef(xml, q + 1, close);
            if (ref) {
              hasRef = true;
              cellRow = ref.row;
              column = ref.column;
            }
          } else if (attr === 115 /* s */) {
            style = Number(xml.slice(q + 1, close)) || 0;
          } else if (attr === 116 /* t */) {
            type = xml.slice(q + 1, close);
          }
        }
        i = close + 1;
      }
    }
    if (hasRef) rowIndex = cellRow;
    else column++;
    if (kind === Tag.Empty) continue;

    let v: string | undefined;
    let inline: string | undefined;
    for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
      if (inner === Tag.Close) {
        if (scanner.name === "c") break;
        continue;
      }
      if (inner !== Tag.Open) continue;
      const child = scanner.name;
      if (child === "v") v = scanner.text();
      else if (child === "is") inline = readRichText(scanner);
      else scanner.skip();
    }

    let value: CellValue = null;
    switch (type) {
      case "s": {
        if (v !== undefined) value = sharedStrings[Number(v)] ?? null;
        break;
      }
      case "str":
        value = v === undefined ? null : decodeOoxmlText(v);
        break;
      case "inlineStr":
        value = inline ?? (v === undefined ? null : decodeOoxmlText(v));
        break;
      case "b":
        value = v === undefined ? null : v.trim() === "1" || v.trim() === "true";
        break;
      case "e":
        value = v === undefined || v === "" ? null : { error: v.trim() };
        break;
      case "d":
        value = v === undefined ? null : isoDateToSerial(v, date1904) ?? v;
        break;
      default: {
        if (v !== undefined && v !== "") {
          const n = +v;
          value = Number.isNaN(n) ? v : n;
        }
      }
    }
    if (value === null || value === "") continue;

    const target = recordFor(cellRow);
    const cells = target.cells;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (column < minColumn) minColumn = column;
    const format = cellFormats[style];
    if (format) (target.formats ??= [])[column] = format;
  }

  if (records.length === 0) return { top: 0, left: 0, rows: [] };
  if (!ordered) records.sort((a, b) => a.row - b.row);
  const top = records[0].row;
  const bottom = records[records.length - 1].row;
  const left = minColumn;
  const rows: CellValue[][] = new Array(bottom - top + 1);
  let numberFormats: ((string | undefined)[] | undefined)[] | undefined;
  for (let r = 0; r < rows.length; r++) rows[r] = [];
  for (const rec of records) {
    rows[rec.row - top] = left > 0 ? rec.cells.slice(left) : rec.cells;
    if (rec.formats) {
      numberFormats ??= new Array(rows.length).fill(undefined);
      const formats = left > 0 ? rec.formats.slice(left) : rec.formats;
      // Holes in a sparse array are read as undefined, which is what the contract means.
      numberFormats[rec.row - top] = formats;
    }
  }
  return numberFormats ? { top, left, rows, numberFormats } : { top, left, rows };
}
