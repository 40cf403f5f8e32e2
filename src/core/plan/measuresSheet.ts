import { a1, parseA1, quoteSheetName } from "../address";
import { formatPercent, monthKey, monthName } from "../format";
import type { Language, MeasureRow, ProgrammeRow, WorkbookModel, WorkbookSnapshot } from "../types";
import type { MeasureFollowUp } from "../summary/measures";
import { TITLE_ROWS } from "./layout";
import { numberLiteral } from "./formula";
import type { Cell } from "./sheetBuilder";
import { formula, num, SheetBuilder, text } from "./sheetBuilder";
import { FILLS, L, scopeLine, STATUS_TEXT, t } from "./texts";

const C = { id: 0, description: 1, division: 2, programme: 3, owner: 4, plannedAnnual: 5, start: 6, plannedYtd: 7, realisedYtd: 8, variance: 9, forecast: 10, status: 11, share: 12, baseline: 13 } as const;

/**
 * A live reference to a number in a user sheet, scaled from its unit to the workbook's
 * (`'Åtgärder'!F4*1000`), or null when the cell does not hold a plain number.
 */
export function scaledReference(snapshot: WorkbookSnapshot, sheetName: string, cell: string | undefined, value: number): string | null {
  if (!cell) return null;
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const at = parseA1(cell);
  if (!sheet || !at) return null;
  const raw = sheet.rows[at.row - sheet.top]?.[at.column - sheet.left];
  if (typeof raw !== "number" || !Number.isFinite(raw)) return null;
  const reference = `${quoteSheetName(sheetName)}!${cell}`;
  if (raw === value) return reference;
  if (raw === 0) return null;
  const factor = value / raw;
  const power = Math.round(Math.log10(Math.abs(factor)));
  if (Math.abs(factor - 10 ** power) > 1e-9 * 10 ** power) return null;
  return power > 0 ? `${reference}*${numberLiteral(10 ** power)}` : `${reference}/${numberLiteral(10 ** -power)}`;
}

/**
 * Measure follow-up: one row per measure and, to the right, one per programme with a
 * chart of realised against planned effect. Planned figures are formulas on the
 * measures sheet's cells; realised effect needs the engine's row matching and sharing,
 * so it is a value and the method is written on the sheet.
 */
export function measuresSheet(model: WorkbookModel, snapshot: WorkbookSnapshot, followUp: MeasureFollowUp, language: Language, name: string): SheetBuilder {
  const b = new SheetBuilder("measures", name);
  const latestText = monthName(model.latestMonth, language, model.year);
  const th = model.settings.statusThresholds;
  const baselineText = t(followUp.baseline === "priorYear" ? L.baselinePriorYear : L.baselineBudget, language).toLowerCase();
  b.row(0, 0, [text(language === "sv" ? "Uppföljning av åtgärder för ekonomi i balans" : "Follow-up of savings measures", "title")]);
  b.row(1, 0, [text(scopeLine(language, model.workbook, latestText, model.unit), "subtitle")]);
  b.row(2, 0, [
    text(
      language === "sv"
        ? `Realiserad effekt = ${baselineText} − utfall på de rapportrader åtgärden verkar på (dess förvaltning och konton eller kostnadsslag), rapporterade månader från startmånaden; rader som flera åtgärder verkar på delas i proportion till planerad effekt.`
        : `Realised effect = ${baselineText} − actual on the report rows the measure works on (its division and accounts or categories), over reported months from its start month; rows several measures work on are shared pro rata to planned effect.`,
      "note",
    ),
  ]);
  b.row(3, 0, [
    text(
      language === "sv"
        ? `Planerat hittills = helårseffekt / 12 per rapporterad månad från start (eller åtgärdens egen periodisering). Status: grön från ${formatPercent(th.green, "sv", 0)}, gul från ${formatPercent(th.yellow, "sv", 0)} av planen; prognos = planerat för året × realiserad andel av planen.`
        : `Planned to date = annual effect / 12 per reported month from the start (or the measure's own phasing). Status: green from ${formatPercent(th.green, "en", 0)}, yellow from ${formatPercent(th.yellow, "en", 0)} of plan; forecast = planned for the year × realised share of plan.`,
      "note",
    ),
  ]);

  const headers = [L.id, L.measure, L.division, L.programme, L.owner, L.plannedAnnual, L.startMonth, L.plannedYtd, L.realisedYtd, L.varianceToPlan, L.forecastEffect, L.status, L.share, L.baseline].map((m) => t(m, language));
  const first = TITLE_ROWS + 1;
  const body: (Cell | null)[][] = followUp.rows.map((r, i) => {
    const row = first + i;
    const plan = followUp.plans[i];
    const m = plan.measure;
    const F = a1(row, C.plannedAnnual);
    const reference = m.plannedAnnual === null ? null : scaledReference(snapshot, m.sheet, m.cells.plannedAnnual, m.plannedAnnual);
    const plannedYear = m.phasing ? numberLiteral(plan.plannedYear) : plan.firstMonth === null ? "0" : `${F}*${13 - plan.firstMonth}/12`;
    const started = r.status !== "not-started";
    const start = m.startMonth === null ? "" : monthKey(m.startYear ?? model.year, m.startMonth);
    return [
      text(r.id),
      text(r.description),
      text(r.division),
      text(r.programme),
      text(r.owner),
      reference ? formula(reference, r.plannedAnnual) : num(r.plannedAnnual),
      text(start),
      m.phasing ? num(r.plannedYtd) : formula(`${F}*${plan.reportedMonths.length}/12`, r.plannedYtd),
      num(r.realisedYtd),
      formula(`${a1(row, C.realisedYtd)}-${a1(row, C.plannedYtd)}`, r.varianceYtd),
      started
        ? formula(`IF(${a1(row, C.plannedYtd)}>0,(${plannedYear})*${a1(row, C.realisedYtd)}/${a1(row, C.plannedYtd)},(${plannedYear})+${a1(row, C.realisedYtd)})`, r.forecast)
        : plannedYear === "0"
          ? num(r.forecast)
          : formula(plannedYear, r.forecast),
      text(t(STATUS_TEXT[r.status], language)),
      num(r.share, "percent"),
      text(t(r.baseline === "priorYear" ? L.baselinePriorYear : L.baselineBudget, language)),
    ];
  });
  const table = b.table("BalansMeasures", TITLE_ROWS, 0, headers, body);
  b.freezeAt(first, 2);
  [9, 36, 16, 30, 22, 13, 10, 13, 13, 13, 13, 11, 12, 14].forEach((w, c) => b.width(c, w));
  statusColours(b, { top: table.first, left: C.status, bottom: table.last, right: C.status }, language);
  b.conditional({ range: { top: table.first, left: C.variance, bottom: table.last, right: C.variance }, rule: { type: "lessThan", value: 0 }, fontColor: "#C00000" });

  // Measures are few: the programme table and its chart fit below them, where they print too.
  programmeBlock(b, model, snapshot, followUp.rows, followUp.programmes, first, language, table.last + 3, latestText);
  return b;
}

