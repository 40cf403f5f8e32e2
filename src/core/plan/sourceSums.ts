import type { AmountField, ReportRow, WorkbookModel } from "../types";
import { AMOUNT_FIELDS } from "../types";
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
 *   rows, totals rows carry the same labels, and text compares case-insensitively;
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
  /** One key per source row from the sheet's first to last data row; null where the row has none. */
  readonly keys: (number | null)[];
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

interface GroupingIndex {
  readonly groupOf: (row: ReportRow) => string;
  readonly numbers: Map<string, number>;
  readonly rows: Map<string, ReportRow[]>;
}

const SEP = "\u0000";

export class SourceSums {
  private readonly indexes = new Map<Grouping, GroupingIndex>();
  private readonly columns: KeyColumn[] = [];
  private readonly columnOf = new Map<string, KeyColumn>();
  private readonly rowsBySheet: ReportRow[][];

  constructor(
    private readonly model: WorkbookModel,
    private readonly keysSheet: string,
  ) {
    this.rowsBySheet = model.reportSheets.map(() => []);
    for (const row of model.rows) this.rowsBySheet[row.sheet].push(row);
  }

  /** Registers how a grouping assigns rows to groups (a string per group). */
  define(grouping: Grouping, groupOf: (row: ReportRow) => string): void {
    const numbers = new Map<string, number>();
    const rows = new Map<string, ReportRow[]>();
    for (const row of this.model.rows) {
      const group = groupOf(row);
      if (!numbers.has(group)) numbers.set(group, numbers.size + 1);
      const key = `${group}${SEP}${row.month}`;
      const list = rows.get(key);
      if (list) list.push(row);
      else rows.set(key, [row]);
    }
    this.indexes.set(grouping, { groupOf, numbers, rows });
  }

  /** Group numbers per grouping, for the keys sheet's legend. */
  legend(grouping: Grouping): { group: string; number: number }[] {
    const index = this.indexes.get(grouping);
    return index ? [...index.numbers].map(([group, number]) => ({ group, number })) : [];
  }

  keyColumns(): readonly KeyColumn[] {
    return this.columns;
  }

  /** The sum of `field` over the group's rows in `month`, as a formula and as a number. */
  sum(grouping: Grouping, group: string, month: number, field: AmountField): GroupSum {
    const index = this.indexes.get(grouping);
    if (!index) throw new Error(`grouping ${grouping} not defined`);
    const rows = index.rows.get(`${group}${SEP}${month}`) ?? [];
    const bit = 1 << AMOUNT_FIELDS.indexOf(field);
    const terms: { sign: 1 | -1; text: string }[] = [];
    let constant = 0;
    let value = 0;

    const bySheet = new Map<number, ReportRow[]>();
    for (const row of rows) {
      value += row.amounts[field] ?? 0;
      const list = bySheet.get(row.sheet);
      if (list) list.push(row);
      else bySheet.set(row.sheet, [row]);
    }
    for (const [sheetIndex, sheetRows] of bySheet) {
      const layout = this.model.reportSheets[sheetIndex];
      const column = layout.columns[field];
      if (column === undefined) continue;
      const regular: ReportRow[] = [];
      for (const row of sheetRows) {
        if (row.textNumbers & bit && !(row.errors & bit)) constant += row.amounts[field] ?? 0;
        if (row.errors === 0) {
          regular.push(row);
        } else if (!(row.errors & bit) && !(row.textNumbers & bit) && row.amounts[field] !== null) {
          terms.push({ sign: row.sign, text: sheetCell(layout.sheet, row.row, column) });
        }
      }
      for (const sign of [1, -1] as const) {
        const same = regular.filter((r) => r.sign === sign);
        if (same.length === 0) continue;
        const runs = contiguousRuns(same.map((r) => r.row));
        if (runs.length <= MAX_RUNS) {
          const ranges = runs.map(([from, to]) => sheetRange(layout.sheet, from, column, to, column)).join(",");
          terms.push({ sign, text: `SUM(${ranges})` });
        } else {
          const keys = this.keyColumn(sheetIndex, grouping);
          const number = (index.numbers.get(group) as number) * 100 + month;
          const last = layout.lastDataRow - layout.firstDataRow;
          const sumRange = sheetRange(layout.sheet, layout.firstDataRow, column, layout.lastDataRow, column);
          const keyRange = sheetRange(this.keysSheet, KEYS_FIRST_ROW, keys.column, KEYS_FIRST_ROW + last, keys.column);
          terms.push({ sign, text: `SUMIFS(${sumRange},${keyRange},${numberLiteral(sign * number)})` });
        }
      }
    }
    if (constant !== 0) terms.push({ sign: constant < 0 ? -1 : 1, text: numberLiteral(Math.abs(constant)) });
    const formula = sumOfTerms(terms);
    return { formula: formula.length <= MAX_FORMULA_LENGTH ? formula : null, value };
  }

  private keyColumn(sheet: number, grouping: Grouping): KeyColumn {
    const id = `${sheet}${SEP}${grouping}`;
    const existing = this.columnOf.get(id);
    if (existing) return existing;
    const layout = this.model.reportSheets[sheet];
    const index = this.indexes.get(grouping) as GroupingIndex;
    const keys = new Array<number | null>(layout.lastDataRow - layout.firstDataRow + 1).fill(null);
    for (const row of this.rowsBySheet[sheet]) {
      if (row.errors !== 0) continue;
      const number = (index.numbers.get(index.groupOf(row)) as number) * 100 + row.month;
      keys[row.row - layout.firstDataRow] = row.sign * number;
    }
    const column: KeyColumn = { sheet, grouping, column: this.columns.length, keys };
    this.columns.push(column);
    this.columnOf.set(id, column);
    return column;
  }
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
