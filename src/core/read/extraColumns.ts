import { rangeA1 } from "../address";
import { finding } from "../findings";
import { RULES } from "../rules";
import type { CellValue, Finding } from "../types";
import { isBlank } from "../types";

/**
 * Tracks the non-empty cells in columns a reader does not use, so each such column is
 * reported once, as a range, instead of once per cell.
 */
export class ExtraColumns {
  private readonly extent = new Map<number, { first: number; last: number }>();
  /** 1 at `column - left` for a used column: this is asked of every cell of every row. */
  private readonly usedAt: Uint8Array;

  constructor(
    used: ReadonlySet<number>,
    private readonly left: number,
  ) {
    this.usedAt = new Uint8Array(Math.max(0, ...[...used].map((c) => c - left + 1)));
    for (const column of used) if (column >= left) this.usedAt[column - left] = 1;
  }

  /** Notes the row's cells in unused columns; returns false when the row is blank. */
  scan(cells: readonly CellValue[], row: number): boolean {
    let any = false;
    const usedAt = this.usedAt;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (value === null || value === undefined || (typeof value === "string" && isBlankText(value))) continue;
      any = true;
      if (c < usedAt.length && usedAt[c] === 1) continue;
      const column = this.left + c;
      const span = this.extent.get(column);
      if (span) span.last = row;
      else this.extent.set(column, { first: row, last: row });
    }
    return any;
  }

  /** One info finding per unused column: from its header (when it has one) to its last value. */
  findings(sheet: string, headerRow: number, headers: readonly { column: number; header: string }[]): { findings: Finding[]; columns: { column: number; header: string }[] } {
    const named = new Map(headers.map((e) => [e.column, e.header]));
    const columns = [...new Set([...named.keys(), ...this.extent.keys()])].sort((a, b) => a - b);
    const listed = columns.map((column) => ({ column, header: named.get(column) ?? "" }));
    const findings = listed.map(({ column, header }) => {
      const span = this.extent.get(column);
      const top = header !== "" || !span ? headerRow : span.first;
      return finding(RULES.extraColumn, sheet, rangeA1(top, column, span ? span.last : headerRow, column), {
        sv: header !== "" ? `Kolumnen ”${header}” används inte av Balans.` : "Kolumnen saknar rubrik och används inte av Balans.",
        en: header !== "" ? `The column “${header}” is not used by Balans.` : "The column has no header and is not used by Balans.",
      });
    });
    return { findings, columns: listed };
  }
}

/** `isBlank` for a string, without trimming the common case of text that starts with a printable character. */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === "";
}

/** The range of a row's non-empty cells, e.g. `B7:D7`. */
export function nonBlankSpan(cells: readonly CellValue[], row: number, left: number): string {
  let first = -1;
  let last = -1;
  cells.forEach((v, c) => {
    if (isBlank(v)) return;
    if (first < 0) first = c;
    last = c;
  });
  return rangeA1(row, left + Math.max(first, 0), row, left + Math.max(last, 0));
}