export function statusColours(b: SheetBuilder, range: { top: number; left: number; bottom: number; right: number }, language: Language): void {
  const fills = { green: FILLS.green, yellow: FILLS.yellow, red: FILLS.red, "not-started": FILLS.grey } as const;
  for (const status of ["green", "yellow", "red", "not-started"] as const) {
    b.conditional({ range, rule: { type: "textEquals", text: t(STATUS_TEXT[status], language) }, fill: fills[status] });
  }
}

function programmeBlock(
  b: SheetBuilder,
  model: WorkbookModel,
  snapshot: WorkbookSnapshot,
  measures: readonly MeasureRow[],
  programmes: readonly ProgrammeRow[],
  firstMeasureRow: number,
  language: Language,
  top: number,
  latestText: string,
): void {
  // From the description column on, whose width suits programme names.
  const left = C.description;
  if (programmes.length === 0) return;
  const P = { name: 0, target: 1, planned: 2, gap: 3, plannedYtd: 4, realisedYtd: 5, variance: 6, forecast: 7, status: 8 };
  const headers = [L.programme, L.target, L.plannedAnnual, L.targetGap, L.plannedYtd, L.realisedYtd, L.varianceToPlan, L.forecastEffect, L.status].map((m) => t(m, language));
  const fold = (s: string) => s.trim().toLowerCase();
  const first = top + 1;
  const body = programmes.map((p, i) => {
    const row = first + i;
    const members = measures.map((m, j) => ({ m, row: firstMeasureRow + j })).filter((x) => fold(x.m.programme) === fold(p.programme));
    const sumOf = (column: number, value: number): Cell => {
      if (members.length === 0) return num(value);
      const refs = members.map((x) => a1(x.row, column));
      return formula(refs.length <= 200 ? `SUM(${refs.join(",")})` : refs.join("+"), value);
    };
    const source = model.programmes.find((q) => fold(q.name) === fold(p.programme));
    const targetReference = source && p.target !== null ? scaledReference(snapshot, source.sheet, source.targetCell, p.target) : null;
    const target: Cell | null = p.target === null ? null : targetReference ? formula(targetReference, p.target) : num(p.target);
    const col = (c: number) => left + c;
    return [
      text(p.programme === "" ? t(L.noProgramme, language) : p.programme),
      target,
      sumOf(C.plannedAnnual, p.plannedAnnual),
      p.target === null ? null : formula(`${a1(row, col(P.planned))}-${a1(row, col(P.target))}`, p.plannedAnnual - p.target),
      sumOf(C.plannedYtd, p.plannedYtd),
      sumOf(C.realisedYtd, p.realisedYtd),
      formula(`${a1(row, col(P.realisedYtd))}-${a1(row, col(P.plannedYtd))}`, p.varianceYtd),
      sumOf(C.forecast, p.forecast),
      text(t(STATUS_TEXT[p.status], language)),
    ];
  });
  const table = b.table("BalansProgrammes", top, left, headers, body, "TableStyleMedium4");
  statusColours(b, { top: table.first, left: left + P.status, bottom: table.last, right: left + P.status }, language);
  b.chart({
    type: "column",
    title: language === "sv" ? `Realiserad mot planerad effekt per program, t.o.m. ${latestText}` : `Realised against planned effect by programme, through ${latestText}`,
    categories: { top: table.first, left: left + P.name, bottom: table.last, right: left + P.name },
    series: [
      { name: t(L.plannedYtd, language), values: { top: table.first, left: left + P.plannedYtd, bottom: table.last, right: left + P.plannedYtd } },
      { name: t(L.realisedYtd, language), values: { top: table.first, left: left + P.realisedYtd, bottom: table.last, right: left + P.realisedYtd } },
    ],
    anchor: { top: table.last + 3, left, bottom: table.last + 21, right: left + 7 },
    valueFormat: "#,##0",
  });
}
