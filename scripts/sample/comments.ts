/**
 * The `Kommentar` column: controllers explain most variances above the comment threshold
 * (|variance| > 500 tkr and > 10 % of budget), write a few words on some ordinary rows,
 * and forget a few large ones, which the engine should catch.
 */
import { COMMENTS, MEASURES, ORDINARY_COMMENTS } from "./catalogue";
import type { Ledger } from "./ledger";
import type { Random } from "./prng";

export const COMMENT_THRESHOLD_TENTHS = 5_000;
export const COMMENT_THRESHOLD_SHARE = 0.1;
const LEFT_OUT = 4;
const ORDINARY_SHARE = 0.01;
const MEASURE_NOTE_SHARE = 0.08;

export interface Comments {
  /** Comment text at key * 12 + month0. */
  readonly text: ReadonlyMap<number, string>;
  /** key * 12 + month0 of large variances left without a comment on purpose. */
  readonly leftOut: readonly number[];
}

export function needsComment(budget: number, actual: number): boolean {
  const variance = actual - budget;
  return Math.abs(variance) > COMMENT_THRESHOLD_TENTHS && Math.abs(variance) > COMMENT_THRESHOLD_SHARE * Math.abs(budget);
}

/**
 * @param months the months (1–12) that are written to the workbook
 * @param avoid keys whose rows carry a planted problem: a forgotten comment is not put there
 */
export function chooseComments(
  ledger: Ledger,
  months: readonly number[],
  leaveSomeOut: boolean,
  avoid: ReadonlySet<number>,
  random: Random,
): Comments {
  const text = new Map<number, string>();
  const large: number[] = [];
  for (const month of months) {
    for (let k = 0; k < ledger.keys.length; k++) {
      const at = k * 12 + month - 1;
      const key = ledger.keys[k];
      if (needsComment(ledger.budget[at], ledger.actual[at])) {
        const words = COMMENTS[key.account.category][ledger.actual[at] > ledger.budget[at] ? "over" : "under"];
        text.set(at, random.pick(words));
        if (!avoid.has(k)) large.push(at);
        continue;
      }
      const measure = ledger.measureOf[k] >= 0 ? MEASURES[ledger.measureOf[k]] : undefined;
      if (measure && month >= measure.startMonth && measure.achievement !== null && random.chance(MEASURE_NOTE_SHARE)) {
        text.set(at, `Effekt av åtgärd ${measure.id}`);
      } else if (random.chance(ORDINARY_SHARE)) {
        text.set(at, random.pick(ORDINARY_COMMENTS));
      }
    }
  }
  const leftOut: number[] = [];
  if (leaveSomeOut) {
    // Spread over the year rather than bunched in one month.
    const count = Math.min(LEFT_OUT, large.length);
    for (let i = 0; i < count; i++) {
      const from = Math.floor((i * large.length) / count);
      const to = Math.floor(((i + 1) * large.length) / count) - 1;
      const at = large[random.int(from, to)];
      text.delete(at);
      leftOut.push(at);
    }
  }
  return { text, leftOut };
}
