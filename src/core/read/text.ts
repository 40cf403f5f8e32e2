import type { CellValue } from "../types";
import { isCellError } from "../types";

/**
 * A header or key as the reader compares it: lower case, accents and ring/umlauts
 * folded (å→a, ä→a, ö→o), everything but letters and digits dropped. So `Budget månad`,
 * `BUDGET  MÅNAD` and `budget_manad` are the same header.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Folded, but keeping word boundaries as single spaces (for phrases such as `Summa Primärvård`). */
export function foldWords(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A key cell (division, cost centre, account…) as text. Numbers become their plain
 * decimal form (`6810`, not `6810.0`); errors and booleans are not keys (undefined).
 */
export function keyText(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cachedText(stringKeys, value, squeezeSpaces);
  if (typeof value === "number") return Number.isFinite(value) ? cachedText(numberKeys, value, String) : undefined;
  if (isCellError(value)) return undefined;
  return undefined;
}

// Key texts by cell value: a workbook repeats a few thousand keys on hundreds of thousands of rows.
const stringKeys = new Map<string, string>();
const numberKeys = new Map<number, string>();
const squeezeSpaces = (text: string): string => text.replace(/\s+/g, " ").trim();

function cachedText<K>(cache: Map<K, string>, value: K, make: (value: K) => string): string {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const text = make(value);
  if (cache.size > 100_000) cache.clear();
  cache.set(value, text);
  return text;
}

/** Any cell shown as text, for labels and messages. */
export function displayText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  return String(value).trim();
}
