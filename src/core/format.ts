import type { Language } from "./types";

/**
 * Numbers in messages, the way each language writes them: `1 234,5` in Swedish
 * (non-breaking space, decimal comma, minus sign −), `1,234.5` in English.
 */
export function formatNumber(value: number, language: Language, decimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = roundTo(Math.abs(value), decimals);
  const [whole, fraction] = rounded.toFixed(decimals).split(".");
  const groupSeparator = language === "sv" ? "\u00a0" : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const trimmedFraction = fraction && /[1-9]/.test(fraction) ? fraction.replace(/0+$/, "") : "";
  const body = trimmedFraction ? `${grouped}${language === "sv" ? "," : "."}${trimmedFraction}` : grouped;
  const negative = value < 0 && Number(rounded.toFixed(decimals)) !== 0;
  return negative ? `${language === "sv" ? "\u2212" : "-"}${body}` : body;
}

export function formatPercent(share: number, language: Language, decimals = 1): string {
  return `${formatNumber(share * 100, language, decimals)}${language === "sv" ? "\u00a0%" : "%"}`;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `mars 2024` / `March 2024`. */
export function monthName(month: number, language: Language, year?: number): string {
  const name = (language === "sv" ? MONTHS_SV : MONTHS_EN)[month - 1] ?? String(month);
  return year === undefined ? name : `${name} ${year}`;
}

/** `2024-03`. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}
