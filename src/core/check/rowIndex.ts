import { a1 } from "../address";
import { RULES } from "../rules";
import type { AccountClass, AmountField, ReportField, ReportRow, ReportSheetLayout, WorkbookModel } from "../types";
import { AMOUNT_FIELDS } from "../types";
import { nameKey } from "./text";

/**
 * The rows as flat columns, built in one pass per model (cached by model object).
 * Names are interned to integer ids (by `nameKey`, so case and spacing do not matter)
 * and rows are grouped by key (division + cost centre + account) in flat arrays. At
 * 600 000 rows every pass over the row objects costs more than the arithmetic of a
 * check, and a key's rows lie months apart in memory: the checks read these columns
 * and touch a row object only to report it.
 */
export interface RowIndex {
  /** Per row: the id of its division's, cost centre's, account's, account name's and category's `nameKey`. */
  readonly divisionIds: Int32Array;
  readonly costCentreIds: Int32Array;
  readonly accountIds: Int32Array;
  readonly accountNameIds: Int32Array;
  readonly categoryIds: Int32Array;
  /** Id → `nameKey` ("" for a blank). */
  readonly divisionKeys: readonly string[];
  readonly costCentreKeys: readonly string[];
  readonly accountKeys: readonly string[];
  readonly accountNameKeys: readonly string[];
  readonly categoryKeys: readonly string[];
  /** Per row: `rowOrder`, month, report sheet index, 0-based sheet row. */
  readonly order: Float64Array;
  readonly months: Uint8Array;
  readonly sheets: Int32Array;
  readonly rowNumbers: Int32Array;
  /** Per row: `ReportRow.sign`, `errors`, `textNumbers`, and the account class's index in `ACCOUNT_CLASSES`. */
  readonly signs: Int8Array;
  readonly errors: Uint16Array;
  readonly textNumbers: Uint16Array;
  readonly classes: Uint8Array;
  /** Per `AMOUNT_FIELDS` index, the normalised amount of every row; NaN where null. */
  readonly amounts: readonly Float64Array[];
  /** Per row: its key's group, -1 for none (neither cost centre nor account). */
  readonly groupOfRow: Int32Array;
  readonly groupCount: number;
  /** Rows of key g are `groupRows[groupStart[g] .. groupStart[g + 1])`, in model order. */
  readonly groupStart: Int32Array;
  readonly groupRows: Int32Array;
  /** Per sheet name, the cells the reader could not read (error values, text where a number belongs). */
  readonly unreadable: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Per row: the id of its division's, cost centre's, account's and category's exact text
   * (the summaries group by the text as read; the checks compare `nameKey`s).
   */
  readonly divisionTextIds: Int32Array;
  readonly costCentreTextIds: Int32Array;
  readonly accountTextIds: Int32Array;
  readonly categoryTextIds: Int32Array;
  /** Id → the exact text, in order of first appearance. */
  readonly divisionTexts: readonly string[];
  readonly costCentreTexts: readonly string[];
  readonly accountTexts: readonly string[];
  readonly categoryTexts: readonly string[];
}

export const ACCOUNT_CLASSES: readonly AccountClass[] = ["ownStaff", "hiredDoctors", "hiredNurses", "hiredOther", "consultants", "income", "otherCost"];
const CLASS_INDEX: Readonly<Record<string, number>> = Object.fromEntries(ACCOUNT_CLASSES.map((c, i) => [c, i]));
export const INCOME_CLASS = ACCOUNT_CLASSES.indexOf("income");
const OTHER_CLASS = ACCOUNT_CLASSES.indexOf("otherCost");

export const AMOUNT_INDEX = Object.fromEntries(AMOUNT_FIELDS.map((f, i) => [f, i])) as Readonly<Record<AmountField, number>>;

/** The row indices of key `g`. */
export function groupOf(index: RowIndex, g: number): Int32Array {
  return index.groupRows.subarray(index.groupStart[g], index.groupStart[g + 1]);
}

/** One amount of every row (normalised, costs positive); NaN where the amount is null. */
export function amountColumn(model: WorkbookModel, field: AmountField): Float64Array {
  return rowIndex(model).amounts[AMOUNT_INDEX[field]];
}

