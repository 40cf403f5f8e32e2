/**
 * Builds `WorkbookModel`s for the checks' tests from compact literals, with the
 * defaults a small, clean workbook would have: one division, the standard columns in a
 * fixed order, rows one under the other right below a header in row 1.
 */
import { a1 } from "../../address";
import type {
  AccountClass,
  AccountRange,
  AmountField,
  Amounts,
  Finding,
  Measure,
  MeasureField,
  Programme,
  ReportField,
  ReportRow,
  ReportSheetLayout,
  Settings,
  TotalsRow,
  WorkbookModel,
} from "../../types";
import { AMOUNT_FIELDS } from "../../types";
import { monthName } from "../../format";
import { DEFAULT_SETTINGS } from "../../read/settings";

/** The reader's defaults (docs/architecture.md, settings table), so tests see what a workbook without settings gets. */
export const defaultSettingsForTests: Settings = DEFAULT_SETTINGS;

export const STANDARD_COLUMNS: readonly ReportField[] = [
  "division",
  "costCentre",
  "account",
  "accountName",
  "category",
  "budget",
  "actual",
  "comment",
];

/** A detail row: amounts costs-positive, as the model keeps them. */
export type RowSpec = Partial<Record<AmountField, number | null>> & {
  readonly division?: string;
  readonly costCentre?: string;
  readonly account?: string;
  readonly accountName?: string;
  readonly category?: string;
  readonly accountClass?: AccountClass;
  readonly comment?: string;
  /** Ledger sheets: the row's month (month sheets: the sheet's). */
  readonly month?: number;
  readonly sign?: 1 | -1;
  /** Sheet row (0-based); default: the row after the previous one. */
  readonly row?: number;
  /** Fields read from numbers stored as text. */
  readonly textNumbers?: readonly AmountField[];
  /** Fields whose cell held an Excel error (amount null). */
  readonly errors?: readonly AmountField[];
};

/** A totals row, amounts as in the source. */
export type TotalSpec = Partial<Record<AmountField, number | null>> & {
  readonly total: string;
  readonly month?: number;
  readonly row?: number;
};

export interface SheetSpec {
  /** Default: the Swedish month name with a capital (`Mars`). */
  readonly name?: string;
  readonly month?: number;
  readonly shape?: "month" | "ledger";
  /** Default: position in the spec list. */
  readonly sheetIndex?: number;
  readonly headerRow?: number;
  /** Fields in column order (index = column); default `STANDARD_COLUMNS`. */
  readonly columns?: readonly ReportField[];
  readonly signFlipped?: boolean;
  readonly rows?: readonly (RowSpec | TotalSpec)[];
}

export interface MeasureSpec {
  readonly id?: string;
  readonly description?: string;
  readonly division?: string;
  readonly programme?: string;
  readonly status?: string;
  /** Account numbers or `[from, to]` ranges. */
  readonly accounts?: readonly (number | readonly [number, number])[];
  readonly categories?: readonly string[];
  readonly plannedAnnual?: number | null;
  readonly startMonth?: number | null;
  readonly startYear?: number | null;
  readonly row?: number;
}

export interface ProgrammeSpec {
  readonly name: string;
  readonly target: number;
  readonly row?: number;
}

export interface ModelSpec {
  readonly year?: number;
  readonly unit?: WorkbookModel["unit"];
  readonly settings?: Partial<Settings>;
  readonly sheets: readonly SheetSpec[];
  readonly measures?: readonly MeasureSpec[];
  readonly programmes?: readonly ProgrammeSpec[];
  /** Default `Åtgärder`; null for a workbook without a measures sheet. */
  readonly measureSheet?: string | null;
  readonly otherSheets?: readonly string[];
  /** The reader's findings (e.g. unreadable cells). */
  readonly findings?: readonly Finding[];
  /** Override the months the reader found (default: the months of the rows). */
  readonly months?: readonly number[];
  readonly latestMonth?: number;
}

/** Measure columns on the test measures sheet (`Åtgärder`), header in row 1. */
export const MEASURE_COLUMNS: readonly MeasureField[] = ["id", "description", "division", "links", "plannedAnnual", "startMonth", "programme", "status"];

export function isTotal(spec: RowSpec | TotalSpec): spec is TotalSpec {
  return typeof (spec as TotalSpec).total === "string";
}

function amountsOf(spec: Partial<Record<AmountField, number | null>>): Amounts {
  const out = {} as Record<AmountField, number | null>;
  for (const field of AMOUNT_FIELDS) out[field] = spec[field] ?? null;
  return out;
}

