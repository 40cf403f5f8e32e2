import { a1 } from "../address";
import { formatPercent, monthName } from "../format";
import type { AccountClass, HiredStaffRow, Language, Profession, WorkbookModel } from "../types";
import { REGION_TOTAL } from "../types";
import { TITLE_ROWS, monthSerial } from "./layout";
import type { Cell } from "./sheetBuilder";
import { formula, num, SheetBuilder, text } from "./sheetBuilder";
import type { SourceSums } from "./sourceSums";
import { FILLS, L, PROFESSION_TEXT, scopeLine, t } from "./texts";

const SEP = "\u0000";
const C = { month: 0, division: 1, profession: 2, cost: 3, costYtd: 4, own: 5, ownYtd: 6, denominator: 7, share: 8, target: 9, prior: 10, priorYtd: 11, change: 12 } as const;
const CLASS_OF: Readonly<Record<Exclude<Profession, "all">, AccountClass>> = { doctors: "hiredDoctors", nurses: "hiredNurses", other: "hiredOther" };

/**
 * Hired staff per month, division and profession, with the region total, the share of
 * personnel costs against the target and the change on the prior year. Month costs are
 * live sums of the report cells; totals and year to date are formulas within the table.
 * To the right, the region's share by month against the target, as a table and a chart.
 */
