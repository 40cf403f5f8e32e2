/** A1 addresses and sheet references. Rows and columns are 0-based in code, 1-based in A1. */

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A1` for row 0, column 0. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** `$A$1` for row 0, column 0. */
export function absoluteA1(row: number, column: number): string {
  return `$${columnLetters(column)}$${row + 1}`;
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

export function absoluteRangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${absoluteA1(top, left)}:${absoluteA1(bottom, right)}`;
}

/** 0-based column of `A`, `AB`, …; -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    const upper = code >= 97 ? code - 32 : code;
    if (upper < 65 || upper > 90) return -1;
    n = n * 26 + (upper - 64);
  }
  return letters.length === 0 ? -1 : n - 1;
}

/** Parses `B7` (optionally with `$`) to 0-based row and column; null when it is not an A1 address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!match) return null;
  const column = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  if (column < 0 || column > 16383 || row > 1048575) return null;
  return { row, column };
}

/**
 * A sheet name as it must appear in a formula: always quoted, quotes doubled.
 * Quoting every name is valid Excel and avoids guessing which names need it.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
