/**
 * Amounts written as text the way they arrive after copy-paste from a ledger system:
 * Swedish digit grouping with a space or a non-breaking space, decimal comma, a typographic
 * minus (U+2212) or parentheses for negatives, or the English form `1,234.5`.
 * Input is tenths of tkr, so the text says exactly the number the row should have.
 */

export const NBSP = "\u00a0";
export const MINUS = "\u2212";

export type Negative = "hyphen" | "minus" | "parentheses";

export interface SwedishStyle {
  readonly thousands: " " | typeof NBSP;
  readonly decimals: 0 | 1;
  readonly negative: Negative;
}

function grouped(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function digits(tenths: number, decimals: 0 | 1): { integer: string; fraction: string } {
  const magnitude = Math.abs(tenths);
  if (decimals === 0) {
    if (magnitude % 10 !== 0) throw new Error(`${tenths / 10} has a decimal; it cannot be written without one`);
    return { integer: String(magnitude / 10), fraction: "" };
  }
  return { integer: String(Math.floor(magnitude / 10)), fraction: String(magnitude % 10) };
}

export function swedishAmountText(tenths: number, style: SwedishStyle): string {
  const { integer, fraction } = digits(tenths, style.decimals);
  const body = grouped(integer, style.thousands) + (style.decimals === 1 ? `,${fraction}` : "");
  if (tenths >= 0) return body;
  if (style.negative === "parentheses") return `(${body})`;
  return (style.negative === "minus" ? MINUS : "-") + body;
}

/** `1,234.5`: the English form, which a Swedish reader must not take for 1.2345. */
export function englishAmountText(tenths: number): string {
  const { integer, fraction } = digits(tenths, 1);
  return `${tenths < 0 ? "-" : ""}${grouped(integer, ",")}.${fraction}`;
}
