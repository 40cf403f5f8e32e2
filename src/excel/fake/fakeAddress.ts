import { columnIndex, columnLetters, rangeA1 } from "../../core/address";

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROW = 1048575;
export const MAX_COLUMN = 16383;

/**
 * Parses what `worksheet.getRange(address)` accepts in the fake: `B7`, `$B$7`, `A1:C9`,
 * whole columns `B:D` and whole rows `3:5`. A sheet prefix (`Jan!A1`) is not accepted:
 * the adapter always asks the worksheet itself.
 */
export function parseRangeAddress(address: string): Rect | null {
  const text = address.trim().replace(/\$/g, "");
  const parts = text.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const [first, last] = [ends[0]!, ends[ends.length - 1]!];
  if (first.kind !== last.kind) return null;
  const top = first.row ?? 0;
  const bottom = last.row ?? MAX_ROW;
  const left = first.column ?? 0;
  const right = last.column ?? MAX_COLUMN;
  const rect = { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
  if (rect.bottom > MAX_ROW || rect.right > MAX_COLUMN) return null;
  return rect;
}

interface End {
  readonly kind: "cell" | "column" | "row";
  readonly row?: number;
  readonly column?: number;
}

function parseEnd(text: string): End | null {
  let match = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(text);
  if (match) {
    const row = Number(match[2]) - 1;
    const column = columnIndex(match[1]);
    return row < 0 || column < 0 ? null : { kind: "cell", row, column };
  }
  match = /^([A-Za-z]{1,3})$/.exec(text);
  if (match) {
    const column = columnIndex(match[1]);
    return column < 0 ? null : { kind: "column", column };
  }
  match = /^([0-9]{1,7})$/.exec(text);
  if (match) {
    const row = Number(match[1]) - 1;
    return row < 0 ? null : { kind: "row", row };
  }
  return null;
}

/** A sheet name as Excel prints it in an address: quoted unless it is a plain word. */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Jan!C5:H40`, the way `Range.address` reports a range. */
export function formatAddress(sheet: string, rect: Rect): string {
  if (rect.left === 0 && rect.right === MAX_COLUMN) return `${sheetPrefix(sheet)}!${rect.top + 1}:${rect.bottom + 1}`;
  if (rect.top === 0 && rect.bottom === MAX_ROW) return `${sheetPrefix(sheet)}!${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  return `${sheetPrefix(sheet)}!${rangeA1(rect.top, rect.left, rect.bottom, rect.right)}`;
}

export function rectCells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}
