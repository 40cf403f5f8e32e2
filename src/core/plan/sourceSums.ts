import { ACCOUNT_CLASSES, AMOUNT_INDEX, rowIndex, type RowIndex } from "../check/rowIndex";
import { orZero, pairGroups } from "../summary/groups";
import type { AmountField, WorkbookModel } from "../types";
import { MAX_FORMULA_LENGTH, numberLiteral, sheetCell, sheetRange, sumOfTerms } from "./formula";

/**
 * Live formulas that sum report cells for one group of rows (e.g. Specialistvård ×
 * Personalkostnader) in one month, exactly as the engine sums them:
 *
 * - rows that sit together on the source sheet are summed directly, `SUM('Mars 2024'!$H$5:$H$9)`,
 *   which is as traceable as it gets and cheap to recalculate;
 * - scattered rows are summed with SUMIFS over the source column and a helper column of
 *   numeric group keys on the keys sheet (key = group × 100 + month, negative where the
 *   row's amounts change sign to make costs positive), because the source's own key
 *   columns cannot be trusted as criteria: divisions are often written once above their
 *   rows, totals rows carry the same labels, and text compares case-insensitively. Only
 *   rows some SUMIFS asks for get a key (the keys sheet of a large workbook is the
 *   heaviest thing Balans writes), and each SUMIFS spans only the rows from its group's
 *   first to its last;
 * - a cell holding a number stored as text is invisible to SUM/SUMIFS, so its value is
 *   added as a constant; a row with an Excel error in any amount cell gets no key (the
 *   error would spread) and its other cells are referenced one by one.
 */

export type Grouping = "category" | "costCentre" | "class";

export interface KeyColumn {
  /** Index into `model.reportSheets`. */
  readonly sheet: number;
  readonly grouping: Grouping;
  /** 0-based column on the keys sheet. */
  readonly column: number;
  /** One key per source row from the sheet's first to last data row; null where the row has none, or no formula asks for its key. */
  readonly keys: (number | null)[];
}

/** A key column as the sums use it: where it goes, and which keys formulas ask for. */
interface KeyColumnUse {
  readonly sheet: number;
  readonly grouping: Grouping;
  readonly column: number;
  /** Keys (group × 100 + month, without sign) some SUMIFS asks for. */
  readonly asked: Set<number>;
}

/** Keys-sheet rows: a title row and a header row above the aligned key cells. */
export const KEYS_FIRST_ROW = 2;

const MAX_RUNS = 3;

export interface GroupSum {
  /** The formula (without `=`), or null when it would exceed Excel's formula length. */
  readonly formula: string | null;
  /** The engine's sum of the same cells, costs positive. */
  readonly value: number;
}

/** A grouping's groups, numbered from 1 in order of first appearance, with their rows by month. */
interface GroupingIndex {
  /** Per model row, its group's number. */
  readonly numberOfRow: Int32Array;
  /** Group text (`division\u0000member`) → number. */
  readonly numbers: Map<string, number>;
  /** Rows of group number g in month m are `rows[start[g * 13 + m] .. start[g * 13 + m + 1])`, in model order. */
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

const SEP = "\u0000";
const NO_ROWS = new Int32Array(0);

/**
 * Group texts per grouping: the division and the member's text (category, cost centre)
 * or account class, joined by NUL, as the sheets name their groups.
 */
function members(index: RowIndex, grouping: Grouping): { ids: ArrayLike<number>; texts: readonly string[] } {
  if (grouping === "category") return { ids: index.categoryTextIds, texts: index.categoryTexts };
  if (grouping === "costCentre") return { ids: index.costCentreTextIds, texts: index.costCentreTexts };
  return { ids: index.classes, texts: ACCOUNT_CLASSES };
}

export class SourceSums {
  private readonly index: RowIndex;
  private readonly indexes = new Map<Grouping, GroupingIndex>();
  private readonly columns: KeyColumnUse[] = [];
  private readonly columnOf = new Map<string, KeyColumnUse>();
  /** Rows of report sheet s are `sheetRows[sheetStart[s] .. sheetStart[s + 1])`, in model order. */
  private readonly sheetStart: Int32Array;
  private readonly sheetRows: Int32Array;
  /** Row numbers of one sum's rows by sign, reused from sum to sum. */
  private readonly positive: number[] = [];
  private readonly negative: number[] = [];
  /** The same rows as model row indices. */
  private readonly positiveRows: number[] = [];
  private readonly negativeRows: number[] = [];

