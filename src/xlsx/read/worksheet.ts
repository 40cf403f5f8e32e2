import type { CellValue } from "../../core/types";
import { Tag, XmlScanner, decodeEntities, decodeOoxmlText, decodeXmlBytes } from "../xml";
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

// Cell types, from the `t` attribute.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

function cellType(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  const first = bytes[start];
  if (length === 1) {
    if (first === 115 /* s */) return T_SHARED;
    if (first === 98 /* b */) return T_BOOL;
    if (first === 101 /* e */) return T_ERROR;
    if (first === 100 /* d */) return T_DATE;
    return T_NUMBER;
  }
  if (length === 3 && startsWithAscii(bytes, start, "str")) return T_STR;
  if (length === 9 && startsWithAscii(bytes, start, "inlineStr")) return T_INLINE;
  return T_NUMBER;
}

/** A non-negative decimal integer, or -1. */
function parseIndex(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const ch = bytes[i];
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const utf8 = new TextDecoder("utf-8");

function decodeText(bytes: Uint8Array, start: number, end: number): string {
  return decodeEntities(utf8.decode(bytes.subarray(start, end)));
}

/**
 * A number written as `-123.45`: with at most 15 digits both the digits and the power of
 * ten are exact doubles, so one division gives the correctly rounded value (the same as
 * `Number(text)`); anything else (exponents, long digit strings) goes to `Number`.
 */
function parseNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (bytes[i] === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const ch = bytes[i];
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (ch === 46 && decimals < 0) {
      decimals = 0;
    } else {
      digits = 99;
      break;
    }
  }
  if (digits === 0 || digits > 15) {
    const text = decodeText(bytes, start, end).trim();
    return text === "" ? NaN : Number(text);
  }
  const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -value : value;
}

/** A1 reference → `row * 16384 + column` (0-based), or -1 when it is not one. */
function parseRef(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let column = 0;
  let ch = bytes[i];
  if (ch === 36) ch = bytes[++i];
  while (i < end && ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122))) {
    column = column * 26 + ((ch & 0xdf) - 64);
    ch = bytes[++i];
  }
  if (column === 0 || column > 16384) return -1;
  if (ch === 36) i++;
  const row = parseIndex(bytes, i, end);
  if (row < 1) return -1;
  return (row - 1) * 16384 + (column - 1);
}

/** End of the local name of a tag whose name starts at `i`; sets `localStart`. */
let localStart = 0;
function scanName(bytes: Uint8Array, i: number): number {
  localStart = i;
  const length = bytes.length;
  for (; i < length; i++) {
    const ch = bytes[i];
    if (ch === GT || ch === SLASH || isSpace(ch)) return i;
    if (ch === COLON) localStart = i + 1;
  }
  return i;
}

/** After a `<` at `lt` of an element with children: the index of the `<` of its close tag. */
function findClose(bytes: Uint8Array, from: number): number {
  let depth = 1;
  let at = from;
  for (;;) {
    const lt = bytes.indexOf(LT, at);
    if (lt < 0) throw new Error("Unterminated element");
    const next = bytes[lt + 1];
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const close = next === 63 ? "?>" : startsWithAscii(bytes, lt, "<![CDATA[") ? "]]>" : "-->";
      at = indexOfAscii(bytes, close, lt + 2) + close.length;
      if (at < close.length) throw new Error("Unterminated section");
      continue;
    }
    const gt = tagEnd(bytes, lt + 1);
    if (next === SLASH) {
      if (--depth === 0) return lt;
    } else if (bytes[gt - 1] !== SLASH) {
      depth++;
    }
    at = gt + 1;
  }
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (startsWithAscii(bytes, at, text)) return at;
  }
  return -1;
}

/**
 * The next `byte` at or after `from`, or -1. A plain loop: the distances in a worksheet
 * are a few bytes, where calling the built-in indexOf costs more than it saves.
 */
