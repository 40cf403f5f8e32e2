import { monthKey, roundTo } from "../format";
import type { CostCentreVarianceRow, ReportRow, VarianceRow, WorkbookModel } from "../types";

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

interface Sums {
  budget: number;
  actual: number;
  priorYear: number;
  forecast: number;
}

const emptySums = (): Sums => ({ budget: 0, actual: 0, priorYear: 0, forecast: 0 });

function add(sums: Sums, row: ReportRow): void {
  sums.budget += row.amounts.budget ?? 0;
  sums.actual += row.amounts.actual ?? 0;
  sums.priorYear += row.amounts.priorYear ?? 0;
  sums.forecast += row.amounts.forecast ?? 0;
}

/**
 * Variance per division and category for every reported month, with year to date
 * through that month. Every group appears in every month (zero where it has no rows),
 * so year-to-date figures add up month by month. Variance = budget − actual on
 * costs-positive amounts: positive is better than budget for costs and income alike.
 */
export function varianceRows(model: WorkbookModel): VarianceRow[] {
  const groups = groupOrder(model.rows, divisionCategoryKey);
  const sums = new Map<string, Sums>();
  for (const row of model.rows) {
    const key = `${row.month}${SEP}${divisionCategoryKey(row)}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = emptySums()));
    add(s, row);
  }
  const result: VarianceRow[] = [];
  const ytd = new Map<string, Sums>();
  for (const month of model.months) {
    const reported = monthsReportedThrough(model, month);
    const ownForecast = hasForecast(model, month);
    for (const group of groups) {
      const s = sums.get(`${month}${SEP}${group}`) ?? emptySums();
      let y = ytd.get(group);
      if (!y) ytd.set(group, (y = emptySums()));
      y.budget += s.budget;
      y.actual += s.actual;
      y.priorYear += s.priorYear;
      const [division, category] = group.split(SEP);
      result.push({
        division,
        category,
        month: monthKey(model.year, month),
        budget: round6(s.budget),
        actual: round6(s.actual),
        variance: round6(s.budget - s.actual),
        budgetYtd: round6(y.budget),
        actualYtd: round6(y.actual),
        varianceYtd: round6(y.budget - y.actual),
        priorYear: round6(s.priorYear),
        priorYearYtd: round6(y.priorYear),
        forecast: round6(ownForecast ? s.forecast : (y.actual / reported) * 12),
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
  const groups = groupOrder(model.rows, divisionCostCentreKey);
  const month = new Map<string, Sums>();
  const ytd = new Map<string, Sums>();
  for (const row of model.rows) {
    if (row.month > latest) continue;
    const key = divisionCostCentreKey(row);
    let y = ytd.get(key);
    if (!y) ytd.set(key, (y = emptySums()));
    add(y, row);
    if (row.month === latest) {
      let m = month.get(key);
      if (!m) month.set(key, (m = emptySums()));
      add(m, row);
    }
  }
  const reported = monthsReportedThrough(model, latest);
  const ownForecast = hasForecast(model, latest);
  return groups.map((group) => {
    const [division, costCentre] = group.split(SEP);
    const m = month.get(group) ?? emptySums();
    const y = ytd.get(group) ?? emptySums();
    return {
      division,
      costCentre,
      month: monthKey(model.year, latest),
      budget: round6(m.budget),
      actual: round6(m.actual),
      variance: round6(m.budget - m.actual),
      budgetYtd: round6(y.budget),
      actualYtd: round6(y.actual),
      varianceYtd: round6(y.budget - y.actual),
      priorYearYtd: round6(y.priorYear),
      forecast: round6(ownForecast ? m.forecast : (y.actual / reported) * 12),
    };
  });
}
