import type { CellValue } from "../types";
import { isCellError } from "../types";

/** What a cell holds when an amount is expected. */
export type AmountCell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number; readonly fromText: boolean }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "invalid"; readonly reason: "text" | "percent" | "boolean" };

const BLANK: AmountCell = { kind: "blank" };

/** Dashes used for "nothing" in Swedish reports: a lone `-` is an empty cell, not a number. */
const NOTHING_MARKS = new Set(["-", "\u2013", "\u2014", "\u2212"]);

/**
 * Reads an amount: a number, or a number stored as text the way Swedish and English
 * workbooks write it. A percentage is not an amount.
 */
export function readAmount(value: CellValue | undefined): AmountCell {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value, fromText: false } : { kind: "invalid", reason: "text" };
  }
  if (typeof value === "boolean") return { kind: "invalid", reason: "boolean" };
  if (isCellError(value)) return { kind: "error", error: value.error };
  const text = value.trim();
  if (text === "" || NOTHING_MARKS.has(text)) return BLANK;
  const parsed = parseNumberText(text);
  if (parsed === null) return { kind: "invalid", reason: "text" };
  if (parsed.percent) return { kind: "invalid", reason: "percent" };
  return { kind: "number", value: parsed.value, fromText: true };
}

export interface ParsedNumber {
  readonly value: number;
  /** The text ended in `%`; `value` is then the share (12,5 % → 0.125). */
  readonly percent: boolean;
}

const UNIT_SUFFIX = /\s*(?:kr|sek|tkr|ksek|mnkr|msek|mkr)\.?$/i;

/**
 * Parses number text in Swedish or English form: `1 234,5` (space, non-breaking or
 * narrow space as thousands separator), `1.234,5`, `1,234.5`, `−1 234` (U+2212),
 * `(1 234)` for negatives, a trailing minus `1234-` (ledger exports), `12,5 %`, and a
 * unit suffix such as `kr`. A lone comma is a decimal comma (`1,5` = 1.5): these are
 * Swedish workbooks; the English thousands form needs a dot too (`1,234.5`) or several
 * groups (`1,234,567`). Returns null for anything else.
 */
export function parseNumberText(input: string): ParsedNumber | null {
  let text = input.replace(/[\u00a0\u202f\u2009\u2007]/g, " ").trim();
  if (text === "") return null;
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  } else {
    text = text.replace(UNIT_SUFFIX, "");
  }
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const first = text.charAt(0);
  if (first === "-" || first === "\u2212" || first === "\u2013") {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (first === "+") {
    text = text.slice(1).trim();
  } else if (text.endsWith("-") && text.length > 1) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  if (!/^[0-9][0-9 .,']*$/.test(text) || /[ .,']$/.test(text)) return null;
  const normalised = normaliseSeparators(text);
  if (normalised === null) return null;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  const signed = negative ? -value : value;
  return { value: percent ? signed / 100 : signed, percent };
}

/** `1 234,5` → `1234.5`; null when the grouping is not a real thousands grouping. */
function normaliseSeparators(text: string): string | null {
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let decimal: "," | "." | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimal = lastComma > lastDot ? "," : ".";
  else if (lastComma >= 0) decimal = countOf(text, ",") === 1 ? "," : null;
  else if (lastDot >= 0) decimal = countOf(text, ".") === 1 ? "." : null;

  let whole = text;
  let fraction = "";
  if (decimal !== null) {
    const at = text.lastIndexOf(decimal);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^[0-9]+$/.test(fraction)) return null;
  }
  // What is left of the decimal separator may use one grouping character, in groups of three.
  const groupChars = whole.replace(/[0-9]/g, "");
  if (groupChars.length > 0) {
    const separator = groupChars.charAt(0);
    if (decimal !== null && separator === decimal) return null;
    if (!groupChars.split("").every((c) => c === separator)) return null;
    const groups = whole.split(separator);
    if (!/^[0-9]{1,3}$/.test(groups[0]) || !groups.slice(1).every((g) => /^[0-9]{3}$/.test(g))) return null;
    whole = groups.join("");
  }
  if (whole === "") return null;
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** A share written as `2 %`, `2%`, `0,02` or `0.02` (a bare number above 1 is taken as per cent). */
export function readShare(value: CellValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? (Math.abs(value) > 1 ? value / 100 : value) : null;
  if (typeof value !== "string") return null;
  const parsed = parseNumberText(value);
  if (parsed === null) return null;
  if (parsed.percent) return parsed.value;
  return Math.abs(parsed.value) > 1 ? parsed.value / 100 : parsed.value;
}