  constructor(
    private readonly model: WorkbookModel,
    private readonly keysSheet: string,
  ) {
    this.index = rowIndex(model);
    ({ start: this.sheetStart, rows: this.sheetRows } = bucketRows(this.index.sheets, model.reportSheets.length));
  }

  /**
   * Registers a grouping: rows by division and category, cost centre or account class.
   * Groups are numbered in order of first appearance in the model's rows.
   */
  define(grouping: Grouping): void {
    const index = this.index;
    const { ids, texts } = members(index, grouping);
    const groups = pairGroups(index.divisionTextIds, ids, texts.length);
    const numberOfRow = groups.groupOf.map((g) => g + 1);
    const numbers = new Map<string, number>();
    groups.first.forEach((division, g) => numbers.set(`${index.divisionTexts[division]}${SEP}${texts[groups.second[g]]}`, g + 1));
    // Bucket keys: group number × 13 + month.
    const keys = new Int32Array(numberOfRow.length);
    for (let i = 0; i < keys.length; i++) keys[i] = numberOfRow[i] * 13 + index.months[i];
    const { start, rows } = bucketRows(keys, (groups.first.length + 1) * 13);
    this.indexes.set(grouping, { numberOfRow, numbers, start, rows });
  }

  /** Group numbers per grouping, for the keys sheet's legend. */
  legend(grouping: Grouping): { group: string; number: number }[] {
    const index = this.indexes.get(grouping);
    return index ? [...index.numbers].map(([group, number]) => ({ group, number })) : [];
  }

  /** The key columns formulas use so far, with a key for each row a formula asks for. */
  keyColumns(): readonly KeyColumn[] {
    return this.columns.map((use) => ({ sheet: use.sheet, grouping: use.grouping, column: use.column, keys: this.keysOf(use) }));
  }

  /** The sum of `field` over the group's rows in `month`, as a formula and as a number. */
  sum(grouping: Grouping, group: string, month: number, field: AmountField): GroupSum {
    const grouped = this.indexes.get(grouping);
    if (!grouped) throw new Error(`grouping ${grouping} not defined`);
    const number = grouped.numbers.get(group);
    const at = number === undefined ? -1 : number * 13 + month;
    const rows = at < 0 || month < 0 || month > 12 ? NO_ROWS : grouped.rows.subarray(grouped.start[at], grouped.start[at + 1]);
    const index = this.index;
    const f = AMOUNT_INDEX[field];
    const amounts = index.amounts[f];
    const bit = 1 << f;
    const terms: { sign: 1 | -1; text: string }[] = [];
    let constant = 0;
    let value = 0;

    // Sheets in order of their first row in the group (the model lists rows sheet by sheet).
    const sheets: number[] = [];
    let lastSheet = -1;
    for (let k = 0; k < rows.length; k++) {
      value += orZero(amounts[rows[k]]);
      const sheet = index.sheets[rows[k]];
      if (sheet !== lastSheet && !sheets.includes(sheet)) sheets.push(sheet);
      lastSheet = sheet;
    }
    const positive = this.positive;
    const negative = this.negative;
    const positiveRows = this.positiveRows;
    const negativeRows = this.negativeRows;
    for (const sheetIndex of sheets) {
      const layout = this.model.reportSheets[sheetIndex];
      const column = layout.columns[field];
      if (column === undefined) continue;
      positive.length = 0;
      negative.length = 0;
      positiveRows.length = 0;
      negativeRows.length = 0;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        if (index.sheets[i] !== sheetIndex) continue;
        const errors = index.errors[i];
        const amount = amounts[i];
        if (index.textNumbers[i] & bit && !(errors & bit)) constant += orZero(amount);
        if (errors === 0) {
          if (index.signs[i] === 1) {
            positive.push(index.rowNumbers[i]);
            positiveRows.push(i);
          } else {
            negative.push(index.rowNumbers[i]);
            negativeRows.push(i);
          }
        } else if (!(errors & bit) && !(index.textNumbers[i] & bit) && amount === amount) {
          terms.push({ sign: index.signs[i] as 1 | -1, text: sheetCell(layout.sheet, index.rowNumbers[i], column) });
        }
      }
      for (const sign of [1, -1] as const) {
        const same = sign === 1 ? positive : negative;
        if (same.length === 0) continue;
        if (runCount(same, MAX_RUNS + 1) <= MAX_RUNS) {
          const ranges = contiguousRuns(same)
            .map(([from, to]) => sheetRange(layout.sheet, from, column, to, column))
            .join(",");
          terms.push({ sign, text: `SUM(${ranges})` });
        } else {
          // Rows that are exactly one category's rows (own staff = Personalkostnader) use that
          // category's key: one key column less to write for the same sum.
          const category = grouping === "category" ? undefined : this.sameAsCategory(sign === 1 ? positiveRows : negativeRows, sheetIndex, month, sign);
          const keys = this.keyColumn(sheetIndex, category === undefined ? grouping : "category");
          const key = (category ?? (number as number)) * 100 + month;
          keys.asked.add(key);
          // Bounded to the rows from the group's first to its last: a division's rows sit
          // together, so a SUMIFS looks at its block rather than the whole sheet.
          const first = same[0];
          const last = same[same.length - 1];
          const sumRange = sheetRange(layout.sheet, first, column, last, column);
          const keyRange = sheetRange(this.keysSheet, KEYS_FIRST_ROW + first - layout.firstDataRow, keys.column, KEYS_FIRST_ROW + last - layout.firstDataRow, keys.column);
          terms.push({ sign, text: `SUMIFS(${sumRange},${keyRange},${numberLiteral(sign * key)})` });
        }
      }
    }
    if (constant !== 0) terms.push({ sign: constant < 0 ? -1 : 1, text: numberLiteral(Math.abs(constant)) });
    const formula = sumOfTerms(terms);
    return { formula: formula.length <= MAX_FORMULA_LENGTH ? formula : null, value };
  }

