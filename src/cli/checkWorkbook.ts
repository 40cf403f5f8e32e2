import { runBalans, type RunOptions } from "../core/engine";
import { keyFigures } from "../core/keyFigures";
import type { WritePlan } from "../core/types";
import { readModel } from "./readModel";
import { summaryText } from "./summaryText";
import { Unusable } from "./writeResult";

export interface Checked {
  readonly plan: WritePlan;
  /** What the command prints: the JSON report or the summary text. */
  readonly output: string;
}

/**
 * Reads and checks the workbook and keeps only what the rest of the command needs: the
 * plan to write and the text to print. The model and the analysis are garbage once this
 * returns, so writing a large result does not drag them through every collection.
 * Throws `Unusable` when the workbook has no reports.
 */
export function checkWorkbook(bytes: Uint8Array, name: string, options: RunOptions & { readonly today: NonNullable<RunOptions["today"]> }, json: boolean): Checked {
  const { snapshot, model } = readModel(bytes, name, options);
  const result = runBalans(snapshot, options, model);
  if (result.analysis.model.reportSheets.length === 0) {
    const reason = result.analysis.findings.find((f) => f.rule === "READ-NO-REPORT-SHEETS")?.message;
    throw new Unusable(reason ?? { sv: "Arbetsboken har inga månadsrapporter.", en: "The workbook has no monthly reports." });
  }
  const output = json ? JSON.stringify(result.report, null, 2) : summaryText(result.analysis, keyFigures(result.analysis), options.language);
  return { plan: result.plan, output };
}
