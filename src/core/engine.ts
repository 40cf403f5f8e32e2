import type {
  CostCentreVarianceRow,
  Finding,
  HiredStaffRow,
  Language,
  MeasureRow,
  ProgrammeRow,
  Settings,
  VarianceRow,
  WorkbookModel,
  WorkbookSnapshot,
  WritePlan,
} from "./types";

/** What the caller (command line, task pane) may decide instead of the workbook. */
export interface RunOptions {
  /** Language of the messages and sheet texts Balans writes. */
  readonly language: Language;
  /** Sheets to read as monthly reports, overriding detection (the task pane lets the user choose). */
  readonly reportSheets?: readonly string[];
  /** Settings that override the workbook's settings sheet. */
  readonly settings?: Partial<Settings>;
  /** Today's year and month: the report year when neither settings nor sheets give one. */
  readonly today?: { readonly year: number; readonly month: number };
}

/** Everything the engine computes from one workbook. */
export interface Analysis {
  readonly model: WorkbookModel;
  /** All findings (reader and checks), errors first, then by sheet and cell. */
  readonly findings: readonly Finding[];
  readonly variance: readonly VarianceRow[];
  readonly costCentres: readonly CostCentreVarianceRow[];
  readonly measures: readonly MeasureRow[];
  readonly programmes: readonly ProgrammeRow[];
  readonly hiredStaff: readonly HiredStaffRow[];
}

/** The `balans check --json` report. Fields may be added, never renamed. */
export interface JsonReport {
  readonly workbook: string;
  readonly unit: string;
  readonly year: number;
  readonly months: readonly string[];
  readonly costSign: "positive" | "negative";
  readonly findings: readonly Finding[];
  readonly variance: readonly VarianceRow[];
  readonly measures: readonly MeasureRow[];
  readonly programmes: readonly ProgrammeRow[];
  readonly hiredStaff: readonly HiredStaffRow[];
}

export interface RunResult {
  readonly analysis: Analysis;
  readonly plan: WritePlan;
  readonly report: JsonReport;
}
