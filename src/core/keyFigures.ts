import type { Analysis } from "./engine";
import { REGION_TOTAL, type Severity, type Unit } from "./types";

/** The few figures the task pane shows after a run, for the region as a whole. */
export interface KeyFigures {
  /** The latest month reported, `YYYY-MM`; empty when nothing was reported. */
  readonly month: string;
  readonly unit: Unit;
  /** Region totals, year to date up to `month` (costs positive; variance = budget − actual). */
  readonly budgetYtd: number;
  readonly actualYtd: number;
  /** Positive = better than budget. */
  readonly varianceYtd: number;
  /** Savings measures to date: over programmes when the workbook has them, else over measures. */
  readonly plannedYtd: number;
  readonly realisedYtd: number;
  /** Region-wide hired-staff cost as a share of the denominator, year to date. */
  readonly hiredShare: number;
  readonly hiredShareTarget: number;
  readonly hiredShareDenominator: "ownStaff" | "allStaff";
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * Key figures from an analysis's summary rows only, so the pane shows the same numbers
 * as the sheets Balans writes. The variance rows are per division and category; region
 * rows (division `Region`), if the summary carries any, are left out so nothing counts twice.
 */
export function keyFigures(analysis: Analysis): KeyFigures {
  const month = latestMonth(analysis);

  let budgetYtd = 0;
  let actualYtd = 0;
  let varianceYtd = 0;
  for (const row of analysis.variance) {
    if (row.month !== month || row.division === REGION_TOTAL) continue;
    budgetYtd += row.budgetYtd;
    actualYtd += row.actualYtd;
    varianceYtd += row.varianceYtd;
  }

  // Programmes already sum their measures; adding both would count every measure twice.
  const savings = analysis.programmes.length > 0 ? analysis.programmes : analysis.measures;
  let plannedYtd = 0;
  let realisedYtd = 0;
  for (const row of savings) {
    plannedYtd += row.plannedYtd;
    realisedYtd += row.realisedYtd;
  }

  const regionHired = analysis.hiredStaff.find(
    (row) => row.division === REGION_TOTAL && row.profession === "all" && row.month === month,
  );

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of analysis.findings) counts[finding.severity] += 1;

  const settings = analysis.model.settings;
  return {
    month,
    unit: analysis.model.unit,
    budgetYtd,
    actualYtd,
    varianceYtd,
    plannedYtd,
    realisedYtd,
    hiredShare: regionHired?.share ?? 0,
    hiredShareTarget: settings.hiredShareTarget,
    hiredShareDenominator: settings.hiredShareDenominator,
    counts,
  };
}

/** The latest `YYYY-MM` among the variance rows (hired-staff rows when there are none). */
function latestMonth(analysis: Analysis): string {
  let latest = "";
  for (const row of analysis.variance) if (row.month > latest) latest = row.month;
  if (latest === "") for (const row of analysis.hiredStaff) if (row.month > latest) latest = row.month;
  return latest;
}