export function hiredStaffSheet(model: WorkbookModel, rows: readonly HiredStaffRow[], sums: SourceSums, language: Language, name: string, date1904: boolean): SheetBuilder {
  const b = new SheetBuilder("hired-staff", name);
  const latestText = monthName(model.latestMonth, language, model.year);
  const target = model.settings.hiredShareTarget;
  const allStaff = model.settings.hiredShareDenominator === "allStaff";
  b.row(0, 0, [text(language === "sv" ? "Inhyrd personal: kostnad och andel av personalkostnaderna" : "Hired staff: cost and share of personnel costs", "title")]);
  b.row(1, 0, [text(scopeLine(language, model.workbook, latestText, model.unit), "subtitle")]);
  b.row(2, 0, [
    text(
      language === "sv"
        ? `Andel = kostnad för inhyrd personal ack / ${allStaff ? "alla personalkostnader (egen och inhyrd)" : "kostnader för egen personal"} ack; målet är ${formatPercent(target, "sv", 1)}. Kontona för egen och inhyrd personal följer inställningarna.`
        : `Share = hired-staff cost YTD / ${allStaff ? "all personnel costs (own and hired)" : "own personnel costs"} YTD; the target is ${formatPercent(target, "en", 1)}. The accounts for own and hired staff follow the settings.`,
      "note",
    ),
  ]);
  b.row(3, 0, [
    text(
      language === "sv"
        ? "Månadens kostnader är formler som summerar cellerna i månadsbladen; Alla = summan av yrkesgrupperna, Region = summan av förvaltningarna, ack = månaden plus föregående månads ack."
        : "The month's costs are formulas summing the cells of the month sheets; All = the sum of the professions, Region = the sum of the divisions, YTD = the month plus the previous month's YTD.",
      "note",
    ),
  ]);

  const headers = [L.month, L.division, L.profession, L.hiredCost, L.hiredCostYtd, L.ownStaff, L.ownStaffYtd, allStaff ? L.denominatorAll : L.denominatorOwn, L.hiredShare, L.target, L.priorYearHired, L.priorYearHiredYtd, L.changeOnPriorYear].map((m) => t(m, language));
  const first = TITLE_ROWS + 1;
  const monthsDesc = [...new Set(rows.map((r) => r.month))].sort().reverse();
  const divisions = [...new Set(rows.map((r) => r.division))];
  const professions: Profession[] = ["doctors", "nurses", "other", "all"];
  const ordered = monthsDesc.flatMap((m) => divisions.flatMap((d) => professions.map((p) => rows.find((r) => r.month === m && r.division === d && r.profession === p) as HiredStaffRow)));
  const rowOf = new Map<string, number>();
  ordered.forEach((r, i) => rowOf.set(`${r.month}${SEP}${r.division}${SEP}${r.profession}`, first + i));
  const monthsAsc = [...monthsDesc].reverse();
  const previous = new Map(monthsAsc.map((m, i) => [m, monthsAsc[i - 1] ?? ""]));
  const at = (month: string, division: string, profession: Profession) => rowOf.get(`${month}${SEP}${division}${SEP}${profession}`) as number;
  const divisionsOnly = divisions.filter((d) => d !== REGION_TOTAL);

  const body: (Cell | null)[][] = ordered.map((r) => {
    const row = at(r.month, r.division, r.profession);
    const month = Number(r.month.slice(5, 7));
    const prev = previous.get(r.month) ? at(previous.get(r.month) as string, r.division, r.profession) : undefined;
    const ytd = (monthColumn: number, ytdColumn: number, value: number) => formula(prev === undefined ? a1(row, monthColumn) : `${a1(row, monthColumn)}+${a1(prev, ytdColumn)}`, value);
    const source = (accountClass: AccountClass, field: "actual" | "priorYear"): Cell => {
      const sum = sums.sum("class", `${r.division}${SEP}${accountClass}`, month, field);
      return sum.formula === null || sum.formula === "0" ? num(sum.value) : formula(sum.formula, sum.value);
    };
    const across = (column: number, rowsToAdd: number[], value: number) => formula(rowsToAdd.map((x) => a1(x, column)).join("+") || "0", value);
    const region = r.division === REGION_TOTAL;
    const doctorsRow = at(r.month, r.division, "doctors");
    let cost: Cell;
    let prior: Cell;
    if (region) {
      const members = divisionsOnly.map((d) => at(r.month, d, r.profession));
      cost = across(C.cost, members, r.cost);
      prior = across(C.prior, members, priorYearHired(r, divisionsOnly, sums));
    } else if (r.profession === "all") {
      const members = (["doctors", "nurses", "other"] as const).map((p) => at(r.month, r.division, p));
      cost = across(C.cost, members, r.cost);
      prior = across(C.prior, members, priorYearHired(r, divisionsOnly, sums));
    } else {
      cost = source(CLASS_OF[r.profession], "actual");
      prior = source(CLASS_OF[r.profession], "priorYear");
    }
    const ownMonth = region
      ? divisionsOnly.reduce((s, d) => s + sums.sum("class", `${d}${SEP}ownStaff`, month, "actual").value, 0)
      : sums.sum("class", `${r.division}${SEP}ownStaff`, month, "actual").value;
    let own: Cell;
    if (r.profession !== "doctors") own = formula(a1(doctorsRow, C.own), ownMonth);
    else if (region) own = across(C.own, divisionsOnly.map((d) => at(r.month, d, "doctors")), ownMonth);
    else own = source("ownStaff", "actual");
    const allRow = at(r.month, r.division, "all");
    const denominatorValue = r.ownStaffCostYtd + (allStaff ? rows.find((x) => x.month === r.month && x.division === r.division && x.profession === "all")?.costYtd ?? 0 : 0);
    return [
      num(monthSerial(model.year, month, date1904), "month"),
      text(r.division),
      text(t(PROFESSION_TEXT[r.profession], language), r.profession === "all" ? "label" : undefined),
      cost,
      ytd(C.cost, C.costYtd, r.costYtd),
      own,
      ytd(C.own, C.ownYtd, r.ownStaffCostYtd),
      formula(allStaff ? `${a1(row, C.ownYtd)}+${a1(allRow, C.costYtd)}` : a1(row, C.ownYtd), denominatorValue),
      formula(`IF(${a1(row, C.denominator)}=0,0,${a1(row, C.costYtd)}/${a1(row, C.denominator)})`, r.share, "percent"),
      num(target, "percent"),
      prior,
      ytd(C.prior, C.priorYtd, r.priorYearCostYtd),
      formula(`IF(${a1(row, C.priorYtd)}=0,"",${a1(row, C.costYtd)}/${a1(row, C.priorYtd)}-1)`, r.priorYearCostYtd === 0 ? "" : r.costYtd / r.priorYearCostYtd - 1, "percent"),
    ];
  });
  const table = b.table("BalansHiredStaff", TITLE_ROWS, 0, headers, body);
  b.freezeAt(first, 3);
  b.printArea({ top: 0, left: 0, bottom: table.last, right: C.change });
  [9, 22, 15, 13, 14, 13, 14, 16, 11, 8, 13, 14, 12].forEach((w, c) => b.width(c, w));
  b.conditional({ range: { top: table.first, left: C.share, bottom: table.last, right: C.share }, rule: { type: "greaterThan", value: target }, fill: FILLS.red });

  // The region's share by month against the target, and a chart of it.
  const side = C.change + 2;
  b.row(TITLE_ROWS, side, [t(L.month, language), t(L.hiredShare, language), t(L.target, language)].map((h) => text(h, "header")));
  monthsAsc.forEach((m, i) => {
    const regionRow = at(m, REGION_TOTAL, "all");
    const r = rows.find((x) => x.month === m && x.division === REGION_TOTAL && x.profession === "all") as HiredStaffRow;
    // The month as text here: it labels the chart's axis, where a date would show as a serial number.
    b.row(TITLE_ROWS + 1 + i, side, [text(m), formula(a1(regionRow, C.share), r.share, "percent"), num(target, "percent")]);
  });
  const lastMonthRow = TITLE_ROWS + monthsAsc.length;
  b.width(side, 22);
  b.width(side + 1, 16);
  b.width(side + 2, 16);

  // The latest month per division.
  const latest = monthsDesc[0];
  const blockTop = lastMonthRow + 2;
  b.row(blockTop, side, [t(L.division, language), t(L.hiredShare, language), t(L.hiredCostYtd, language), t(L.priorYearHiredYtd, language)].map((h) => text(h, "header")));
  divisions.forEach((d, i) => {
    const source = at(latest, d, "all");
    const r = rows.find((x) => x.month === latest && x.division === d && x.profession === "all") as HiredStaffRow;
    b.row(blockTop + 1 + i, side, [text(d), formula(a1(source, C.share), r.share, "percent"), formula(a1(source, C.costYtd), r.costYtd), formula(a1(source, C.priorYtd), r.priorYearCostYtd)]);
  });
  b.conditional({ range: { top: blockTop + 1, left: side + 1, bottom: blockTop + divisions.length, right: side + 1 }, rule: { type: "greaterThan", value: target }, fill: FILLS.red });
  b.width(side + 3, 16);

  b.chart({
    type: "line",
    title: language === "sv" ? `Andel hyrpersonal i regionen mot målet ${formatPercent(target, "sv", 1)}` : `Hired-staff share in the region against the ${formatPercent(target, "en", 1)} target`,
    categories: { top: TITLE_ROWS + 1, left: side, bottom: lastMonthRow, right: side },
    series: [
      { name: t(L.hiredShare, language), values: { top: TITLE_ROWS + 1, left: side + 1, bottom: lastMonthRow, right: side + 1 } },
      { name: t(L.target, language), values: { top: TITLE_ROWS + 1, left: side + 2, bottom: lastMonthRow, right: side + 2 } },
    ],
    anchor: { top: blockTop + divisions.length + 2, left: side, bottom: blockTop + divisions.length + 20, right: side + 6 },
    valueFormat: "0.0 %",
  });
  return b;
}

/** The engine's prior-year hired cost in the month of a total row (region or all professions). */
function priorYearHired(r: HiredStaffRow, divisions: readonly string[], sums: SourceSums): number {
  const month = Number(r.month.slice(5, 7));
  const classes: AccountClass[] = r.profession === "all" ? ["hiredDoctors", "hiredNurses", "hiredOther"] : [CLASS_OF[r.profession as Exclude<Profession, "all">]];
  const scope = r.division === REGION_TOTAL ? divisions : [r.division];
  return scope.reduce((s, d) => s + classes.reduce((t2, c) => t2 + sums.sum("class", `${d}${SEP}${c}`, month, "priorYear").value, 0), 0);
}
