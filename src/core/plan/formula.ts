import { absoluteRangeA1, a1, quoteSheetName } from "../address";

/**
 * The only place formulas are put together. User text enters a formula only as a
 * string literal (quotes doubled) or a quoted sheet name, so it can never become
 * formula syntax.
 */

/** `"text"` with quotes doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number as a formula literal; never exponent notation, which not every engine reads. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  return value.toFixed(12).replace(/\.?0+$/, "");
}

/** `'Mars 2024'!$H$5:$H$812`. */
export function sheetRange(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return `${quoteSheetName(sheet)}!${absoluteRangeA1(top, left, bottom, right)}`;
}

/** `'Mars 2024'!H12`. */
export function sheetCell(sheet: string, row: number, column: number): string {
  return `${quoteSheetName(sheet)}!${a1(row, column)}`;
}

/** `#'Mars 2024'!H12`: a link target inside the workbook, for HYPERLINK. */
export function internalLink(sheet: string, cell: string): string {
  return `#${quoteSheetName(sheet)}!${cell}`;
}

/** Joins signed terms into one expression: `A+B-C`, `-A`, or `0` when there are none. */
export function sumOfTerms(terms: readonly { readonly sign: 1 | -1; readonly text: string }[]): string {
  if (terms.length === 0) return "0";
  return terms.map((t, i) => (t.sign < 0 ? `-${t.text}` : i === 0 ? t.text : `+${t.text}`)).join("");
}

/** Excel's limit on the length of a formula. */
export const MAX_FORMULA_LENGTH = 8192;
