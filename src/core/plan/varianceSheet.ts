import { a1, columnLetters } from "../address";
import { monthName } from "../format";
import type { Language, VarianceRow, WorkbookModel } from "../types";
import { L, scopeLine, SIGN_NOTE, t } from "./texts";
import type { Cell } from "./sheetBuilder";
import { formula, num, SheetBuilder, text } from "./sheetBuilder";
import type { SourceSums } from "./sourceSums";
import { monthSerial, TITLE_ROWS } from "./layout";

const SEP = "\u0000";

/** Column positions of the variance table. */
const C = {
  month: 0, division: 1, category: 2, budget: 3, actual: 4, variance: 5, variancePct: 6, priorYear: 7,
  budgetYtd: 8, actualYtd: 9, varianceYtd: 10, varianceYtdPct: 11, priorYearYtd: 12, change: 13, forecast: 14, basis: 15,
} as const;

const col = (c: number) => columnLetters(c);
const ref = (c: number, row: number) => a1(row, c);

/**
 * The variance sheet: one table row per month, division and category, latest month on
 * top; month figures are live sums of the report cells, year to date adds the row of the
 * month before, variance and percentages are formulas within the row. To the right, the
 * region's key figures for the latest month and a chart of budget against actual per
 * division.
 */
export function varianceSheet(model: WorkbookModel, rows: readonly VarianceRow[], sums: SourceSums, language: Language, name: string, date1904: boolean): SheetBuilder {
  const b = new SheetBuilder("variance", name);
  const latestText = monthName(model.latestMonth, language, model.year);
  b.row(0, 0, [text(language === "sv" ? "Avvikelse mot budget per förvaltning och kostnadsslag" : "Variance against budget by division and category", "title")]);
  b.row(1, 0, [text(scopeLine(language, model.workbook, latestText, model.unit), "subtitle")]);
  b.row(2, 0, [text(t(SIGN_NOTE, language), "note")]);
  b.row(3, 0, [
    text(
      language === "sv"
        ? "Månadens budget, utfall och fg år är formler som summerar cellerna i månadsbladen (raderna i gruppen direkt, eller SUMIFS via hjälpnycklarna i Balans nycklar); ack = månaden plus föregående månads ack. Helårsprognos: arbetsbokens egen där den finns, annars utfall ack / rapporterade månader × 12."
        : "The month's budget, actual and prior year are formulas summing the cells of the month sheets (the group's rows directly, or SUMIFS through the helper keys on Balans keys); YTD = the month plus the previous month's YTD. Forecast: the workbook's own where it has one, else actual YTD / reported months × 12.",
      "note",
    ),
  ]);

  const headers = [L.month, L.division, L.category, L.budget, L.actual, L.variance, L.variancePct, L.priorYear, L.budgetYtd, L.actualYtd, L.varianceYtd, L.varianceYtdPct, L.priorYearYtd, L.changeYtd, L.forecast, L.forecastBasis].map((m) => t(m, language));
  const top = TITLE_ROWS;
  const first = top + 1;

  // Latest month first; within a month, divisions in workbook order and their categories together.
  const divisionRank = new Map<string, number>();
  for (const r of rows) if (!divisionRank.has(r.division)) divisionRank.set(r.division, divisionRank.size);
  const groupRank = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.division}${SEP}${r.category}`;
    if (!groupRank.has(key)) groupRank.set(key, groupRank.size);
  }
  const ordered = [...rows].sort(
    (a, b2) =>
      (a.month < b2.month ? 1 : a.month > b2.month ? -1 : 0) ||
      (divisionRank.get(a.division) ?? 0) - (divisionRank.get(b2.division) ?? 0) ||
      (groupRank.get(`${a.division}${SEP}${a.category}`) ?? 0) - (groupRank.get(`${b2.division}${SEP}${b2.category}`) ?? 0),
  );
  const rowOf = new Map<string, number>();
  ordered.forEach((r, i) => rowOf.set(`${r.month}${SEP}${r.division}${SEP}${r.category}`, first + i));
  const previousMonth = new Map<string, string>();
  const monthKeys = [...new Set(rows.map((r) => r.month))].sort();
  monthKeys.forEach((m, i) => previousMonth.set(m, monthKeys[i - 1] ?? ""));

  const body: (Cell | null)[][] = ordered.map((r, i) => {
    const row = first + i;
    const month = Number(r.month.slice(5, 7));
    const group = `${r.division}${SEP}${r.category}`;
    const sourced = (field: "budget" | "actual" | "priorYear" | "forecast", value: number): Cell => {
      const sum = sums.sum("category", group, month, field);
      return sum.formula === null || sum.formula === "0" ? num(value) : formula(sum.formula, value);
    };
    const prevRow = rowOf.get(`${previousMonth.get(r.month)}${SEP}${group}`);
    const ytd = (monthColumn: number, ytdColumn: number, value: number): Cell =>
      formula(prevRow === undefined ? ref(monthColumn, row) : `${ref(monthColumn, row)}+${ref(ytdColumn, prevRow)}`, value);
    const pct = (numerator: number, denominator: number, n: number, d: number): Cell =>
      formula(`IF(${ref(denominator, row)}=0,"",${ref(numerator, row)}/ABS(${ref(denominator, row)}))`, d === 0 ? "" : n / Math.abs(d), "percent");
    const reported = model.months.filter((m) => m <= month).length;
    return [
      num(monthSerial(model.year, month, date1904), "month"),
      text(r.division),
      text(r.category),
      sourced("budget", r.budget),
      sourced("actual", r.actual),
      formula(`${ref(C.budget, row)}-${ref(C.actual, row)}`, r.variance),
      pct(C.variance, C.budget, r.variance, r.budget),
      sourced("priorYear", r.priorYear),
      ytd(C.budget, C.budgetYtd, r.budgetYtd),
      ytd(C.actual, C.actualYtd, r.actualYtd),
      formula(`${ref(C.budgetYtd, row)}-${ref(C.actualYtd, row)}`, r.varianceYtd),
      pct(C.varianceYtd, C.budgetYtd, r.varianceYtd, r.budgetYtd),
      ytd(C.priorYear, C.priorYearYtd, r.priorYearYtd),
      formula(`${ref(C.actualYtd, row)}-${ref(C.priorYearYtd, row)}`, r.actualYtd - r.priorYearYtd),
      r.forecastSource === "workbook" ? sourced("forecast", r.forecast) : formula(`${ref(C.actualYtd, row)}/${reported}*12`, r.forecast),
      text(t(r.forecastSource === "workbook" ? L.forecastWorkbook : L.forecastRunRate, language)),
    ];
  });
  const table = b.table("BalansVariance", top, 0, headers, body);
  b.freezeAt(first, 3);
  b.printArea({ top: 0, left: 0, bottom: table.last, right: C.basis });
  [9, 22, 22, 12, 12, 12, 11, 12, 13, 13, 13, 12, 13, 14, 13, 18].forEach((w, c) => b.width(c, w));
  for (const c of [C.variance, C.varianceYtd]) {
    b.conditional({ range: { top: table.first, left: c, bottom: table.last, right: c }, rule: { type: "lessThan", value: 0 }, fontColor: "#C00000" });
  }

  // Region key figures and the per-division block for the latest month: sums over the latest month's rows.
  const latestRows = ordered.filter((r) => r.month === ordered[0]?.month);
  if (latestRows.length > 0) {
    const from = first;
    const to = first + latestRows.length - 1;
    const side = C.basis + 2;
    const sumOf = (c: number, a = from, z = to) => `SUM(${col(c)}${a + 1}:${col(c)}${z + 1})`;
    const total = (f: (r: VarianceRow) => number) => latestRows.reduce((s, r) => s + f(r), 0);
    b.row(top, side, [text(`${t(L.region, language)} ${latestText}`, "label")]);
    const figures: [string, string, number, "amountBold" | "percentBold"][] = [
      [t(L.budgetYtd, language), sumOf(C.budgetYtd), total((r) => r.budgetYtd), "amountBold"],
      [t(L.actualYtd, language), sumOf(C.actualYtd), total((r) => r.actualYtd), "amountBold"],
      [t(L.varianceYtd, language), sumOf(C.varianceYtd), total((r) => r.varianceYtd), "amountBold"],
      [t(L.priorYearYtd, language), sumOf(C.priorYearYtd), total((r) => r.priorYearYtd), "amountBold"],
      [t(L.forecast, language), sumOf(C.forecast), total((r) => r.forecast), "amountBold"],
    ];
    figures.forEach(([label, f, value, style], i) => b.row(top + 1 + i, side, [text(label), formula(f, value, style)]));
    const budgetRow = top + 1;
    const varianceRow = top + 3;
    const budgetTotal = total((r) => r.budgetYtd);
    b.row(top + 1 + figures.length, side, [
      text(t(L.varianceYtdPct, language)),
      formula(`IF(${ref(side + 1, budgetRow)}=0,"",${ref(side + 1, varianceRow)}/ABS(${ref(side + 1, budgetRow)}))`, budgetTotal === 0 ? "" : total((r) => r.varianceYtd) / Math.abs(budgetTotal), "percentBold"),
    ]);
    b.conditional({ range: { top: varianceRow, left: side + 1, bottom: varianceRow, right: side + 1 }, rule: { type: "lessThan", value: 0 }, fontColor: "#C00000" });

    // Per division: its rows are together within the latest month.
    const blockTop = top + figures.length + 3;
    b.row(blockTop, side, [t(L.byDivision, language), t(L.budgetYtd, language), t(L.actualYtd, language), t(L.varianceYtd, language)].map((h) => text(h, "header")));
    const divisions = [...divisionRank.keys()];
    divisions.forEach((division, i) => {
      const members = latestRows.map((r, j) => ({ r, row: from + j })).filter((x) => x.r.division === division);
      const a = members[0]?.row ?? from;
      const z = members[members.length - 1]?.row ?? from;
      const sumDivision = (f: (r: VarianceRow) => number) => members.reduce((s, x) => s + f(x.r), 0);
      const row = blockTop + 1 + i;
      b.row(row, side, [
        text(division),
        formula(sumOf(C.budgetYtd, a, z), sumDivision((r) => r.budgetYtd)),
        formula(sumOf(C.actualYtd, a, z), sumDivision((r) => r.actualYtd)),
        formula(`${ref(side + 1, row)}-${ref(side + 2, row)}`, sumDivision((r) => r.varianceYtd)),
      ]);
    });
    const lastDivisionRow = blockTop + divisions.length;
    b.width(side, 24);
    for (let c = side + 1; c <= side + 3; c++) b.width(c, 14);
    b.chart({
      type: "column",
      title: language === "sv" ? `Budget och utfall ack per förvaltning, ${latestText}` : `Budget and actual YTD by division, ${latestText}`,
      categories: { top: blockTop + 1, left: side, bottom: lastDivisionRow, right: side },
      series: [
        { name: t(L.budgetYtd, language), values: { top: blockTop + 1, left: side + 1, bottom: lastDivisionRow, right: side + 1 } },
        { name: t(L.actualYtd, language), values: { top: blockTop + 1, left: side + 2, bottom: lastDivisionRow, right: side + 2 } },
      ],
      anchor: { top: lastDivisionRow + 2, left: side, bottom: lastDivisionRow + 20, right: side + 6 },
      valueFormat: "#,##0",
    });
  }
  return b;
}