function bits(fields: readonly AmountField[] | undefined): number {
  return (fields ?? []).reduce((mask, field) => mask | (1 << AMOUNT_FIELDS.indexOf(field)), 0);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildModel(spec: ModelSpec): WorkbookModel {
  const year = spec.year ?? 2024;
  const reportSheets: ReportSheetLayout[] = [];
  const rows: ReportRow[] = [];
  const totals: TotalsRow[] = [];
  spec.sheets.forEach((sheetSpec, s) => {
    const shape = sheetSpec.shape ?? "month";
    const sheetMonth = shape === "month" ? (sheetSpec.month ?? s + 1) : undefined;
    const fields = sheetSpec.columns ?? STANDARD_COLUMNS;
    const columns: Partial<Record<ReportField, number>> = {};
    fields.forEach((field, column) => (columns[field] = column));
    const headerRow = sheetSpec.headerRow ?? 0;
    let next = headerRow + 1;
    for (const item of sheetSpec.rows ?? []) {
      const row = item.row ?? next;
      next = row + 1;
      const rowMonth = item.month ?? sheetMonth ?? 1;
      if (isTotal(item)) {
        totals.push({ sheet: s, row, month: rowMonth, label: item.total, amounts: amountsOf(item) });
      } else {
        rows.push({
          sheet: s,
          row,
          month: rowMonth,
          division: item.division ?? (columns.division === undefined ? "" : "Kirurgi"),
          costCentre: item.costCentre ?? "1001",
          account: item.account ?? "4010",
          accountName: item.accountName ?? "Material",
          category: item.category ?? "Övriga kostnader",
          accountClass: item.accountClass ?? "otherCost",
          amounts: amountsOf(item),
          sign: item.sign ?? (sheetSpec.signFlipped ? -1 : 1),
          comment: item.comment ?? "",
          textNumbers: bits(item.textNumbers),
          errors: bits(item.errors),
        });
      }
    }
    reportSheets.push({
      sheet: sheetSpec.name ?? (sheetMonth ? capitalised(monthName(sheetMonth, "sv")) : "Huvudbok"),
      sheetIndex: sheetSpec.sheetIndex ?? s,
      shape,
      month: sheetMonth,
      headerRow,
      columns,
      firstDataRow: headerRow + 1,
      lastDataRow: Math.max(headerRow + 1, next - 1),
      extraColumns: [],
      signFlipped: sheetSpec.signFlipped ?? false,
    });
  });
  const months = spec.months ?? [...new Set(rows.map((r) => r.month))].sort((a, b) => a - b);
  const measureSheet = spec.measureSheet === null ? undefined : (spec.measureSheet ?? "Åtgärder");
  const measures = (spec.measures ?? []).map((m, i) => buildMeasure(m, i, measureSheet ?? "Åtgärder"));
  const programmes: Programme[] = (spec.programmes ?? []).map((p, i) => {
    const row = p.row ?? i + 1;
    return { name: p.name, target: p.target, sheet: "Program", row, targetCell: a1(row, 1) };
  });
  return {
    workbook: "test.xlsx",
    year,
    unit: spec.unit ?? "tkr",
    unitSource: "default",
    costSign: "positive",
    costSignSource: "default",
    settings: { ...defaultSettingsForTests, ...(spec.settings ?? {}) },
    reportSheets,
    rows,
    totals,
    months,
    latestMonth: spec.latestMonth ?? (months.length > 0 ? months[months.length - 1] : 0),
    measures,
    programmes,
    measureSheet,
    ownedSheets: [],
    otherSheets: spec.otherSheets ?? [],
    findings: spec.findings ?? [],
  };
}

function buildMeasure(spec: MeasureSpec, index: number, sheet: string): Measure {
  const row = spec.row ?? index + 1;
  const cells: Partial<Record<MeasureField, string>> = {};
  MEASURE_COLUMNS.forEach((field, column) => (cells[field] = a1(row, column)));
  const accounts: AccountRange[] = (spec.accounts ?? []).map((a) => (typeof a === "number" ? { from: a, to: a } : { from: a[0], to: a[1] }));
  return {
    id: spec.id ?? `A${index + 1}`,
    description: spec.description ?? "Minska hyrpersonal",
    division: spec.division ?? "Kirurgi",
    programme: spec.programme ?? "",
    owner: "Eva",
    status: spec.status ?? "",
    comment: "",
    links: { accounts, categories: spec.categories ?? [] },
    plannedAnnual: spec.plannedAnnual === undefined ? 1200 : spec.plannedAnnual,
    startMonth: spec.startMonth === undefined ? 1 : spec.startMonth,
    startYear: spec.startYear ?? null,
    phasing: null,
    sheet,
    row,
    cells,
  };
}
