/**
 * Summary rows, pure data. Amounts are in the workbook's unit with costs positive
 * (income negative); variance is budget − actual, so positive = better than budget
 * for costs and income alike. Months are `YYYY-MM`.
 */

export interface VarianceRow {
  readonly division: string;
  readonly category: string;
  readonly month: string;
  readonly budget: number;
  readonly actual: number;
  readonly variance: number;
  readonly budgetYtd: number;
  readonly actualYtd: number;
  readonly varianceYtd: number;
  readonly priorYear: number;
  readonly priorYearYtd: number;
  /** Full-year forecast: the workbook's own (sum of the forecast column) or the run rate. */
  readonly forecast: number;
  readonly forecastSource: "workbook" | "runRate";
}

/** Latest month and year to date per cost centre (the detail sheet). */
export interface CostCentreVarianceRow {
  readonly division: string;
  readonly costCentre: string;
  readonly month: string;
  readonly budget: number;
  readonly actual: number;
  readonly variance: number;
  readonly budgetYtd: number;
  readonly actualYtd: number;
  readonly varianceYtd: number;
  readonly priorYearYtd: number;
  readonly forecast: number;
}

export type MeasureStatus = "green" | "yellow" | "red" | "not-started";

export interface MeasureRow {
  readonly id: string;
  readonly programme: string;
  readonly division: string;
  readonly description: string;
  readonly owner: string;
  readonly plannedAnnual: number;
  readonly plannedYtd: number;
  readonly realisedYtd: number;
  readonly varianceYtd: number;
  /** Expected effect for the whole year: planned for the year × realised share of plan so far. */
  readonly forecast: number;
  readonly status: MeasureStatus;
  /** The measure's share of the effect on report rows it shares with other measures (0–1). */
  readonly share: number;
  /** What realised effect was measured against. */
  readonly baseline: "priorYear" | "budget";
}

export interface ProgrammeRow {
  readonly programme: string;
  /** The programme's target, null when the workbook gives none. */
  readonly target: number | null;
  readonly plannedAnnual: number;
  readonly plannedYtd: number;
  readonly realisedYtd: number;
  readonly varianceYtd: number;
  readonly forecast: number;
  readonly status: MeasureStatus;
}

export type Profession = "doctors" | "nurses" | "other" | "all";

/** The division name used for region-wide total rows. */
export const REGION_TOTAL = "Region";

export interface HiredStaffRow {
  readonly division: string;
  readonly profession: Profession;
  readonly month: string;
  readonly cost: number;
  readonly costYtd: number;
  readonly ownStaffCostYtd: number;
  /** costYtd / denominator (own or all personnel costs, per settings); 0 when the denominator is 0. */
  readonly share: number;
  readonly priorYearCostYtd: number;
}
