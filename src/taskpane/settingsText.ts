import type { AccountRule } from "../core/types";

/**
 * Settings as the user types them in the pane: account rules as `6810-6819; hyrläkare`,
 * numbers with a decimal comma or point. Parsing returns null for text that is not valid,
 * so the form can mark the field instead of guessing.
 */

export function formatRules(rules: readonly AccountRule[]): string {
  return rules.map((rule) => (rule.kind === "name" ? rule.contains : rule.from === rule.to ? String(rule.from) : `${rule.from}-${rule.to}`)).join("; ");
}

export function parseRules(text: string): AccountRule[] | null {
  const rules: AccountRule[] = [];
  for (const raw of text.split(";")) {
    const part = raw.trim();
    if (part === "") continue;
    // An en dash is what Word and Outlook turn a typed hyphen into.
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) return null;
      rules.push({ kind: "range", from, to });
    } else if (/^\d+$/.test(part)) {
      rules.push({ kind: "range", from: Number(part), to: Number(part) });
    } else if (/\d/.test(part) && /^[\d\s\-–]+$/.test(part)) {
      return null; // digits and dashes that do not make a range, such as `6810-`
    } else {
      rules.push({ kind: "name", contains: part });
    }
  }
  return rules;
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
