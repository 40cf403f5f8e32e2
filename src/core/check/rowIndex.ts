import { a1 } from "../address";
import { RULES } from "../rules";
import type { AmountField, ReportField, ReportRow, ReportSheetLayout, WorkbookModel } from "../types";
import { nameKey } from "./text";

/**
 * What several checks need to know about the rows, computed once per model (cached by
 * model object) in passes linear in the number of rows.
 */
export interface RowIndex {
  /** Per row: division + cost centre + account, compared case- and space-insensitively; "" when the row has neither cost centre nor account. */
  readonly keys: readonly string[];
  /** Row indices per key, in model order. Rows with key "" are left out. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Per sheet name, the cells the reader could not read (error values, text where a number belongs). */
  readonly unreadable: ReadonlyMap<string, ReadonlySet<string>>;
}

const cache = new WeakMap<WorkbookModel, RowIndex>();

/** The reader's findings that mean "this cell held something, but no amount could be read from it". */
const UNREADABLE_RULES: ReadonlySet<string> = new Set([RULES.errorValue.code, RULES.notANumber.code, RULES.unusableCell.code]);

export function rowIndex(model: WorkbookModel): RowIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const keys: string[] = new Array<string>(model.rows.length);
  const byKey = new Map<string, number[]>();
  model.rows.forEach((row, i) => {
    const key = rowKey(row);
    keys[i] = key;
    if (key === "") return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const unreadable = new Map<string, Set<string>>();
  for (const f of model.findings) {
    if (!UNREADABLE_RULES.has(f.rule)) continue;
    let cells = unreadable.get(f.sheet);
    if (!cells) unreadable.set(f.sheet, (cells = new Set()));
    cells.add(f.cell.replace(/\$/g, ""));
  }
  const index: RowIndex = { keys, byKey, unreadable };
  cache.set(model, index);
  return index;
}

export function rowKey(row: ReportRow): string {
  if (row.costCentre.trim() === "" && row.account.trim() === "") return "";
  return `${nameKey(row.division)}\u0001${nameKey(row.costCentre)}\u0001${nameKey(row.account)}`;
}

export function layoutOf(model: WorkbookModel, row: { readonly sheet: number }): ReportSheetLayout {
  return model.reportSheets[row.sheet];
}

export function hasColumn(model: WorkbookModel, row: { readonly sheet: number }, field: ReportField): boolean {
  return layoutOf(model, row)?.columns[field] !== undefined;
}

/** The A1 cell of a row's field; column A when the sheet has no such column. */
export function cellOf(model: WorkbookModel, row: { readonly sheet: number; readonly row: number }, field: ReportField): string {
  return a1(row.row, layoutOf(model, row)?.columns[field] ?? 0);
}

/** The header cell of a field on a sheet; column A of the header row when the column is absent. */
export function headerCell(layout: ReportSheetLayout, field: ReportField): string {
  return a1(layout.headerRow, layout.columns[field] ?? 0);
}

/** True when the amount is null because the source cell could not be read (not because it was blank). */
export function isUnreadable(model: WorkbookModel, index: RowIndex, row: ReportRow | { readonly sheet: number; readonly row: number }, field: AmountField): boolean {
  const layout = layoutOf(model, row);
  const column = layout?.columns[field];
  if (column === undefined) return false;
  const cells = index.unreadable.get(layout.sheet);
  return cells !== undefined && cells.has(a1(row.row, column));
}

/**
 * A number that orders rows the way a reader of the workbook meets them: by month,
 * then by tab order, then by row.
 */
export function rowOrder(model: WorkbookModel, row: ReportRow): number {
  const sheetIndex = Math.min(layoutOf(model, row)?.sheetIndex ?? 0, 4095);
  return (row.month * 4096 + sheetIndex) * 2 ** 21 + Math.min(row.row, 2 ** 21 - 1);
}

/** The source cell's value of a row's amount (the model keeps amounts costs-positive). */
export function sourceValue(row: ReportRow, field: AmountField): number | null {
  const value = row.amounts[field];
  return value === null ? null : value * row.sign;
}

/** Report sheets in tab order. */
export function sheetsInTabOrder(model: WorkbookModel): ReportSheetLayout[] {
  return [...model.reportSheets].sort((a, b) => a.sheetIndex - b.sheetIndex);
}
