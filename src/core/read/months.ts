import type { CellValue } from "../types";
import { foldWords } from "./text";

/** Month names and abbreviations, Swedish and English, folded (å→a), to month number. */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ["jan", 1], ["januari", 1], ["january", 1],
  ["feb", 2], ["febr", 2], ["februari", 2], ["february", 2],
  ["mar", 3], ["mars", 3], ["march", 3],
  ["apr", 4], ["april", 4],
  ["maj", 5], ["may", 5],
  ["jun", 6], ["juni", 6], ["june", 6],
  ["jul", 7], ["juli", 7], ["july", 7],
  ["aug", 8], ["augusti", 8], ["august", 8],
  ["sep", 9], ["sept", 9], ["september", 9],
  ["okt", 10], ["oktober", 10], ["oct", 10], ["october", 10],
  ["nov", 11], ["november", 11],
  ["dec", 12], ["december", 12],
]);

/** Words that may stand beside a month in a sheet name or title: `Utfall mars 2024`. */
const FILLER_WORDS = new Set(["rapport", "manadsrapport", "utfall", "manad", "mr", "report", "month", "monthly", "period", "per", "t", "o", "m", "tom"]);

export interface YearMonth {
  readonly month: number;
  /** null when the text names no year. */
  readonly year: number | null;
}

export function monthFromWord(word: string): number | undefined {
  return MONTH_WORDS.get(word);
}

function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/**
 * A month as sheet names and period cells write it: `Mars 2024`, `januari 2024`, `Jan`,
 * `2024-03`, `202403`, `mar-24`, `March`, `03-2024`, `2024 mars`, `Utfall mars 2024`.
 * Null when the text is not (only) a month.
 */
export function parseMonthText(text: string): YearMonth | null {
  const folded = foldWords(text);
  if (folded === "") return null;
  const compact = folded.replace(/ /g, "");
  let m = /^(\d{4})(\d{2})$/.exec(compact);
  if (m && validMonth(Number(m[2]))) return { year: Number(m[1]), month: Number(m[2]) };
  const words = folded.split(" ");
  // 2024 03, 2024 3 (from 2024-03, 2024/3), 2024 03 31 (a date written as text)
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\d+$/.test(w))) {
    const [a, b] = words;
    if (a.length === 4 && b.length <= 2 && validMonth(Number(b))) return { year: Number(a), month: Number(b) };
    if (words.length === 2 && b.length === 4 && a.length <= 2 && validMonth(Number(a))) return { year: Number(b), month: Number(a) };
    if (words.length === 3 && words[2].length === 4 && validMonth(Number(b))) return { year: Number(words[2]), month: Number(b) };
    return null;
  }
  let month: number | undefined;
  let year: number | null = null;
  for (const word of words) {
    const asMonth = MONTH_WORDS.get(word);
    if (asMonth !== undefined && month === undefined) {
      month = asMonth;
      continue;
    }
    m = /^(\d{2}|\d{4})$/.exec(word);
    if (m && year === null) {
      year = fullYear(m[1]);
      continue;
    }
    if (FILLER_WORDS.has(word)) continue;
    return null;
  }
  return month === undefined ? null : { month, year };
}

/**
 * Finds a month with a year inside free text such as a title
 * (`Region Mittland – Månadsrapport oktober 2024`). Null unless both are there.
 */
export function findMonthInText(text: string): YearMonth | null {
  const words = foldWords(text).split(" ");
  for (let i = 0; i < words.length; i++) {
    const month = MONTH_WORDS.get(words[i]);
    if (month === undefined) continue;
    const next = words[i + 1];
    if (next !== undefined && /^\d{4}$/.test(next)) return { month, year: Number(next) };
  }
  for (const word of words) {
    const m = /^(\d{4})(\d{2})$/.exec(word);
    if (m && validMonth(Number(m[2])) && Number(m[1]) >= 1990 && Number(m[1]) <= 2100) return { year: Number(m[1]), month: Number(m[2]) };
  }
  return null;
}

/** Excel serial day numbers of 1990-01-01 and 2100-12-31 (1900 system): a number in between in a period column is a date. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

/** The year and month of an Excel date serial (1900 or 1904 date system). */
export function monthOfSerial(serial: number, date1904: boolean): YearMonth {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Excel's 1900 system counts a non-existent 29 Feb 1900; serial 60 and below never reach here.
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/**
 * A period cell of a ledger sheet: `2024-03`, `202403` (text or number), a date serial,
 * a date as text (`2024-03-31`), or a month name with a year. Null when it is none of these.
 */
export function parsePeriodCell(value: CellValue | undefined, date1904: boolean): YearMonth | null {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 199001 && value <= 210012 && validMonth(value % 100)) {
      return { year: Math.floor(value / 100), month: value % 100 };
    }
    const serialLow = date1904 ? SERIAL_MIN - 1462 : SERIAL_MIN;
    const serialHigh = date1904 ? SERIAL_MAX - 1462 : SERIAL_MAX;
    if (value >= serialLow && value <= serialHigh) return monthOfSerial(value, date1904);
    return null;
  }
  if (typeof value === "string") return parseMonthText(value);
  return null;
}

/** A month-number cell (`3`, `03`, `mars`) of a ledger with separate year and month columns. */
export function parseMonthNumberCell(value: CellValue | undefined): number | null {
  if (typeof value === "number") return validMonth(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return validMonth(Number(text)) ? Number(text) : null;
  const parsed = parseMonthText(text);
  return parsed && parsed.year === null ? parsed.month : null;
}

/** A year cell: a whole number between 1990 and 2100, as number or text. */
export function parseYearCell(value: CellValue | undefined): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
}
