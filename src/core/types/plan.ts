import type { OwnedSheetKind } from "./model";

/**
 * A host-neutral description of the sheets Balans writes. The core builds it; the
 * .xlsx adapter and the Office adapter apply it. Coordinates are 0-based.
 */
export interface WritePlan {
  /** Sheets to write, in tab order, after the user's sheets. */
  readonly sheets: readonly SheetPlan[];
  /** Owned sheets from an earlier run that this plan does not write again: delete them. */
  readonly remove: readonly string[];
  /** Named cell styles the sheets refer to. */
  readonly styles: Readonly<Record<string, CellStyle>>;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A cell to write. A `text` is always written as text, never evaluated, whatever it
 * starts with. A `formula` is written without the leading `=`; `value` is what the
 * engine computed, written as the cached result and checked against LibreOffice.
 */
export type PlanCell =
  | null
  | { readonly text: string }
  | { readonly number: number }
  | { readonly bool: boolean }
  | { readonly formula: string; readonly value: number | string | boolean | null };

export interface CellBlock {
  readonly top: number;
  readonly left: number;
  /** Row-major; rows may be shorter than the block's widest row. */
  readonly cells: readonly (readonly PlanCell[])[];
}

export interface CellStyle {
  /** Invariant (en-US) number format code, e.g. `#,##0;-#,##0` or `0.0 %`. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** `#RRGGBB`. */
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly underline?: boolean;
}

export interface StyleRun {
  readonly range: CellRange;
  /** A key of `WritePlan.styles`. */
  readonly style: string;
}

export interface TablePlan {
  /** Workbook-unique table name, e.g. `BalansVariance`. */
  readonly name: string;
  /** Header row included. */
  readonly range: CellRange;
  /** Built-in style, e.g. `TableStyleMedium2`. */
  readonly style: string;
  /** Column headers, same as the text in the header row. */
  readonly columns: readonly string[];
}

export type ConditionalRule =
  | { readonly type: "textEquals"; readonly text: string }
  | { readonly type: "lessThan" | "greaterThan"; readonly value: number };

export interface ConditionalFormatPlan {
  readonly range: CellRange;
  readonly rule: ConditionalRule;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export interface ChartSeries {
  /** Legend text. */
  readonly name: string;
  /** Values on this sheet, one column or one row. */
  readonly values: CellRange;
  /** For combined charts: draw this series as a line over columns. */
  readonly as?: "column" | "bar" | "line";
}

export interface ChartPlan {
  readonly type: "column" | "bar" | "line";
  readonly title: string;
  /** Category labels on this sheet, one column or one row. */
  readonly categories: CellRange;
  readonly series: readonly ChartSeries[];
  /** Cells the chart covers: from the top-left cell to the bottom-right cell. */
  readonly anchor: CellRange;
  /** Number format of the value axis, e.g. `0 %`. */
  readonly valueFormat?: string;
}

export interface SheetPlan {
  readonly kind: OwnedSheetKind;
  /** Final sheet name (the core has avoided names of the user's sheets). */
  readonly name: string;
  /** Name of an owned sheet from an earlier run that this sheet replaces. */
  readonly replaces?: string;
  readonly blocks: readonly CellBlock[];
  readonly styleRuns: readonly StyleRun[];
  /** Column widths in characters, index 0 = column A; missing = host default. */
  readonly columnWidths: readonly number[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly tables: readonly TablePlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly charts: readonly ChartPlan[];
  readonly hidden?: boolean;
  /** `#RRGGBB`. */
  readonly tabColor?: string;
  /** How the sheet prints: division heads print these for board meetings. */
  readonly print?: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    /** What prints when the sheet holds more than its table (blocks and charts beside it). */
    readonly area?: CellRange;
  };
}

/** The owner mark Balans leaves on every sheet it writes (`balans:` + kind). */
export function ownerMark(kind: OwnedSheetKind): string {
  return `balans:${kind}`;
}

/** The sheet-scoped hidden defined name that carries the owner mark. */
export const OWNER_NAME = "BalansOwner";