  /**
   * The category group number when `rows` (model rows of one sheet, month and sign, with
   * no error cell) are all of one category and are all its rows of that sheet, month and
   * sign; undefined otherwise or when categories are not defined.
   */
  private sameAsCategory(rows: readonly number[], sheet: number, month: number, sign: 1 | -1): number | undefined {
    const categories = this.indexes.get("category");
    if (!categories || rows.length === 0) return undefined;
    const group = categories.numberOfRow[rows[0]];
    for (const i of rows) if (categories.numberOfRow[i] !== group) return undefined;
    const index = this.index;
    const at = group * 13 + month;
    let count = 0;
    for (let k = categories.start[at]; k < categories.start[at + 1]; k++) {
      const i = categories.rows[k];
      if (index.sheets[i] === sheet && index.errors[i] === 0 && index.signs[i] === sign) count++;
    }
    return count === rows.length ? group : undefined;
  }

  private keyColumn(sheet: number, grouping: Grouping): KeyColumnUse {
    const id = `${sheet}${SEP}${grouping}`;
    const existing = this.columnOf.get(id);
    if (existing) return existing;
    const column: KeyColumnUse = { sheet, grouping, column: this.columns.length, asked: new Set() };
    this.columns.push(column);
    this.columnOf.set(id, column);
    return column;
  }

  private keysOf(use: KeyColumnUse): (number | null)[] {
    const layout = this.model.reportSheets[use.sheet];
    const numberOfRow = (this.indexes.get(use.grouping) as GroupingIndex).numberOfRow;
    const index = this.index;
    const keys = new Array<number | null>(layout.lastDataRow - layout.firstDataRow + 1).fill(null);
    for (let k = this.sheetStart[use.sheet]; k < this.sheetStart[use.sheet + 1]; k++) {
      const i = this.sheetRows[k];
      if (index.errors[i] !== 0) continue;
      const key = numberOfRow[i] * 100 + index.months[i];
      if (use.asked.has(key)) keys[index.rowNumbers[i] - layout.firstDataRow] = index.signs[i] * key;
    }
    return keys;
  }
}

/** Rows bucketed by a key per row (0 ≤ key < count), each bucket in row order: a counting sort. */
function bucketRows(keys: ArrayLike<number>, count: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const fill = start.slice(0, count);
  const rows = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) rows[fill[keys[i]]++] = i;
  return { start, rows };
}

/** The number of contiguous runs in ascending rows, counted up to `limit`. */
function runCount(rows: readonly number[], limit: number): number {
  let runs = rows.length > 0 ? 1 : 0;
  for (let k = 1; k < rows.length && runs < limit; k++) if (rows[k] !== rows[k - 1] + 1) runs++;
  return runs;
}

/** [[5,9],[12,12]] for rows 5–9 and 12 (rows must be ascending). */
export function contiguousRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}