function find(bytes: Uint8Array, byte: number, from: number): number {
  const length = bytes.length;
  for (let i = from; i < length; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The `>` ending a tag, skipping quoted attribute values. */
function tagEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const ch = bytes[i];
    if (ch === GT) return i;
    if (ch === QUOTE || ch === APOSTROPHE) {
      i = find(bytes, ch, i + 1);
      if (i < 0) break;
    }
  }
  throw new Error("Unterminated tag");
}

/** Worksheet parts are UTF-8 in practice; anything else is transcoded first. */
function asUtf8(part: Uint8Array | string): Uint8Array {
  if (typeof part === "string") return new TextEncoder().encode(part);
  if (part.length >= 2 && ((part[0] === 0xff && part[1] === 0xfe) || (part[0] === 0xfe && part[1] === 0xff))) {
    return new TextEncoder().encode(decodeXmlBytes(part));
  }
  return part;
}

/**
 * The used range of one worksheet part as rows of values. Formula cells give their
 * cached value; cells without an `r` attribute follow the one before; rows without one
 * follow the row before.
 *
 * The part is scanned as bytes, without decoding it to a string: this runs once per cell,
 * millions of times, and a sheet's XML as a string would double its memory. `<row>`,
 * `<c>`, `<v>` and `<f>` are handled here; anything unusual inside a cell (inline
 * strings, CDATA) is decoded and handed to the general scanner.
 */
