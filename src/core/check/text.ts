import { formatNumber, formatPercent, monthName } from "../format";
import type { AmountField, Language, Message, Unit } from "../types";

/** A message whose two texts are built by the same function of the language. */
export function bilingual(build: (language: Language) => string): Message {
  return { sv: build("sv"), en: build("en") };
}

/**
 * An amount in a message. Two decimals (trailing zeros dropped by `formatNumber`) so a
 * difference of 0,02 does not print as 0 while 1 234 stays 1 234.
 */
export function num(value: number, language: Language): string {
  return formatNumber(value, language, 2);
}

/** `1 234 tkr`. */
export function money(value: number, language: Language, unit: Unit): string {
  return `${num(value, language)}${language === "sv" ? "\u00a0" : " "}${unit}`;
}

export function pct(share: number, language: Language): string {
  return formatPercent(share, language, 1);
}

/** `januari–april` / `January–April`, or one month name. */
export function monthSpan(from: number, to: number, language: Language): string {
  return from === to ? monthName(from, language) : `${monthName(from, language)}\u2013${monthName(to, language)}`;
}

/** `januari, mars och maj` / `January, March and May`. */
export function listText(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join("");
  const and = language === "sv" ? " och " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

/** Column names in messages, the way a controller says them. */
export const FIELD_LABELS: Readonly<Record<AmountField, Message>> = {
  budget: { sv: "budget", en: "budget" },
  actual: { sv: "utfall", en: "actual" },
  variance: { sv: "avvikelse", en: "variance" },
  priorYear: { sv: "utfall föregående år", en: "prior year" },
  budgetYtd: { sv: "budget ack", en: "budget YTD" },
  actualYtd: { sv: "utfall ack", en: "actual YTD" },
  priorYearYtd: { sv: "utfall ack föregående år", en: "prior-year YTD" },
  annualBudget: { sv: "årsbudget", en: "annual budget" },
  forecast: { sv: "prognos", en: "forecast" },
};

/**
 * Names as the checks compare them: one Unicode form (a pasted `å` may be two code
 * points), lower case, no white space at all, so `Kirurgi`, ` KIRURGI ` and `Kir urgi`
 * are one name. Cached: a workbook repeats a few hundred names on hundreds of thousands
 * of rows.
 */
const nameCache = new Map<string, string>();
export function nameKey(text: string): string {
  const cached = nameCache.get(text);
  if (cached !== undefined) return cached;
  const key = text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
  if (nameCache.size > 100_000) nameCache.clear();
  nameCache.set(text, key);
  return key;
}

/** Number of decimals a value is written with (10 for values a formula left unrounded). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(Math.abs(value));
  if (text.includes("e")) return 10;
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(10, text.length - dot - 1);
}

/**
 * How far a stated figure may be from the computed one: half a unit of the stated
 * figure's last decimal (a total typed as 1 234,5 stands for anything from 1 234,45 to
 * 1 234,55), at least 0,005 so that a formula's unrounded result compares at öre/two
 * decimals. The model carries no number formats, so the decimals of the value stand in
 * for the decimals shown.
 */
export function tolerance(stated: number): number {
  return Math.max(0.005, 0.5 * 10 ** -decimalsOf(stated));
}

/** True when `computed` rounds to `stated` within `tolerance(stated)` (plus float noise). */
export function agrees(stated: number, computed: number): boolean {
  const gap = Math.abs(stated - computed);
  const noise = 1e-9 * Math.max(1, Math.abs(stated), Math.abs(computed));
  // Fast paths: most figures agree to the öre, and no stated figure excuses more than half a unit.
  if (gap <= 0.005 + noise) return true;
  if (gap > 0.5 + noise) return false;
  return gap <= tolerance(stated) + noise;
}
