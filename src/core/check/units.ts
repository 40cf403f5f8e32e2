/** Units: one month reported in kr while the others are in tkr (or mnkr) shows as a jump of ~1000× in magnitude. */
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, Unit } from "../types";
import type { CheckInput } from "./input";
import { amountColumn, headerCell, rowIndex } from "./rowIndex";
import { num } from "./text";

/** A month whose typical amount is this many times larger or smaller than the others' is in another unit. */
export const UNIT_RATIO = 300;
/** Months with fewer non-zero actuals than this are too small to say anything about their unit. */
export const UNIT_MIN_ROWS = 5;

const UNITS: readonly Unit[] = ["kr", "tkr", "mnkr"];

/** Median of the values (reorders them): quickselect, linear on average, where a sort would be n log n. */
export function median(values: Float64Array): number {
  const n = values.length;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2 === 1) return upper;
  // After selecting `mid`, everything left of it is ≤ it: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/** The k-th smallest value (0-based); partitions `values` around it (Hoare, middle pivot). */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

interface Group {
  sheet: number;
  month: number;
  values: Float64Array;
  median: number;
}

/**
 * `UNIT-MIXED`: per report sheet and month (a month sheet, or one month of a ledger),
 * the median of |actual| over detail rows with a non-zero actual. The reference is the
 * median of those medians. With three or more months, a month is suspicious when its
 * median is at least 300× or at most 1/300 of the reference. With exactly two months the
 * median of two says nothing, so they are compared with each other and the one with
 * fewer rows is reported (the bulk of the data sets the unit); on equal rows, the later.
 */
export function mixedUnits({ model }: CheckInput): Finding[] {
  // Two passes into one typed array per (sheet, month): count, then fill.
  const index = rowIndex(model);
  const actuals = amountColumn(model, "actual");
  const slots = model.reportSheets.length * 16;
  const counts = new Int32Array(slots);
  for (let i = 0; i < actuals.length; i++) {
    const actual = actuals[i];
    // NaN (blank) fails both comparisons.
    if (actual > 0 || actual < 0) counts[index.sheets[i] * 16 + index.months[i]]++;
  }
  const values: (Float64Array | undefined)[] = Array.from(counts, (n) => (n >= UNIT_MIN_ROWS ? new Float64Array(n) : undefined));
  const filled = new Int32Array(slots);
  for (let i = 0; i < actuals.length; i++) {
    const actual = actuals[i];
    if (!(actual > 0 || actual < 0)) continue;
    const slot = index.sheets[i] * 16 + index.months[i];
    const target = values[slot];
    if (target) target[filled[slot]++] = Math.abs(actual);
  }
  const usable: Group[] = [];
  values.forEach((v, slot) => {
    if (v) usable.push({ sheet: Math.floor(slot / 16), month: slot % 16, values: v, median: median(v) });
  });
  if (usable.length < 2) return [];

  const suspicious: { group: Group; reference: number; pair: boolean }[] = [];
  if (usable.length === 2) {
    const [a, b] = usable;
    const ratio = a.median / b.median;
    if (ratio >= UNIT_RATIO || ratio <= 1 / UNIT_RATIO) {
      const odd = a.values.length < b.values.length ? a : b.values.length < a.values.length ? b : a.month > b.month ? a : b;
      suspicious.push({ group: odd, reference: (odd === a ? b : a).median, pair: true });
    }
  } else {
    const reference = median(Float64Array.from(usable, (g) => g.median));
    for (const g of usable) {
      const ratio = g.median / reference;
      if (ratio >= UNIT_RATIO || ratio <= 1 / UNIT_RATIO) suspicious.push({ group: g, reference, pair: false });
    }
  }

  return suspicious.map(({ group, reference, pair }) => {
    const layout = model.reportSheets[group.sheet];
    const ratio = group.median / reference;
    // Each step kr → tkr → mnkr is a factor 1000.
    const steps = Math.round(Math.log10(ratio) / 3);
    const likely = UNITS[UNITS.indexOf(model.unit) - steps];
    const factor = num(Math.round(ratio >= 1 ? ratio : 1 / ratio), "sv");
    const factorEn = num(Math.round(ratio >= 1 ? ratio : 1 / ratio), "en");
    const what = layout.shape === "ledger" ? { sv: `${monthName(group.month, "sv")} på bladet ${layout.sheet}`, en: `${monthName(group.month, "en")} on sheet ${layout.sheet}` } : { sv: `bladet ${layout.sheet}`, en: `sheet ${layout.sheet}` };
    const bigger = ratio >= 1;
    return finding(RULES.mixedUnits, layout.sheet, headerCell(layout, "actual"), {
      sv:
        `Typiskt utfall (median) för ${what.sv} är ${num(group.median, "sv")}, ${pair ? "för den andra månaden" : "medianen över alla månader är"} ${num(reference, "sv")}: ` +
        `ungefär ${factor} gånger ${bigger ? "större" : "mindre"}. ` +
        (likely ? `Beloppen ser ut att vara i ${likely}, inte i ${model.unit}.` : `Beloppen ser ut att vara i en annan enhet än ${model.unit}.`),
      en:
        `The typical actual (median) for ${what.en} is ${num(group.median, "en")}, ${pair ? "for the other month" : "the median across all months is"} ${num(reference, "en")}: ` +
        `about ${factorEn} times ${bigger ? "larger" : "smaller"}. ` +
        (likely ? `The amounts look like ${likely}, not ${model.unit}.` : `The amounts look like a unit other than ${model.unit}.`),
    });
  });
}

export const unitChecks = [mixedUnits] as const;
