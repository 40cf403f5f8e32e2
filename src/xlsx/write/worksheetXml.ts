import { a1, columnLetters, rangeA1 } from "../../core/address";
import { type CellRange, ERROR_LITERALS, type PlanCell, type SheetPlan } from "../../core/types";
import { xlsxError } from "../errors";
import { NS } from "../opc";
import { encodeOoxmlText, escapeXml } from "../xml";
import { argb } from "./stylesEditor";
import { prefixFutureFunctions } from "./formula";
import { XmlBytes } from "./xmlBytes";

const MAX_ROW = 1_048_575;
const MAX_COLUMN = 16_383;

/** One row of cells to write: per column its plan content (null for a styled empty cell, undefined for none) and cellXfs index. */
export interface GridRow {
  readonly cells: (PlanCell | undefined)[];
  readonly styles: number[];
}

/**
 * The cells to write, by row and column. Plain arrays indexed by position, so rows and
 * cells come out in ascending order without sorting, and a sheet of a million key cells
 * costs no map entry or object per cell.
 */
export class Grid {
  private readonly rows: (GridRow | undefined)[] = [];

  /** The row, created when missing; throws for a cell outside the sheet. */
  row(row: number, column: number): GridRow {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row > MAX_ROW || column > MAX_COLUMN) {
      throw xlsxError("invalid-plan", { sv: `Cellen rad ${row + 1}, kolumn ${column + 1} ligger utanför bladet.`, en: `The cell at row ${row + 1}, column ${column + 1} is outside the sheet.` });
    }
    return (this.rows[row] ??= { cells: [], styles: [] });
  }

  /** Sets a cell's content, keeping its style. */
  set(row: number, column: number, cell: PlanCell): void {
    const r = this.row(row, column);
    r.cells[column] = cell;
    r.styles[column] ??= 0;
  }

  /** Sets a cell's style; a cell without content becomes a styled empty cell. */
  style(row: number, column: number, style: number): void {
    const r = this.row(row, column);
    r.cells[column] ??= null;
    r.styles[column] = style;
  }

  /** The cell's content and style, when the cell is there. */
  get(row: number, column: number): { cell: PlanCell; style: number } | undefined {
    const r = this.rows[row];
    const cell = r?.cells[column];
    return r && cell !== undefined ? { cell, style: r.styles[column] ?? 0 } : undefined;
  }

  /** Rows in ascending order, with their 0-based numbers. */
  *entries(): Generator<[number, GridRow]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row) yield [r, row];
    }
  }
}

/** The sheet's cells: blocks in order (a later block wins), then styles from the runs. */
export function buildGrid(sheet: SheetPlan, styleIndex: (key: string) => number): Grid {
  const grid = new Grid();
  for (const block of sheet.blocks) {
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null) grid.set(block.top + r, block.left + c, cell);
      }),
    );
  }
  for (const run of sheet.styleRuns) {
    const style = styleIndex(run.style);
    const { top, left, bottom, right } = run.range;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) grid.style(r, c, style);
  }
  return grid;
}

/** The value a cell shows (for chart caches): texts, numbers and formula results. */
export function shownValue(cell: PlanCell | undefined): string | number | boolean | null {
  if (!cell) return null;
  if ("text" in cell) return cell.text;
  if ("number" in cell) return cell.number;
  if ("bool" in cell) return cell.bool;
  return cell.value;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** Text for element content: OOXML escapes for what XML cannot carry, then XML escapes. */
export function textContent(text: string): string {
  return escapeXml(encodeOoxmlText(text));
}

function cellXml(ref: string, cell: PlanCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (cell === null) return `<c r="${ref}"${s}/>`;
  if ("text" in cell) {
    // An inline string is never evaluated, whatever it starts with (`=`, `+`, `@`, …).
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${textContent(cell.text)}</t></is></c>`;
  }
  if ("number" in cell) {
    return Number.isFinite(cell.number) ? `<c r="${ref}"${s}><v>${numberText(cell.number)}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  }
  if ("bool" in cell) return `<c r="${ref}"${s} t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
  const f = `<f>${textContent(prefixFutureFunctions(cell.formula.replace(/^=/, "")))}</f>`;
  const value = cell.value;
  if (value === null) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${ref}"${s}>${f}<v>${numberText(value)}</v></c>` : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (ERROR_LITERALS.includes(value)) return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(value)}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${textContent(value)}</v></c>`;
}

export interface WorksheetParts {
  /** cellXfs-independent pieces the writer resolved: dxf ids per conditional format, rel ids. */
  readonly dxfIds: readonly number[];
  readonly drawingRelId?: string;
  readonly tableRelIds: readonly string[];
}

function bounds(grid: Grid): CellRange | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [row, { cells }] of grid.entries()) {
    for (let column = 0; column < cells.length; column++) {
      if (cells[column] === undefined) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    }
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

function sheetViewXml(sheet: SheetPlan): string {
  const rows = Math.max(0, Math.floor(sheet.freeze?.rows ?? 0));
  const columns = Math.max(0, Math.floor(sheet.freeze?.columns ?? 0));
  if (rows === 0 && columns === 0) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const pane = rows && columns ? "bottomRight" : rows ? "bottomLeft" : "topRight";
  const split = `${columns ? ` xSplit="${columns}"` : ""}${rows ? ` ySplit="${rows}"` : ""}`;
  const topLeft = a1(rows, columns);
  const selections =
    rows && columns
      ? `<selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
      : `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>${selections}</sheetView></sheetViews>`;
}

