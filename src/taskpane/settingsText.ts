import { formatAccountRules, parseAccountRules } from "../core/read/settings";
import type { AccountRule } from "../core/types";

/**
 * Settings as the user types them in the pane: account rules as `6810-6819; hyrläkare`,
 * numbers with a decimal comma or point. Parsing returns null for text that is not valid,
 * so the form can mark the field instead of guessing.
 */

/** Account rules as the settings sheet writes them; the reader's own format, so they read back the same. */
export function formatRules(rules: readonly AccountRule[]): string {
  return formatAccountRules(rules);
}

/**
 * Account rules as the reader parses them (`;`, `,` or a new line between parts), but
 * stricter: a part of only digits and dashes that is not a range (`6810-`) is a typo
 * here, where the reader would take it for a word in account names.
 */
export function parseRules(text: string): AccountRule[] | null {
  const typo = text.split(/[;\n,]+/).some((part) => {
    const token = part.trim();
    return /\d/.test(token) && /^[\d\s\-\u2013\u2212]+$/.test(token) && !/^\d+(\s*[-\u2013\u2212]\s*\d+)?$/.test(token);
  });
  return typo ? null : parseAccountRules(text);
}

/** `1 234,5`, `1234.5`, `2` → number; anything else (or negative) → null. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** A percentage 0–100 as typed (`2,5`, `2,5 %`) → a share (0.025); null when invalid. */
export function parsePercent(text: string): number | null {
  const value = parseAmount(text.replace(/%/g, ""));
  if (value === null || value > 100) return null;
  return Math.round(value * 1e6) / 1e8;
}

/** A share as the pane shows it for editing: 0.025 → `2,5` (sv) or `2.5` (en). */
export function formatPercentInput(share: number, decimalComma: boolean): string {
  const text = String(Math.round(share * 1e8) / 1e6);
  return decimalComma ? text.replace(".", ",") : text;
}

export function formatAmountInput(value: number, decimalComma: boolean): string {
  const text = String(value);
  return decimalComma ? text.replace(".", ",") : text;
}
