import { a1 } from "../address";
import { monthName } from "../format";
import type { CostCentreVarianceRow, Language, WorkbookModel } from "../types";
import { TITLE_ROWS } from "./layout";
import type { Cell } from "./sheetBuilder";
import { formula, num, SheetBuilder, text } from "./sheetBuilder";
import type { SourceSums } from "./sourceSums";
import { L, scopeLine, SIGN_NOTE, t } from "./texts";

const SEP = "\u0000";
const C = { division: 0, costCentre: 1, budget: 2, actual: 3, variance: 4, variancePct: 5, budgetYtd: 6, actualYtd: 7, varianceYtd: 8, priorYearYtd: 9, forecast: 10 } as const;

/** Adds formulas of separate months into one: `A+B-C`. */
export function joinFormulas(parts: readonly string[]): string {
  const live = parts.filter((p) => p !== "0");
  if (live.length === 0) return "0";
  return live.reduce((all, p) => (p.startsWith("-") ? `${all}${p}` : `${all}+${p}`));
}

/**
 * Detail per cost centre for the latest month and the year to date. Cost centres sit
 * together on report sheets, so their formulas are mostly plain SUMs of a block of rows.
 */
export function costCentreSheet(model: WorkbookModel, rows: readonly CostCentreVarianceRow[], sums: SourceSums, language: Language, name: string): SheetBuilder {
  const b = new SheetBuilder("variance-detail", name);
  const latestText = monthName(model.latestMonth, language, model.year);
  b.row(0, 0, [text(language === "sv" ? `Avvikelse per ansvar, ${latestText}` : `Variance by cost centre, ${latestText}`, "title")]);
  b.row(1, 0, [text(scopeLine(language, model.workbook, latestText, model.unit), "subtitle")]);
  b.row(2, 0, [text(t(SIGN_NOTE, language), "note")]);
  b.row(3, 0, [
    text(
      language === "sv"
        ? "Månad och ack summerar ansvarets rader i månadsbladen med formler (ack = alla rapporterade månader t.o.m. denna). Helårsprognos som på bladet Balans avvikelse."
        : "Month and YTD sum the cost centre's rows on the month sheets with formulas (YTD = every reported month through this one). Forecast as on the Balans variance sheet.",
      "note",
    ),
  ]);
  const headers = [L.division, L.costCentre, L.budget, L.actual, L.variance, L.variancePct, L.budgetYtd, L.actualYtd, L.varianceYtd, L.priorYearYtd, L.forecast].map((m) => t(m, language));
  const first = TITLE_ROWS + 1;
  const months = model.months.filter((m) => m <= model.latestMonth);
  const ownForecast = rows.length > 0 && model.reportSheets.some((s) => s.columns.forecast !== undefined && (s.shape === "ledger" || s.month === model.latestMonth));
  const body: (Cell | null)[][] = rows.map((r, i) => {
    const row = first + i;
    const group = `${r.division}${SEP}${r.costCentre}`;
    const month = (field: "budget" | "actual" | "forecast", value: number): Cell => {
      const sum = sums.sum("costCentre", group, model.latestMonth, field);
      return sum.formula === null || sum.formula === "0" ? num(value) : formula(sum.formula, value);
    };
    const ytd = (field: "budget" | "actual" | "priorYear", value: number): Cell => {
      const parts = months.map((m) => sums.sum("costCentre", group, m, field).formula);
      if (parts.some((p) => p === null)) return num(value);
      const joined = joinFormulas(parts as string[]);
      return joined === "0" ? num(value) : formula(joined, value);
    };
    return [
      text(r.division),
      text(r.costCentre),
      month("budget", r.budget),
      month("actual", r.actual),
      formula(`${a1(row, C.budget)}-${a1(row, C.actual)}`, r.variance),
      formula(`IF(${a1(row, C.budget)}=0,"",${a1(row, C.variance)}/ABS(${a1(row, C.budget)}))`, r.budget === 0 ? "" : r.variance / Math.abs(r.budget), "percent"),
      ytd("budget", r.budgetYtd),
      ytd("actual", r.actualYtd),
      formula(`${a1(row, C.budgetYtd)}-${a1(row, C.actualYtd)}`, r.varianceYtd),
      ytd("priorYear", r.priorYearYtd),
      ownForecast ? month("forecast", r.forecast) : formula(`${a1(row, C.actualYtd)}/${months.length}*12`, r.forecast),
    ];
  });
  const table = b.table("BalansVarianceByCostCentre", TITLE_ROWS, 0, headers, body);
  b.freezeAt(first, 2);
  [22, 16, 12, 12, 12, 11, 13, 13, 13, 13, 14].forEach((w, c) => b.width(c, w));
  for (const c of [C.variance, C.varianceYtd]) {
    b.conditional({ range: { top: table.first, left: c, bottom: table.last, right: c }, rule: { type: "lessThan", value: 0 }, fontColor: "#C00000" });
  }
  return b;
}
