import { ERROR_LITERALS, isCellError, type CellValue, type SheetVisibility } from "../../core/types";
import type { Rect } from "./fakeAddress";
import { FakeOfficeError, invalidArgument, itemAlreadyExists } from "./fakeErrors";

/**
 * The workbook the fake holds: real grids, names, tables, charts and formats, so a read
 * after a write sees what was written. It models what Excel does with an entry, which is
 * what the adapter must get right:
 * - a string written to a cell that is not text-formatted (`@`) is parsed like typed
 *   input: `=…`, `+…`, `-…`, `@…` become formulas, `123` a number, `TRUE` a boolean,
 *   `2024-03-05` a date serial; a leading apostrophe makes the rest text;
 * - a string written to a cell whose number format is `@` stays text, whatever it is;
 * - formulas are stored as text and never evaluated: `values` of a formula cell returns
 *   the formula itself (Excel would return the computed result);
 * - renaming a sheet rewrites references to it in every formula; deleting a sheet turns
 *   them into `#REF!` (Excel binds references to sheets, not to names).
 */

/** What `Range.values` holds for a cell: `""` for an empty cell, errors as their literal. */
export type FakeRaw = string | number | boolean;

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeCell {
  readonly value: FakeRaw;
  readonly formula?: string;
  readonly numberFormat: string;
  readonly kind: "empty" | "text" | "number" | "boolean" | "formula" | "error";
}

export interface FakeName {
  readonly name: string;
  formula: string;
  visible: boolean;
}

export interface FakeTable {
  name: string;
  readonly sheetId: number;
  readonly rect: Rect;
  readonly hasHeaders: boolean;
  style: string;
}

export interface FakeChartSeries {
  name: string;
  values: { sheetId: number; rect: Rect } | null;
  categories: { sheetId: number; rect: Rect } | null;
  chartType?: string;
}

export interface FakeChart {
  readonly type: string;
  name: string;
  title: string;
  readonly series: FakeChartSeries[];
  position?: { start: string; end: string };
  valueAxisNumberFormat?: string;
}

export interface FakeConditionalFormat {
  readonly rect: Rect;
  readonly type: string;
  rule?: { formula1: string; formula2?: string; operator: string };
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface FakeFormatRecord {
  readonly rect: Rect;
  readonly property: string;
  readonly value: unknown;
}

const COLUMNS = 16384;

export class FakeSheet {
  /** Values by row; a missing row or cell is empty. */
  private readonly grid: (FakeRaw[] | undefined)[] = [];
  private readonly formulaCells = new Map<number, string>();
  private readonly formatCells = new Map<number, string>();
  readonly names = new Map<string, FakeName>();
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Range-level format properties set (font, fill, alignment, …), in order. */
  readonly formats: FakeFormatRecord[] = [];
  /** Column widths in points by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  freeze?: { rows: number; columns: number };
  tabColor = "";
  protected = false;

  constructor(
    readonly id: number,
    public name: string,
    public visibility: FakeVisibility = "Visible",
  ) {}

  private static key(row: number, column: number): number {
    return row * COLUMNS + column;
  }

  raw(row: number, column: number): FakeRaw {
    return this.grid[row]?.[column] ?? "";
  }

  formula(row: number, column: number): string | undefined {
    return this.formulaCells.get(FakeSheet.key(row, column));
  }

  numberFormat(row: number, column: number): string {
    return this.formatCells.get(FakeSheet.key(row, column)) ?? "General";
  }

  cell(row: number, column: number): FakeCell {
    const value = this.raw(row, column);
    const formula = this.formula(row, column);
    const numberFormat = this.numberFormat(row, column);
    if (formula !== undefined) return { value, formula, numberFormat, kind: "formula" };
    if (value === "") return { value, numberFormat, kind: "empty" };
    if (typeof value === "number") return { value, numberFormat, kind: "number" };
    if (typeof value === "boolean") return { value, numberFormat, kind: "boolean" };
    return { value, numberFormat, kind: ERROR_LITERALS.includes(value) ? "error" : "text" };
  }

  /** Stores a value as is (no parsing): for the initial grid and for text. */
  setRaw(row: number, column: number, value: FakeRaw): void {
    this.formulaCells.delete(FakeSheet.key(row, column));
    let cells = this.grid[row];
    if (!cells) {
      if (value === "") return;
      cells = [];
      this.grid[row] = cells;
    }
    cells[column] = value;
  }

  setFormula(row: number, column: number, formula: string): void {
    // The cell holds the formula; `values` reports it too (the fake does not calculate).
    let cells = this.grid[row];
    if (!cells) {
      cells = [];
      this.grid[row] = cells;
    }
    cells[column] = formula;
    this.formulaCells.set(FakeSheet.key(row, column), formula);
  }

  setNumberFormat(row: number, column: number, format: string): void {
    if (format === "General") this.formatCells.delete(FakeSheet.key(row, column));
    else this.formatCells.set(FakeSheet.key(row, column), format);
  }

  /** What Excel does with an entry written through `values` or `formulas`. */
  enter(row: number, column: number, input: unknown): void {
    if (input === null || input === undefined) return; // null in a set array leaves the cell alone
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw invalidArgument(`non-finite number ${input}`);
      this.setRaw(row, column, input);
      return;
    }
    if (typeof input === "boolean") {
      this.setRaw(row, column, input);
      return;
    }
    if (typeof input !== "string") throw invalidArgument(`cell input of type ${typeof input}`);
    if (this.numberFormat(row, column) === "@") {
      this.setRaw(row, column, input);
      return;
    }
    const parsed = parseEntry(input);
    if (parsed.kind === "formula") this.setFormula(row, column, parsed.formula);
    else this.setRaw(row, column, parsed.value);
  }