const cache = new WeakMap<WorkbookModel, RowIndex>();

/** The reader's findings that mean "this cell held something, but no amount could be read from it". */
const UNREADABLE_RULES: ReadonlySet<string> = new Set([RULES.errorValue.code, RULES.notANumber.code, RULES.unusableCell.code]);

/** Interns texts twice: exact text → text id (first appearance order), and text id → `nameKey` id. */
class Interner {
  readonly keys: string[] = [];
  readonly texts: string[] = [];
  /** Text id → key id. */
  readonly keyOfText: number[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byKey = new Map<string, number>();

  private lastText: string | undefined;
  private lastId = -1;

  /** The exact text's id. */
  id(text: string): number {
    // Sorted reports repeat a division or cost centre on consecutive rows: skip the map then.
    if (text === this.lastText) return this.lastId;
    this.lastText = text;
    this.lastId = this.lookUp(text);
    return this.lastId;
  }

  private lookUp(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const key = nameKey(text);
    let keyId = this.byKey.get(key);
    if (keyId === undefined) {
      keyId = this.keys.length;
      this.keys.push(key);
      this.byKey.set(key, keyId);
    }
    const id = this.texts.length;
    this.texts.push(text);
    this.keyOfText.push(keyId);
    this.byText.set(text, id);
    return id;
  }

  /** Key ids of the rows from their text ids. */
  keyIds(textIds: Int32Array): Int32Array {
    const out = new Int32Array(textIds.length);
    const keyOf = this.keyOfText;
    for (let i = 0; i < textIds.length; i++) out[i] = keyOf[textIds[i]];
    return out;
  }
}

export function rowIndex(model: WorkbookModel): RowIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const rows = model.rows;
  const n = rows.length;
  const divisions = new Interner();
  const costCentres = new Interner();
  const accounts = new Interner();
  const accountNames = new Interner();
  const categories = new Interner();
  const divisionTextIds = new Int32Array(n);
  const costCentreTextIds = new Int32Array(n);
  const accountTextIds = new Int32Array(n);
  const accountNameTextIds = new Int32Array(n);
  const categoryTextIds = new Int32Array(n);
  const order = new Float64Array(n);
  const months = new Uint8Array(n);
  const sheets = new Int32Array(n);
  const rowNumbers = new Int32Array(n);
  const signs = new Int8Array(n);
  const errors = new Uint16Array(n);
  const textNumbers = new Uint16Array(n);
  const classes = new Uint8Array(n);
  // Fields no sheet has share one all-NaN column: large typed arrays make the garbage collector run.
  let absent: Float64Array | undefined;
  const amounts = AMOUNT_FIELDS.map((field) =>
    model.reportSheets.some((l) => l.columns[field] !== undefined) ? new Float64Array(n) : (absent ??= new Float64Array(n).fill(NaN)),
  );
  const [budget, actual, variance, priorYear, budgetYtd, actualYtd, priorYearYtd, annualBudget, forecast] = amounts;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    order[i] = rowOrder(model, row);
    months[i] = row.month;
    sheets[i] = row.sheet;
    rowNumbers[i] = row.row;
    signs[i] = row.sign;
    errors[i] = row.errors;
    textNumbers[i] = row.textNumbers;
    classes[i] = CLASS_INDEX[row.accountClass] ?? OTHER_CLASS;
    divisionTextIds[i] = divisions.id(row.division);
    costCentreTextIds[i] = costCentres.id(row.costCentre);
    accountTextIds[i] = accounts.id(row.account);
    accountNameTextIds[i] = accountNames.id(row.accountName);
    categoryTextIds[i] = categories.id(row.category);
    // Spelled out: a keyed read per field would cost more than the copy.
    const a = row.amounts;
    budget[i] = a.budget ?? NaN;
    actual[i] = a.actual ?? NaN;
    variance[i] = a.variance ?? NaN;
    priorYear[i] = a.priorYear ?? NaN;
    budgetYtd[i] = a.budgetYtd ?? NaN;
    actualYtd[i] = a.actualYtd ?? NaN;
    priorYearYtd[i] = a.priorYearYtd ?? NaN;
    annualBudget[i] = a.annualBudget ?? NaN;
    forecast[i] = a.forecast ?? NaN;
  }
  // An amount for a field no sheet has a column for cannot come from a cell; the shared column stays blank.
  absent?.fill(NaN);
  const divisionIds = divisions.keyIds(divisionTextIds);
  const costCentreIds = costCentres.keyIds(costCentreTextIds);
  const accountIds = accounts.keyIds(accountTextIds);
  const accountNameIds = accountNames.keyIds(accountNameTextIds);
  const categoryIds = categories.keyIds(categoryTextIds);
  // Dense group ids from the three name ids, then a counting sort (stable: model order within a key).
  const ccCount = costCentres.keys.length;
  const accountCount = accounts.keys.length;
  const groupOfRow = new Int32Array(n);
  // Composite key → group + 1: a table when the keys fit in a few megabytes (they do for
  // real workbooks: divisions × cost centres × accounts), else a map.
  const compositeCount = divisions.keys.length * ccCount * accountCount;
  const table = compositeCount <= 4_000_000 ? new Int32Array(compositeCount) : undefined;
  const dense = new Map<number, number>();
  const sizes: number[] = [];
  const noCostCentre = costCentres.keys.indexOf("");
  const noAccount = accounts.keys.indexOf("");
  for (let i = 0; i < n; i++) {
    if (costCentreIds[i] === noCostCentre && accountIds[i] === noAccount) {
      groupOfRow[i] = -1;
      continue;
    }
    const composite = (divisionIds[i] * ccCount + costCentreIds[i]) * accountCount + accountIds[i];
    let g = table ? table[composite] - 1 : (dense.get(composite) ?? -1);
    if (g < 0) {
      g = sizes.length;
      if (table) table[composite] = g + 1;
      else dense.set(composite, g);
      sizes.push(0);
    }
    groupOfRow[i] = g;
    sizes[g]++;
  }
  const groupCount = sizes.length;
  const groupStart = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) groupStart[g + 1] = groupStart[g] + sizes[g];
  const fill = groupStart.slice(0, groupCount);
  const groupRows = new Int32Array(groupStart[groupCount]);
  for (let i = 0; i < n; i++) {
    const g = groupOfRow[i];
    if (g >= 0) groupRows[fill[g]++] = i;
  }
  const unreadable = new Map<string, Set<string>>();
  for (const f of model.findings) {
    if (!UNREADABLE_RULES.has(f.rule)) continue;
    let cells = unreadable.get(f.sheet);
    if (!cells) unreadable.set(f.sheet, (cells = new Set()));
    cells.add(f.cell.replace(/\$/g, ""));
  }
  const index: RowIndex = {
    divisionIds,
    costCentreIds,
    accountIds,
    accountNameIds,
    categoryIds,
    divisionKeys: divisions.keys,
    costCentreKeys: costCentres.keys,
    accountKeys: accounts.keys,
    accountNameKeys: accountNames.keys,
    categoryKeys: categories.keys,
    order,
    months,
    sheets,
    rowNumbers,
    signs,
    errors,
    textNumbers,
    classes,
    amounts,
    groupOfRow,
    groupCount,
    groupStart,
    groupRows,
    unreadable,
    divisionTextIds,
    costCentreTextIds,
    accountTextIds,
    categoryTextIds,
    divisionTexts: divisions.texts,
    costCentreTexts: costCentres.texts,
    accountTexts: accounts.texts,
    categoryTexts: categories.texts,
  };
  cache.set(model, index);
  return index;
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

/**
 * True when row i's amount is null because the source cell could not be read (not
 * because it was blank): the row's error bit, or a reader finding at that cell (text
 * where a number belongs, a cell it could not use).
 */
export function isUnreadable(model: WorkbookModel, index: RowIndex, i: number, field: AmountField): boolean {
  if ((index.errors[i] & (1 << AMOUNT_INDEX[field])) !== 0) return true;
  if (index.unreadable.size === 0) return false;
  const layout = model.reportSheets[index.sheets[i]];
  const column = layout?.columns[field];
  if (column === undefined) return false;
  const cells = index.unreadable.get(layout.sheet);
  return cells !== undefined && cells.has(a1(index.rowNumbers[i], column));
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
