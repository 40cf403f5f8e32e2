/**
 * Groups of rows by a pair of text ids (division × category, division × cost centre),
 * numbered in order of first appearance: the summaries' tables list groups in the order
 * the workbook first shows them. Ids instead of joined strings, because at 600 000 rows
 * a string and a map lookup per row cost more than the sums themselves.
 */
export interface PairGroups {
  /** Per row, its group. */
  readonly groupOf: Int32Array;
  /** Per group, the first and second id. */
  readonly first: readonly number[];
  readonly second: readonly number[];
}

export function pairGroups(firstIds: ArrayLike<number>, secondIds: ArrayLike<number>, secondCount: number): PairGroups {
  const n = firstIds.length;
  const groupOf = new Int32Array(n);
  const first: number[] = [];
  const second: number[] = [];
  const byPair = new Map<number, number>();
  let lastPair = -1;
  let lastGroup = -1;
  for (let i = 0; i < n; i++) {
    const pair = firstIds[i] * secondCount + secondIds[i];
    if (pair !== lastPair) {
      let g = byPair.get(pair);
      if (g === undefined) {
        g = first.length;
        byPair.set(pair, g);
        first.push(firstIds[i]);
        second.push(secondIds[i]);
      }
      lastPair = pair;
      lastGroup = g;
    }
    groupOf[i] = lastGroup;
  }
  return { groupOf, first, second };
}

/** A missing amount (NaN in the row index) adds nothing, as `amount ?? 0` does. */
export function orZero(value: number): number {
  return value === value ? value : 0;
}
