/**
 * Which cells carry the planted problems. Chosen from the ledger with their own random
 * stream, away from rows with one-off events and rows a measure works on, so each problem
 * is alone on its row.
 */
import { englishAmountText, MINUS, NBSP, swedishAmountText } from "./amountText";
import type { Ledger } from "./ledger";
import type { Random } from "./prng";

/** Months (1-based) that carry the planted cell problems. */
export const PLANT_MONTHS = { textNumbers: 3, totalOff: 5, missing: 6, error: 8, duplicate: 9 } as const;
export const TOTAL_OFF_TENTHS = 10_000; // 1 000 tkr
const LARGE_TENTHS = 10_000; // 1 000 tkr: large enough to show digit grouping

export interface TextNumberPlant {
  readonly key: number;
  readonly month: number;
  readonly text: string;
  readonly what: string;
}

export interface Plants {
  readonly textNumbers: readonly TextNumberPlant[];
  /** Key whose `Budget månad` is `#REF!` in the error month. */
  readonly errorKey: number | null;
  /** Division (index) whose totals row is off in the total-off month (month sheets only). */
  readonly totalOffDivision: number | null;
  /** Key whose row is written twice in the duplicate month. */
  readonly duplicateKey: number | null;
  /** The month (1–12) whose sheet is left out, or null. */
  readonly missingMonth: number | null;
}

export const NO_PLANTS: Plants = {
  textNumbers: [],
  errorKey: null,
  totalOffDivision: null,
  duplicateKey: null,
  missingMonth: null,
};

/**
 * Picks the cells and returns them. Two income rows must be written without decimals
 * (`−2 500`, `(1 234)`), so their March actual is rounded to whole tkr here: this is the
 * only place the ledger is changed, before anything is derived from it.
 */
export function choosePlants(ledger: Ledger, months: number, shape: "month" | "ledger", random: Random): Plants {
  const m = PLANT_MONTHS;
  const used = new Set<number>();
  // Rows a measure works on are left alone, so a planted problem never blurs a measure's effect.
  const free = (k: number) => !used.has(k) && ledger.measureOf[k] < 0;
  const pick = (month: number, accept: (key: number) => boolean): number | null => {
    const candidates: number[] = [];
    for (let k = 0; k < ledger.keys.length; k++) {
      if (free(k) && !ledger.events.has(k * 12 + month - 1) && accept(k)) candidates.push(k);
    }
    if (candidates.length === 0) return null;
    const key = candidates[random.int(0, candidates.length - 1)];
    used.add(key);
    return key;
  };
  const isIncome = (k: number) => ledger.keys[k].account.kind === "income";
  const inDivision = (k: number, d: number) => ledger.keys[k].division === d;
  const notFirstOfDivision = (k: number) => !ledger.divisionStarts.includes(k);
  const actualAt = (k: number, month: number) => ledger.actual[k * 12 + month - 1];
  const largest = (month: number, accept: (k: number) => boolean) => {
    let best = -1;
    for (let k = 0; k < ledger.keys.length; k++) {
      if (free(k) && accept(k) && (best < 0 || Math.abs(actualAt(k, month)) > Math.abs(actualAt(best, month)))) best = k;
    }
    if (best >= 0) used.add(best);
    return best < 0 ? null : best;
  };
  const large = (month: number, accept: (k: number) => boolean) =>
    pick(month, (k) => accept(k) && Math.abs(actualAt(k, month)) >= LARGE_TENTHS) ?? largest(month, accept);

  const textNumbers: TextNumberPlant[] = [];
  if (months >= m.textNumbers) {
    const month = m.textNumbers;
    const forms: { division: number; income: boolean; write: (tenths: number) => string; what: string }[] = [
      { division: 0, income: false, write: (t) => swedishAmountText(t, { thousands: " ", decimals: 1, negative: "hyphen" }), what: "Swedish digits grouped with an ASCII space and a decimal comma" },
      { division: 1, income: false, write: (t) => swedishAmountText(t, { thousands: NBSP, decimals: 1, negative: "hyphen" }), what: "Swedish digits grouped with a non-breaking space (U+00A0) and a decimal comma" },
      { division: 0, income: true, write: (t) => swedishAmountText(t, { thousands: " ", decimals: 0, negative: "minus" }), what: `a negative income amount with the typographic minus ${MINUS} (U+2212)` },
      { division: 2, income: true, write: (t) => swedishAmountText(t, { thousands: " ", decimals: 0, negative: "parentheses" }), what: "a negative income amount in parentheses" },
      { division: 2, income: false, write: englishAmountText, what: "the English form with a comma for thousands and a decimal point" },
    ];
    for (const form of forms) {
      const key = large(month, (k) => inDivision(k, form.division) && isIncome(k) === form.income);
      if (key === null) continue;
      const at = key * 12 + month - 1;
      // Written without decimals, so the number itself must be whole.
      if (form.income) ledger.actual[at] = Math.round(ledger.actual[at] / 10) * 10;
      textNumbers.push({ key, month, text: form.write(ledger.actual[at]), what: form.what });
    }
  }
  const cost = (k: number) => !isIncome(k);
  const errorKey = months >= m.error ? pick(m.error, (k) => inDivision(k, 2) && cost(k) && notFirstOfDivision(k)) : null;
  const duplicateKey =
    months >= m.duplicate ? pick(m.duplicate, (k) => inDivision(k, 0) && cost(k) && notFirstOfDivision(k)) : null;
  const totalOffDivision = shape === "month" && months >= m.totalOff ? 1 : null;
  // A gap needs a month after it, or nobody can tell it from a report not yet made.
  const missingMonth = shape === "month" && months > m.missing ? m.missing : null;
  return { textNumbers, errorKey, totalOffDivision, duplicateKey, missingMonth };
}
