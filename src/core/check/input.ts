import type { Finding, HiredStaffRow, MeasureRow, WorkbookModel } from "../types";

/**
 * What the checks look at: the reader's model and the summaries that other modules
 * computed from it (the checks only read them).
 */
export interface CheckInput {
  readonly model: WorkbookModel;
  readonly measures: readonly MeasureRow[];
  readonly hiredStaff: readonly HiredStaffRow[];
}

export type Check = (input: CheckInput) => Finding[];
