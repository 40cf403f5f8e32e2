import { AMOUNT_INDEX, rowIndex } from "../check/rowIndex";
import { monthKey, roundTo } from "../format";
import type { CostCentreVarianceRow, ReportRow, VarianceRow, WorkbookModel } from "../types";
import { orZero, pairGroups } from "./groups";

/** Summary figures are rounded to 6 decimals so float noise from summing never shows in JSON. */
export const round6 = (value: number): number => {
  const r = roundTo(value, 6);
  return r === 0 ? 0 : r;
};

/** Stable group keys: first appearance order in the workbook. */
export function groupOrder<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      order.push(k);
    }
  }
  return order;
}

export const SEP = "\u0000";
export const divisionCategoryKey = (row: ReportRow): string => `${row.division}${SEP}${row.category}`;
export const divisionCostCentreKey = (row: ReportRow): string => `${row.division}${SEP}${row.costCentre}`;

/** Number of reported months up to and including `month`: the run-rate divides by these, not by the calendar. */
export function monthsReportedThrough(model: WorkbookModel, month: number): number {
  return model.months.filter((m) => m <= month).length;
}

/** True where the month's report has its own full-year forecast column. */
export function hasForecast(model: WorkbookModel, month: number): boolean {
  return model.reportSheets.some((s) => s.columns.forecast !== undefined && (s.shape === "ledger" || s.month === month));
}

const FIELDS = 4; // budget, actual, prior year, forecast
const BUDGET = 0;
const ACTUAL = 1;
const PRIOR_YEAR = 2;
const FORECAST = 3;

/** Per group and month, the sums of the four amounts, added in row order (as a reader adds them). */
function monthSums(model: WorkbookModel, groupOf: Int32Array, groups: number): Float64Array {
  // Groups × 13 months: month numbers index directly (0 unused).
  const index = rowIndex(model);
  const [budget, actual, priorYear, forecast] = [index.amounts[AMOUNT_INDEX.budget], index.amounts[AMOUNT_INDEX.actual], index.amounts[AMOUNT_INDEX.priorYear], index.amounts[AMOUNT_INDEX.forecast]];
  const months = index.months;
  const sums = new Float64Array(groups * 13 * FIELDS);
  for (let i = 0; i < groupOf.length; i++) {
    const at = (groupOf[i] * 13 + months[i]) * FIELDS;
    sums[at + BUDGET] += orZero(budget[i]);
    sums[at + ACTUAL] += orZero(actual[i]);
    sums[at + PRIOR_YEAR] += orZero(priorYear[i]);
    sums[at + FORECAST] += orZero(forecast[i]);
  }
  return sums;
}

/**
 * Variance per division and category for every reported month, with year to date
 * through that month. Every group appears in every month (zero where it has no rows),
 * so year-to-date figures add up month by month. Variance = budget − actual on
 * costs-positive amounts: positive is better than budget for costs and income alike.
 */
export function varianceRows(model: WorkbookModel): VarianceRow[] {
  const index = rowIndex(model);
  const groups = pairGroups(index.divisionTextIds, index.categoryTextIds, index.categoryTexts.length);
  const count = groups.first.length;
  const sums = monthSums(model, groups.groupOf, count);
  const result: VarianceRow[] = [];
  const ytd = new Float64Array(count * 3);
  for (const month of model.months) {
    const reported = monthsReportedThrough(model, month);
    const ownForecast = hasForecast(model, month);
    for (let g = 0; g < count; g++) {
      const at = (g * 13 + month) * FIELDS;
      const y = g * 3;
      ytd[y + BUDGET] += sums[at + BUDGET];
      ytd[y + ACTUAL] += sums[at + ACTUAL];
      ytd[y + PRIOR_YEAR] += sums[at + PRIOR_YEAR];
      const budget = sums[at + BUDGET];
      const actual = sums[at + ACTUAL];
      result.push({
        division: index.divisionTexts[groups.first[g]],
        category: index.categoryTexts[groups.second[g]],
        month: monthKey(model.year, month),
        budget: round6(budget),
        actual: round6(actual),
        variance: round6(budget - actual),
        budgetYtd: round6(ytd[y + BUDGET]),
        actualYtd: round6(ytd[y + ACTUAL]),
        varianceYtd: round6(ytd[y + BUDGET] - ytd[y + ACTUAL]),
        priorYear: round6(sums[at + PRIOR_YEAR]),
        priorYearYtd: round6(ytd[y + PRIOR_YEAR]),
        forecast: round6(ownForecast ? sums[at + FORECAST] : (ytd[y + ACTUAL] / reported) * 12),
        forecastSource: ownForecast ? "workbook" : "runRate",
      });
    }
  }
  return result;
}

/** The latest month and year to date per division and cost centre (the detail sheet). */
export function costCentreRows(model: WorkbookModel): CostCentreVarianceRow[] {
  const latest = model.latestMonth;
  if (latest === 0) return [];
  const index = rowIndex(model);
  const groups = pairGroups(index.divisionTextIds, index.costCentreTextIds, index.costCentreTexts.length);
  const count = groups.first.length;
  const [budget, actual, priorYear, forecast] = [index.amounts[AMOUNT_INDEX.budget], index.amounts[AMOUNT_INDEX.actual], index.amounts[AMOUNT_INDEX.priorYear], index.amounts[AMOUNT_INDEX.forecast]];
  const months = index.months;
  // Year to date adds row by row (not month by month), so the sums come out as a reader adds them.
  const month = new Float64Array(count * FIELDS);
  const ytd = new Float64Array(count * FIELDS);
  for (let i = 0; i < months.length; i++) {
    if (months[i] > latest) continue;
    const g = groups.groupOf[i] * FIELDS;
    ytd[g + BUDGET] += orZero(budget[i]);
    ytd[g + ACTUAL] += orZero(actual[i]);
    ytd[g + PRIOR_YEAR] += orZero(priorYear[i]);
    if (months[i] === latest) {
      month[g + BUDGET] += orZero(budget[i]);
      month[g + ACTUAL] += orZero(actual[i]);
      month[g + FORECAST] += orZero(forecast[i]);
    }
  }
  const reported = monthsReportedThrough(model, latest);
  const ownForecast = hasForecast(model, latest);
  const out: CostCentreVarianceRow[] = [];
  for (let g = 0; g < count; g++) {
    const at = g * FIELDS;
    out.push({
      division: index.divisionTexts[groups.first[g]],
      costCentre: index.costCentreTexts[groups.second[g]],
      month: monthKey(model.year, latest),
      budget: round6(month[at + BUDGET]),
      actual: round6(month[at + ACTUAL]),
      variance: round6(month[at + BUDGET] - month[at + ACTUAL]),
      budgetYtd: round6(ytd[at + BUDGET]),
      actualYtd: round6(ytd[at + ACTUAL]),
      varianceYtd: round6(ytd[at + BUDGET] - ytd[at + ACTUAL]),
      priorYearYtd: round6(ytd[at + PRIOR_YEAR]),
      forecast: round6(ownForecast ? month[at + FORECAST] : (ytd[at + ACTUAL] / reported) * 12),
    });
  }
  return out;
}