  /** The smallest rectangle holding every non-empty cell (values and formulas), or null. */
  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    for (let r = 0; r < this.grid.length; r++) {
      const cells = this.grid[r];
      if (!cells) continue;
      let first = -1;
      let last = -1;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === undefined || v === "") continue;
        if (first < 0) first = c;
        last = c;
      }
      if (first < 0) continue;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  /** Every formula on the sheet with its position (for reference rewriting and tests). */
  formulas(): { row: number; column: number; formula: string }[] {
    return [...this.formulaCells.entries()].map(([key, formula]) => ({
      row: Math.floor(key / COLUMNS),
      column: key % COLUMNS,
      formula,
    }));
  }

  rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const { row, column, formula } of this.formulas()) {
      const next = rewrite(formula);
      if (next !== formula) this.setFormula(row, column, next);
    }
  }

  /** A snapshot of the grid as the core would see it, for test assertions. */
  grid2d(rect: Rect): FakeRaw[][] {
    const rows: FakeRaw[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: FakeRaw[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.raw(r, c));
      rows.push(row);
    }
    return rows;
  }
}

type Entry = { kind: "formula"; formula: string } | { kind: "value"; value: FakeRaw };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's reading of typed input, as far as the adapter can run into it. */
export function parseEntry(input: string): Entry {
  if (input === "") return { kind: "value", value: "" };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  if (NUMBER.test(input)) return { kind: "value", value: Number(input) };
  if (/^(true|false)$/i.test(input)) return { kind: "value", value: input.toLowerCase() === "true" };
  const date = ISO_DATE.exec(input);
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86400000 + 25569;
    if (Number.isFinite(serial)) return { kind: "value", value: serial };
  }
  if (input.length > 1 && "=+-@".includes(input[0])) {
    return { kind: "formula", formula: input[0] === "=" ? input : `=${input}` };
  }
  return { kind: "value", value: input };
}

/** The fake's view of a `CellValue` handed in by a test: errors become their literal. */
export function rawOf(value: CellValue): FakeRaw {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  return value as FakeRaw;
}

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  protected = false;
  private nextSheetId = 1;
  private nextTable = 1;

  constructor(public name: string) {}

  sheet(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetById(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  table(name: string): FakeTable | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted);
  }

  addSheet(name: string, visibility: FakeVisibility = "Visible"): FakeSheet {
    checkSheetName(name);
    if (this.sheet(name)) throw itemAlreadyExists(`worksheet '${name}'`);
    const sheet = new FakeSheet(this.nextSheetId++, name, visibility);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet) throw itemAlreadyExists(`worksheet '${name}'`);
    const old = sheet.name;
    sheet.name = name;
    for (const s of this.sheets) s.rewriteFormulas((f) => retargetReferences(f, old, name));
  }

  deleteSheet(sheet: FakeSheet): void {
    const remainingVisible = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (remainingVisible.length === 0) {
      throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    for (const s of this.sheets) s.rewriteFormulas((f) => retargetReferences(f, sheet.name, null));
  }

  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && overlaps(t.rect, rect)) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      }
    }
    let name: string;
    do name = `Table${this.nextTable++}`;
    while (this.table(name));
    const table: FakeTable = { name, sheetId: sheet.id, rect, hasHeaders, style: "TableStyleMedium2" };
    this.tables.push(table);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]\d*([RrCc]\d*)?$/.test(name)) {
      throw invalidArgument(`table name '${name}'`);
    }
    const other = this.table(name);
    if (other && other !== table) throw itemAlreadyExists(`table '${name}'`);
    table.name = name;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function toFakeVisibility(visibility: SheetVisibility | FakeVisibility | undefined): FakeVisibility {
  switch (visibility) {
    case "hidden":
    case "Hidden":
      return "Hidden";
    case "veryHidden":
    case "VeryHidden":
      return "VeryHidden";
    default:
      return "Visible";
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw invalidArgument(`worksheet name '${name}'`);
  }
}

/**
 * Rewrites references to the sheet `from` in a formula: to `to` (a rename) or to `#REF!`
 * (a deletion, `to` null). String literals are left alone.
 */
export function retargetReferences(formula: string, from: string, to: string | null): string {
  const wanted = from.toLowerCase();
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
        else if (formula[j] === '"') break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let name: string | null = null;
    let end = i;
    if (ch === "'") {
      let j = i + 1;
      let text = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else text += formula[j++];
      }
      if (formula[j + 1] === "!") {
        name = text;
        end = j + 2;
      }
    } else if (/[A-Za-z0-9_.\u00C0-\uFFFF]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[i - 1]))) {
      const match = /^[A-Za-z0-9_.\u00C0-\uFFFF]+!/.exec(formula.slice(i));
      if (match) {
        name = match[0].slice(0, -1);
        end = i + match[0].length;
      }
    }
    if (name !== null && name.toLowerCase() === wanted) {
      if (to === null) {
        const ref = /^[$A-Za-z0-9:]+/.exec(formula.slice(end));
        out += "#REF!";
        i = end + (ref ? ref[0].length : 0);
      } else {
        out += `'${to.replace(/'/g, "''")}'!`;
        i = end;
      }
      continue;
    }
    if (name !== null) {
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
