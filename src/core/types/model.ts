import type { Finding } from "./finding";
import type { Settings, Unit, AccountClass } from "./settings";

/** Columns the reader recognises on a report sheet (Swedish or English headers). */
export type ReportField =
  | "division" // Förvaltning, Division, Verksamhetsområde
  | "costCentre" // Ansvar, Kostnadsställe, KST
  | "account" // Konto
  | "accountName" // Kontonamn, Benämning
  | "category" // Kostnadsslag, Kategori
  | "budget" // Budget, Budget månad
  | "actual" // Utfall, Utfall månad
  | "variance" // Avvikelse (the workbook's own: actual − budget or budget − actual)
  | "priorYear" // Utfall fg år, Föregående år
  | "budgetYtd" // Budget ack
  | "actualYtd" // Utfall ack
  | "priorYearYtd" // Utfall ack fg år
  | "annualBudget" // Årsbudget
  | "forecast" // Prognos, Helårsprognos
  | "comment" // Kommentar
  | "period" // Period (ledger sheets): 2024-03, 202403 or a date
  | "year" // År (ledger sheets with a month-number column)
  | "monthNumber"; // Månad (ledger sheets)

/** The amount columns, in the order `Amounts` stores them. */
export const AMOUNT_FIELDS = [
  "budget",
  "actual",
  "variance",
  "priorYear",
  "budgetYtd",
  "actualYtd",
  "priorYearYtd",
  "annualBudget",
  "forecast",
] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

/** Amounts of one row; null where the column is absent or the cell blank/unusable. */
export type Amounts = Readonly<Record<AmountField, number | null>>;

/** Where and how a report sheet was found. All row/column numbers are 0-based on the sheet. */
export interface ReportSheetLayout {
  readonly sheet: string;
  /** Index of the sheet in the snapshot. */
  readonly sheetIndex: number;
  /** `month`: one sheet per month; `ledger`: one sheet with a period column. */
  readonly shape: "month" | "ledger";
  /** For month sheets: the month (1–12) the sheet reports. */
  readonly month?: number;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<ReportField, number>>>;
  /** First and last sheet row after the header that may hold data (inclusive). */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  /** Columns with a header the reader does not use. */
  readonly extraColumns: readonly { readonly column: number; readonly header: string }[];
  /** True where the amounts on this sheet were multiplied by −1 to make costs positive. */
  readonly signFlipped: boolean;
}

/** One detail row of a monthly report, amounts normalised so that costs are positive. */
export interface ReportRow {
  /** Index into `WorkbookModel.reportSheets`. */
  readonly sheet: number;
  /** 0-based sheet row. */
  readonly row: number;
  /** 1–12. */
  readonly month: number;
  readonly division: string;
  readonly costCentre: string;
  readonly account: string;
  readonly accountName: string;
  /** The workbook's own category (Kostnadsslag) or, where it has none, Balans's label for `accountClass`. */
  readonly category: string;
  readonly accountClass: AccountClass;
  readonly amounts: Amounts;
  /** The factor that made the source's amounts costs-positive: source cell value = amount × sign. */
  readonly sign: 1 | -1;
  readonly comment: string;
  /**
   * Bit i set when `AMOUNT_FIELDS[i]` was read from a number stored as text: such a
   * cell is invisible to Excel's SUM/SUMIFS, so summaries add it as a constant.
   */
  readonly textNumbers: number;
  /** Bit i set when the cell of `AMOUNT_FIELDS[i]` holds an Excel error (it counts as empty). */
  readonly errors: number;
}

/** A totals row (Summa, Totalt, Total) found between detail rows. Not part of `rows`. */
export interface TotalsRow {
  readonly sheet: number;
  readonly row: number;
  readonly month: number;
  /** The label cell's text, e.g. `Summa Specialistvård`. */
  readonly label: string;
  /** As in the source (not sign-normalised, since a total mixes costs and income). */
  readonly amounts: Amounts;
}

export type MeasureField =
  | "id"
  | "description"
  | "division"
  | "links" // Konton / Kostnadsslag the measure works on
  | "plannedAnnual" // Planerad effekt helår (tkr)
  | "startMonth"
  | "owner"
  | "programme"
  | "status"
  | "comment"
  | "realisedOverride"; // unused for now: realised effect is always derived

/** What report rows a measure works on, within its division. */
export interface MeasureLinks {
  /** Account numbers or ranges (`6810`, `6810-6819`). */
  readonly accounts: readonly AccountRange[];
  /** Category names (matched case-insensitively against the row's category or class label). */
  readonly categories: readonly string[];
}

export interface AccountRange {
  readonly from: number;
  readonly to: number;
}

/** A savings measure (åtgärd) from the measures sheet, amounts in the workbook's unit. */
export interface Measure {
  readonly id: string;
  readonly description: string;
  readonly division: string;
  readonly programme: string;
  readonly owner: string;
  readonly status: string;
  readonly comment: string;
  readonly links: MeasureLinks;
  readonly plannedAnnual: number | null;
  /** Start month 1–12 as written; null when missing or unreadable. */
  readonly startMonth: number | null;
  /** The start's year when the cell gives one (`2024-03`), else null (= the report year). */
  readonly startYear: number | null;
  /** Planned effect per month (index 0 = January) when the sheet has phasing columns. */
  readonly phasing: readonly number[] | null;
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** A1 address of each field's cell, for findings and formulas. */
  readonly cells: Readonly<Partial<Record<MeasureField, string>>>;
}

/** A programme (e.g. `Kostnadsreduceringar specialistvård`) with its total target. */
export interface Programme {
  readonly name: string;
  /** Target in the workbook's unit. */
  readonly target: number;
  readonly sheet: string;
  readonly row: number;
  /** A1 address of the target cell. */
  readonly targetCell: string;
}

export type OwnedSheetKind = "variance" | "variance-detail" | "measures" | "hired-staff" | "findings" | "keys" | "settings";

export interface OwnedSheet {
  readonly name: string;
  readonly kind: OwnedSheetKind;
}

/** Everything the reader made of a workbook. */
export interface WorkbookModel {
  readonly workbook: string;
  readonly year: number;
  readonly unit: Unit;
  /** How the unit was decided. */
  readonly unitSource: "settings" | "header" | "default";
  /** How costs are signed in the source (amounts in `rows` are always costs-positive). */
  readonly costSign: "positive" | "negative";
  readonly costSignSource: "settings" | "detected" | "default";
  readonly settings: Settings;
  readonly reportSheets: readonly ReportSheetLayout[];
  readonly rows: readonly ReportRow[];
  readonly totals: readonly TotalsRow[];
  /** Months with report data, ascending (1–12). */
  readonly months: readonly number[];
  /** The latest month reported, 0 when there is none. */
  readonly latestMonth: number;
  readonly measures: readonly Measure[];
  readonly programmes: readonly Programme[];
  /** The measures sheet's name, when there is one. */
  readonly measureSheet?: string;
  /** The settings sheet's name, when there is one. */
  readonly settingsSheet?: string;
  /** Sheets Balans wrote on an earlier run (recognised by their owner mark). */
  readonly ownedSheets: readonly OwnedSheet[];
  /** Sheets that are none of the above. */
  readonly otherSheets: readonly string[];
  /** What the reader found wrong or worth telling. */
  readonly findings: readonly Finding[];
}