export function readWorksheet(part: Uint8Array | string, context: SheetReadContext): SheetGrid {
  const bytes = asUtf8(part);
  const { sharedStrings, cellFormats, date1904 } = context;
  const records: RowRecord[] = [];
  let record: RowRecord | undefined;
  let rowIndex = -1;
  let column = -1;
  let minColumn = Number.MAX_SAFE_INTEGER;
  let ordered = true;

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

  // Number formats of the row being read collect in `scratch`; when the row is done they
  // become the row's array, or the previous row's when equal, so rows formatted alike
  // share one array instead of each allocating its own.
  const scratch: (string | undefined)[] = [];
  let formatRecord: RowRecord | undefined;
  let shared: (string | undefined)[] | undefined;
  const settleFormats = () => {
    if (formatRecord) {
      formatRecord.formats = shared && sameFormats(shared, scratch) ? shared : (shared = scratch.slice());
      scratch.length = 0;
      formatRecord = undefined;
    }
  };

  // Find the <sheetData> start tag; what comes before it (sheetPr, cols, …) is not needed.
  let pos = -2;
  for (let at = indexOfAscii(bytes, "sheetData", 0); at >= 0; at = indexOfAscii(bytes, "sheetData", at + 9)) {
    let open = at - 1;
    while (open >= 0 && bytes[open] !== LT && bytes[open] !== GT && !isSpace(bytes[open])) open--;
    if (open < 0 || bytes[open] !== LT || bytes[open + 1] === SLASH || bytes[open + 1] === 33) continue;
    const gt = tagEnd(bytes, at);
    pos = bytes[gt - 1] === SLASH ? -1 : gt + 1;
    break;
  }
  // sheetData is required; a part without it is not a worksheet (or is cut short).
  if (pos === -2) throw new Error("No sheetData");

  while (pos >= 0) {
    const lt = find(bytes, LT, pos);
    if (lt < 0) throw new Error("Unterminated sheetData");
    const first = bytes[lt + 1];
    if (first === SLASH) {
      // a close tag: </row> goes on, </sheetData> ends
      const nameEnd = scanName(bytes, lt + 2);
      if (nameEnd - localStart === 9 && startsWithAscii(bytes, localStart, "sheetData")) break;
      pos = tagEnd(bytes, nameEnd) + 1;
      continue;
    }
    if (first === 33 || first === 63) {
      const close = first === 63 ? "?>" : startsWithAscii(bytes, lt, "<![CDATA[") ? "]]>" : "-->";
      const end = indexOfAscii(bytes, close, lt + 2);
      if (end < 0) throw new Error("Unterminated section");
      pos = end + close.length;
      continue;
    }
    let i = scanName(bytes, lt + 1);
    const localLength = i - localStart;
    const isCell = localLength === 1 && bytes[localStart] === 99; /* c */
    const isRow = !isCell && localLength === 3 && startsWithAscii(bytes, localStart, "row");
    if (!isCell && !isRow) {
      const gt = tagEnd(bytes, i);
      pos = bytes[gt - 1] === SLASH ? gt + 1 : tagEnd(bytes, findClose(bytes, gt + 1)) + 1;
      continue;
    }

    // Attributes, in one pass; `i` ends on the tag's `>`.
    let refCell = -1;
    let rowAttr = -1;
    let style = 0;
    let type = T_NUMBER;
    let empty = false;
    for (;;) {
      let ch = bytes[i];
      while (isSpace(ch)) ch = bytes[++i];
      if (ch === GT) break;
      if (ch === SLASH) {
        empty = true;
        i = find(bytes, GT, i);
        break;
      }
      if (ch === undefined) throw new Error("Unterminated tag");
      const nameStart = i;
      let attrLocal = i;
      while (ch !== EQUALS && !isSpace(ch) && ch !== undefined) {
        if (ch === COLON) attrLocal = i + 1;
        ch = bytes[++i];
      }
      const nameLength = i - attrLocal;
      while (i < bytes.length && bytes[i] !== QUOTE && bytes[i] !== APOSTROPHE) i++;
      const valueStart = i + 1;
      const valueEnd = find(bytes, bytes[i], valueStart);
      if (valueEnd < 0) throw new Error("Unterminated attribute");
      i = valueEnd + 1;
      if (nameLength !== 1 || attrLocal !== nameStart) continue; // r, s, t are never prefixed
      const attr = bytes[attrLocal];
      if (attr === 114 /* r */) {
        if (isCell) refCell = parseRef(bytes, valueStart, valueEnd);
        else rowAttr = parseIndex(bytes, valueStart, valueEnd);
      } else if (isCell && attr === 115 /* s */) {
        style = Math.max(0, parseIndex(bytes, valueStart, valueEnd));
      } else if (isCell && attr === 116 /* t */) {
        type = cellType(bytes, valueStart, valueEnd);
      }
    }
    pos = i + 1;

    if (isRow) {
      rowIndex = rowAttr >= 1 ? rowAttr - 1 : rowIndex + 1;
      column = -1;
      continue;
    }

    let cellRow: number;
    if (refCell >= 0) {
      cellRow = Math.floor(refCell / 16384);
      column = refCell - cellRow * 16384;
      rowIndex = cellRow;
    } else {
      if (rowIndex < 0) rowIndex = 0;
      cellRow = rowIndex;
      column++;
    }
    if (empty) continue;

    // Children: plain <v> and <f> by hand; otherwise the cell's inside goes to the scanner.
    let vStart = -1;
    let vEnd = -1;
    let vText: string | undefined;
    let inline: string | undefined;
    for (;;) {
      const open = find(bytes, LT, pos);
      if (open < 0) throw new Error("Unterminated cell");
      const next = bytes[open + 1];
      if (next === SLASH) {
        pos = find(bytes, GT, open) + 1;
        break; // </c>
      }
      const nameEnd = scanName(bytes, open + 1);
      const simple = nameEnd - localStart === 1 && (bytes[localStart] === 118 /* v */ || bytes[localStart] === 102) /* f */;
      if (simple) {
        const gt = tagEnd(bytes, nameEnd);
        if (bytes[gt - 1] === SLASH) {
          pos = gt + 1;
          continue;
        }
        const close = find(bytes, LT, gt + 1);
        if (close >= 0 && bytes[close + 1] === SLASH) {
          if (bytes[localStart] === 118) {
            vStart = gt + 1;
            vEnd = close;
          }
          pos = find(bytes, GT, close) + 1;
          continue;
        }
      }
      // Unusual content: decode the rest of the cell and read it with the scanner.
      const cellClose = findClose(bytes, open);
      const inner = new XmlScanner(utf8.decode(bytes.subarray(open, cellClose)));
      for (let kind = inner.next(); kind !== Tag.End; kind = inner.next()) {
        if (kind !== Tag.Open) continue;
        if (inner.name === "v") {
          vText = inner.text();
          vStart = -1; // this <v> wins over one read by hand before it
        } else if (inner.name === "is") {
          inline = readRichText(inner);
        } else {
          inner.skip();
        }
      }
      pos = find(bytes, GT, cellClose) + 1;
      break;
    }
    // Numbers and shared-string indexes are parsed in place; other types need the text.
    if (vText === undefined && vStart >= 0 && type !== T_NUMBER && type !== T_SHARED) vText = decodeText(bytes, vStart, vEnd);

    let value: CellValue = null;
    switch (type) {
      case T_NUMBER:
        if (vStart >= 0 && vEnd > vStart) {
          const n = parseNumber(bytes, vStart, vEnd);
          value = Number.isNaN(n) ? decodeText(bytes, vStart, vEnd) : n;
        } else if (vText) {
          const n = Number(vText);
          value = Number.isNaN(n) ? vText : n;
        }
        break;
      case T_SHARED: {
        let index = vStart >= 0 ? parseIndex(bytes, vStart, vEnd) : -1;
        if (index < 0) index = Number((vText ?? (vStart >= 0 ? decodeText(bytes, vStart, vEnd) : "")).trim() || NaN);
        value = Number.isInteger(index) && index >= 0 ? (sharedStrings[index] ?? null) : null;
        break;
      }
      case T_STR:
        value = vText === undefined ? null : decodeOoxmlText(vText);
        break;
      case T_INLINE:
        value = inline ?? (vText === undefined ? null : decodeOoxmlText(vText));
        break;
      case T_BOOL:
        value = vText === undefined ? null : vText.trim() === "1" || vText.trim() === "true";
        break;
      case T_ERROR:
        value = vText === undefined || vText.trim() === "" ? null : { error: vText.trim() };
        break;
      case T_DATE:
        value = vText === undefined ? null : (isoDateToSerial(vText, date1904) ?? vText);
        break;
    }
    if (value === null || value === "") continue;

    const target = record !== undefined && record.row === cellRow ? record : recordFor(cellRow);
    const cells = target.cells;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (column < minColumn) minColumn = column;
    const format = cellFormats[style];
    if (format) {
      if (target === formatRecord) {
        scratch[column] = format;
      } else if (target.formats) {
        // a row met again out of order: its own copy, as the array may be shared
        target.formats = target.formats.slice();
        target.formats[column] = format;
      } else {
        settleFormats();
        formatRecord = target;
        scratch[column] = format;
      }
    }
  }
  settleFormats();

  if (records.length === 0) return { top: 0, left: 0, rows: [] };
  if (!ordered) records.sort((a, b) => a.row - b.row);
  const top = records[0].row;
  const bottom = records[records.length - 1].row;
  const left = minColumn;
  const rows: CellValue[][] = new Array(bottom - top + 1);
  let numberFormats: ((string | undefined)[] | undefined)[] | undefined;
  // Shared format arrays are cut to the range once each, and stay shared.
  const cut = new Map<(string | undefined)[], (string | undefined)[]>();
  for (const rec of records) {
    // In place: a copy of every row would double the sheet's memory for a moment.
    if (left > 0) rec.cells.splice(0, left);
    rows[rec.row - top] = rec.cells;
    if (rec.formats) {
      numberFormats ??= new Array(rows.length).fill(undefined);
      let formats = cut.get(rec.formats);
      if (!formats) cut.set(rec.formats, (formats = left > 0 ? rec.formats.slice(left) : rec.formats));
      // Holes in a sparse array are read as undefined, which is what the contract means.
      numberFormats[rec.row - top] = formats;
    }
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return numberFormats ? { top, left, rows, numberFormats } : { top, left, rows };
}

function sameFormats(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
