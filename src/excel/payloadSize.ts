/**
 * Byte sizes of what goes to and comes from Excel. Excel on the web refuses a request or
 * a response over 5 MB; the adapter plans its batches by these estimates and keeps a
 * margin below the limit.
 */

/** UTF-8 length of a string, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Approximate JSON size of one cell value (with its separator). */
export function cellJsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 5;
  switch (typeof value) {
    case "number":
      return String(value).length + 1;
    case "boolean":
      return value ? 5 : 6;
    case "string":
      // Quotes and separator; characters JSON escapes (quotes, backslashes, controls) are rare in cells.
      return utf8Length(value) + 3;
    default:
      return utf8Length(JSON.stringify(value) ?? "") + 1;
  }
}

/** Approximate JSON size of a 2D array of cell values. */
export function gridJsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 3;
    for (const value of row) bytes += cellJsonBytes(value);
  }
  return bytes;
}

/** Excel on the web's limit for one request or response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What the adapter plans for by default: a margin of a fifth below the limit. */
export const DEFAULT_BYTE_BUDGET = 4_000_000;