function colsXml(widths: readonly number[]): string {
  const cols: string[] = [];
  widths.forEach((width, column) => {
    if (!Number.isFinite(width) || width <= 0) return;
    // Excel stores widths with the padding of its default font (about 0.71 of a character).
    const stored = Math.round((Math.min(width, 255) + 0.71) * 100) / 100;
    cols.push(`<col min="${column + 1}" max="${column + 1}" width="${stored}" customWidth="1"/>`);
  });
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

function conditionalFormatsXml(sheet: SheetPlan, dxfIds: readonly number[]): string {
  return sheet.conditionalFormats
    .map((format, i) => {
      const { top, left, bottom, right } = format.range;
      const sqref = rangeA1(top, left, bottom, right);
      const rule = format.rule;
      const operator = rule.type === "textEquals" ? "equal" : rule.type;
      const formula = rule.type === "textEquals" ? `"${rule.text.replace(/"/g, '""')}"` : numberText(rule.value);
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${dxfIds[i]}" priority="${i + 1}" operator="${operator}"><formula>${textContent(formula)}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

/** The worksheet part as UTF-8 bytes. */
export function worksheetXml(sheet: SheetPlan, grid: Grid, parts: WorksheetParts): Uint8Array {
  const out = new XmlBytes();
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`);
  const tab = argb(sheet.tabColor);
  const fit = sheet.print?.fitToWidth === true;
  if (tab || fit) out.write(`<sheetPr>${tab ? `<tabColor rgb="${tab}"/>` : ""}${fit ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`);
  const range = bounds(grid);
  out.write(`<dimension ref="${range ? rangeA1(range.top, range.left, range.bottom, range.right) : "A1"}"/>`);
  out.write(sheetViewXml(sheet));
  out.write(`<sheetFormatPr defaultRowHeight="15"/>`);
  out.write(colsXml(sheet.columnWidths));
  out.write("<sheetData>");
  const letters: string[] = [];
  for (const [row, { cells, styles }] of grid.entries()) {
    if (!cells.some((c) => c !== undefined)) continue;
    const number = row + 1;
    out.write(`<row r="${number}">`);
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (cell === undefined) continue;
      out.write(cellXml(`${(letters[column] ??= columnLetters(column))}${number}`, cell, styles[column] ?? 0));
    }
    out.write("</row>");
  }
  out.write("</sheetData>");
  out.write(conditionalFormatsXml(sheet, parts.dxfIds));
  out.write(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (sheet.print) {
    // A4 (paperSize 9), as Swedish offices print; one page wide, as many pages down as it takes.
    const orientation = sheet.print.landscape ? ` orientation="landscape"` : "";
    out.write(`<pageSetup paperSize="9"${orientation}${fit ? ` fitToWidth="1" fitToHeight="0"` : ""}/>`);
  }
  if (parts.drawingRelId) out.write(`<drawing r:id="${parts.drawingRelId}"/>`);
  if (parts.tableRelIds.length) {
    out.write(`<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`);
  }
  out.write("</worksheet>");
  return out.bytes();
}
