import { runChecks } from "./check";
import { sortFindings } from "./findings";
import { monthKey } from "./format";
import { buildWritePlan, nameRun } from "./plan";
import { readWorkbook } from "./read/workbook";
import { measureFollowUp } from "./summary/measures";
import { hiredStaffRows } from "./summary/hiredStaff";
import { costCentreRows, varianceRows } from "./summary/variance";
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

/** Reads the workbook only: what the task pane shows before a run. */
export function detectWorkbook(snapshot: WorkbookSnapshot, options: RunOptions): WorkbookModel {
  return readWorkbook(snapshot, options);
}

/**
 * Reads, checks and summarises a workbook. Pure: the snapshot in, the analysis out.
 * `model` is the snapshot as `detectWorkbook` read it, when the caller has it already: a
 * host short of memory may then pass a snapshot without the report sheets' cells, which
 * nothing after the reader looks at (only names, owner marks and the measures sheet).
 */
export function analyse(snapshot: WorkbookSnapshot, options: RunOptions, model: WorkbookModel = readWorkbook(snapshot, options)): Analysis {
  const followUp = measureFollowUp(model);
  const hiredStaff = hiredStaffRows(model);
  const checked = runChecks({ model, measures: followUp.rows, hiredStaff });
  const naming = nameRun(model, snapshot, options.language);
  const sheetOrder = snapshot.sheets.map((s) => s.name);
  return {
    model,
    findings: sortFindings([...model.findings, ...checked, ...naming.findings], sheetOrder),
    variance: varianceRows(model),
    costCentres: costCentreRows(model),
    measures: followUp.rows,
    programmes: followUp.programmes,
    hiredStaff,
  };
}

export function toJsonReport(analysis: Analysis): JsonReport {
  const { model } = analysis;
  return {
    workbook: model.workbook,
    unit: model.unit,
    year: model.year,
    months: model.months.map((m) => monthKey(model.year, m)),
    costSign: model.costSign,
    findings: analysis.findings,
    variance: analysis.variance,
    measures: analysis.measures,
    programmes: analysis.programmes,
    hiredStaff: analysis.hiredStaff,
  };
}

/** The whole job: analysis, the sheets to write, and the JSON report. `model`: as for `analyse`. */
export function runBalans(snapshot: WorkbookSnapshot, options: RunOptions, model?: WorkbookModel): RunResult {
  const analysis = analyse(snapshot, options, model);
  return { analysis, plan: buildWritePlan(analysis, snapshot, options), report: toJsonReport(analysis) };
}
