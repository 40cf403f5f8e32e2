import type {
  CellRange,
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  OwnedSheetKind,
  PlanCell,
  SheetPlan,
  StyleRun,
  TablePlan,
} from "../types";

/** The named styles every Balans sheet uses. Number formats are invariant (en-US) codes. */
export const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 14 },
  subtitle: { italic: true, fontColor: "#404040" },
  note: { fontColor: "#595959" },
  header: { bold: true, wrap: true },
  label: { bold: true },
  amount: { numberFormat: "#,##0;-#,##0" },
  amountBold: { numberFormat: "#,##0;-#,##0", bold: true },
  percent: { numberFormat: "0.0 %" },
  percentBold: { numberFormat: "0.0 %", bold: true },
  month: { numberFormat: "yyyy-mm", horizontal: "left" },
  integer: { numberFormat: "0" },
  link: { fontColor: "#0563C1", underline: true },
  text: {},
};

export type StyleName = keyof typeof STYLES;

/** A cell with its style, as the builders pass them around. */
export interface Cell {
  readonly cell: PlanCell;
  readonly style?: StyleName;
}

export const text = (value: string, style?: StyleName): Cell => ({ cell: { text: value }, style });
export const num = (value: number, style: StyleName = "amount"): Cell => ({ cell: { number: value }, style });
export const formula = (f: string, value: number | string | boolean | null, style: StyleName = "amount"): Cell => ({ cell: { formula: f, value }, style });

/**
 * Collects one sheet's cells on a dense grid and its formatting as ranges, then emits a
 * `SheetPlan` with a single block and one style run per styled rectangle, so hosts write
 * the sheet in a few large calls rather than cell by cell.
 */
export class SheetBuilder {
  private readonly grid: PlanCell[][] = [];
  private readonly styleGrid: (StyleName | undefined)[][] = [];
  private readonly widths: number[] = [];
  private readonly tables: TablePlan[] = [];
  private readonly conditionalFormats: ConditionalFormatPlan[] = [];
  private readonly charts: ChartPlan[] = [];
  private freeze?: { rows: number; columns: number };
  private area?: { top: number; left: number; bottom: number; right: number };

  constructor(
    private readonly kind: OwnedSheetKind,
    private readonly name: string,
  ) {}

  put(row: number, column: number, cell: Cell | null): void {
    if (!cell) return;
    (this.grid[row] ??= [])[column] = cell.cell;
    if (cell.style) (this.styleGrid[row] ??= [])[column] = cell.style;
  }

  /** Writes cells left to right from (row, column). */
  row(row: number, column: number, cells: readonly (Cell | null)[]): void {
    cells.forEach((cell, i) => this.put(row, column + i, cell));
  }

  width(column: number, characters: number): void {
    this.widths[column] = Math.max(this.widths[column] ?? 0, characters);
  }

  freezeAt(rows: number, columns: number): void {
    this.freeze = { rows, columns };
  }

  /** Prints only this range (the main table), when blocks and charts stand beside it. */
  printArea(range: { top: number; left: number; bottom: number; right: number }): void {
    this.area = range;
  }

  /**
   * A table: header texts at `top`, body rows below. Returns the body's first and last
   * row (0-based), for formulas and charts that point into it.
   */
  table(name: string, top: number, left: number, headers: readonly string[], body: readonly (readonly (Cell | null)[])[], style = "TableStyleMedium2"): { first: number; last: number } {
    this.row(top, left, headers.map((h) => text(h, "header")));
    body.forEach((cells, i) => this.row(top + 1 + i, left, cells));
    const bottom = top + Math.max(body.length, 1);
    this.tables.push({ name, range: { top, left, bottom, right: left + headers.length - 1 }, style, columns: headers });
    return { first: top + 1, last: top + body.length };
  }

  conditional(plan: ConditionalFormatPlan): void {
    this.conditionalFormats.push(plan);
  }

  chart(plan: ChartPlan): void {
    this.charts.push(plan);
  }

  build(extra: { hidden?: boolean; tabColor?: string; replaces?: string; print?: SheetPlan["print"] } = {}): SheetPlan {
    const height = this.grid.length;
    const width = this.grid.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
    const cells: PlanCell[][] = [];
    for (let r = 0; r < height; r++) {
      const source = this.grid[r] ?? [];
      const out: PlanCell[] = new Array(source.length);
      for (let c = 0; c < source.length; c++) out[c] = source[c] ?? null;
      cells.push(out);
    }
    return {
      kind: this.kind,
      name: this.name,
      replaces: extra.replaces,
      blocks: height > 0 && width > 0 ? [{ top: 0, left: 0, cells }] : [],
      styleRuns: styleRuns(this.styleGrid),
      columnWidths: Array.from({ length: this.widths.length }, (_, i) => this.widths[i] ?? 0),
      freeze: this.freeze,
      tables: this.tables,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      hidden: extra.hidden,
      tabColor: extra.tabColor,
      print: extra.print ? { ...extra.print, area: this.area } : undefined,
    };
  }
}

/**
 * Merges a per-cell style grid into rectangles: runs along each row, then runs of equal
 * row spans stacked down the sheet. A column of 10 000 amounts becomes one run.
 */
export function styleRuns(grid: readonly ((StyleName | undefined)[] | undefined)[]): StyleRun[] {
  const open = new Map<string, { range: CellRange; style: string }>();
  const done: StyleRun[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const spans: { left: number; right: number; style: string }[] = [];
    for (let c = 0; c < row.length; c++) {
      const style = row[c];
      if (!style) continue;
      const last = spans[spans.length - 1];
      if (last && last.style === style && last.right === c - 1) last.right = c;
      else spans.push({ left: c, right: c, style });
    }
    const seen = new Set<string>();
    for (const span of spans) {
      const key = `${span.left}:${span.right}:${span.style}`;
      seen.add(key);
      const run = open.get(key);
      if (run && run.range.bottom === r - 1) {
        run.range = { ...run.range, bottom: r };
      } else {
        if (run) done.push(run);
        open.set(key, { range: { top: r, left: span.left, bottom: r, right: span.right }, style: span.style });
      }
    }
    for (const [key, run] of open) {
      if (!seen.has(key) && run.range.bottom < r) {
        done.push(run);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}
