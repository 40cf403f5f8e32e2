import { ACCOUNT_CLASSES, AMOUNT_INDEX, rowIndex } from "../check/rowIndex";
import { accountNumber, CLASS_LABELS } from "../read/classify";
import { foldText } from "../read/text";
import type { Measure, MeasureRow, MeasureStatus, ProgrammeRow, StatusThresholds, WorkbookModel } from "../types";
import { orZero } from "./groups";
import { round6 } from "./variance";

const ALL_DIVISIONS = new Set(["", "alla", "all", "samtliga", "hela regionen", "region"].map(foldText));

/** How a measure's plan runs through the year, as the follow-up uses it. */
export interface MeasurePlan {
  readonly measure: Measure;
  /** First month (1–12) the measure counts in this year; null when it is not active this year. */
  readonly firstMonth: number | null;
  /** Reported months from `firstMonth` through the latest month: plan and realisation are compared over these. */
  readonly reportedMonths: readonly number[];
  /** Planned effect for the whole report year (from the first month, or the phasing). */
  readonly plannedYear: number;
  readonly plannedYtd: number;
}

export interface MeasureFollowUp {
  readonly rows: MeasureRow[];
  readonly plans: MeasurePlan[];
  readonly programmes: ProgrammeRow[];
  readonly baseline: "priorYear" | "budget";
}

/** The first month a measure counts in the report year: all year if it started earlier, none if later or unknown. */
function firstMonthOf(measure: Measure, year: number): number | null {
  if (measure.startMonth === null) {
    // A measure with its own phasing but no start month starts where its phasing does.
    const first = measure.phasing ? measure.phasing.findIndex((v) => v !== 0) : -1;
    return first >= 0 ? first + 1 : null;
  }
  if (measure.startYear !== null && measure.startYear < year) return 1;
  if (measure.startYear !== null && measure.startYear > year) return null;
  return measure.startMonth;
}

export function planOf(measure: Measure, model: WorkbookModel): MeasurePlan {
  const firstMonth = firstMonthOf(measure, model.year);
  const annual = measure.plannedAnnual ?? 0;
  const reportedMonths = firstMonth === null ? [] : model.months.filter((m) => m >= firstMonth && m <= model.latestMonth);
  let plannedYear: number;
  let plannedYtd: number;
  if (measure.phasing) {
    const phasing = measure.phasing;
    plannedYear = phasing.reduce((a, b) => a + b, 0);
    plannedYtd = model.months.filter((m) => m <= model.latestMonth).reduce((sum, m) => sum + phasing[m - 1], 0);
  } else {
    plannedYear = firstMonth === null ? 0 : (annual * (13 - firstMonth)) / 12;
    plannedYtd = (annual * reportedMonths.length) / 12;
  }
  return { measure, firstMonth, reportedMonths, plannedYear, plannedYtd };
}

export function statusOf(planned: number, realised: number, started: boolean, thresholds: StatusThresholds): MeasureStatus {
  if (!started) return "not-started";
  const ratio = planned > 0 ? realised / planned : realised >= planned ? 1 : 0;
  if (ratio >= thresholds.green) return "green";
  if (ratio >= thresholds.yellow) return "yellow";
  return "red";
}

/** Expected effect for the year: planned for the year × the share of plan realised so far. */
export function forecastOf(plannedYear: number, plannedYtd: number, realisedYtd: number): number {
  return plannedYtd > 0 ? (plannedYear * realisedYtd) / plannedYtd : plannedYear + realisedYtd;
}

/**
 * Follows up each measure. Realised effect = baseline − actual on the report rows the
 * measure works on (its division, its accounts or categories), over the reported
 * months from its start; baseline = prior-year actual where the reports have it, else
 * the budget. A row several active measures work on is shared between them pro rata
 * to their planned annual effect.
 */
export function measureFollowUp(model: WorkbookModel): MeasureFollowUp {
  // The analysis and the measures sheet both ask; the model never changes, so once is enough.
  const cached = followUps.get(model);
  if (cached) return cached;
  const followUp = computeFollowUp(model);
  followUps.set(model, followUp);
  return followUp;
}

const followUps = new WeakMap<WorkbookModel, MeasureFollowUp>();

function computeFollowUp(model: WorkbookModel): MeasureFollowUp {
  const plans = model.measures.map((m) => planOf(m, model));
  const baseline: "priorYear" | "budget" =
    model.reportSheets.length > 0 && model.reportSheets.every((s) => s.columns.priorYear !== undefined) ? "priorYear" : "budget";

  const matchers = model.measures.map((m) => ({
    anyDivision: ALL_DIVISIONS.has(foldText(m.division)),
    division: foldText(m.division),
    ranges: m.links.accounts,
    categories: new Set(m.links.categories.map(foldText)),
  }));
  const realised = new Array<number>(model.measures.length).fill(0);
  const index = rowIndex(model);
  // What a row is matched on depends only on its division, account, category and class;
  // these repeat, so the measures that match are worked out once per combination.
  const divisions = index.divisionTexts.map(foldText);
  const numbers = index.accountTexts.map(accountNumber);
  const categories = index.categoryTexts.map(foldText);
  const classLabels = ACCOUNT_CLASSES.map((cls) => foldText(CLASS_LABELS[cls]));
  const matching = (division: number, account: number, category: number, cls: number): number[] => {
    const number = numbers[account];
    const out: number[] = [];
    matchers.forEach((matcher, i) => {
      if (plans[i].firstMonth === null) return;
      if (!matcher.anyDivision && matcher.division !== divisions[division]) return;
      const byAccount = !Number.isNaN(number) && matcher.ranges.some((r) => number >= r.from && number <= r.to);
      const byCategory = !byAccount && matcher.categories.size > 0 && (matcher.categories.has(categories[category]) || matcher.categories.has(classLabels[cls]));
      if (byAccount || byCategory) out.push(i);
    });
    return out;
  };
  const byCombination = new Map<number, number[]>();
  const accountCount = index.accountTexts.length;
  const categoryCount = index.categoryTexts.length;
  const base = index.amounts[AMOUNT_INDEX[baseline]];
  const actual = index.amounts[AMOUNT_INDEX.actual];
  const planned = model.measures.map((m) => Math.max(0, m.plannedAnnual ?? 0));
  const linked: number[] = [];
  let lastCombination = -1;
  let candidates: number[] = [];
  for (let row = 0; row < index.months.length; row++) {
    const division = index.divisionTextIds[row];
    const account = index.accountTextIds[row];
    const category = index.categoryTextIds[row];
    const cls = index.classes[row];
    const combination = ((division * accountCount + account) * categoryCount + category) * ACCOUNT_CLASSES.length + cls;
    if (combination !== lastCombination) {
      let found = byCombination.get(combination);
      if (!found) byCombination.set(combination, (found = matching(division, account, category, cls)));
      candidates = found;
      lastCombination = combination;
    }
    if (candidates.length === 0) continue;
    const month = index.months[row];
    linked.length = 0;
    let plannedSum = 0;
    for (const i of candidates) {
      if (month < (plans[i].firstMonth as number) || month > model.latestMonth) continue;
      linked.push(i);
      plannedSum += planned[i];
    }
    if (linked.length === 0) continue;
    const effect = orZero(base[row]) - orZero(actual[row]);
    for (const i of linked) {
      const weight = plannedSum > 0 ? planned[i] / plannedSum : 1 / linked.length;
      realised[i] += effect * weight;
    }
  }

  const thresholds = model.settings.statusThresholds;
  const rows: MeasureRow[] = plans.map((plan, i) => {
    const m = plan.measure;
    const started = plan.reportedMonths.length > 0;
    const realisedYtd = started ? realised[i] : 0;
    const share = shareOf(i, model, plans, matchers);
    return {
      id: m.id,
      programme: m.programme,
      division: m.division,
      description: m.description,
      owner: m.owner,
      plannedAnnual: round6(m.plannedAnnual ?? 0),
      plannedYtd: round6(plan.plannedYtd),
      realisedYtd: round6(realisedYtd),
      varianceYtd: round6(realisedYtd - plan.plannedYtd),
      forecast: round6(started ? forecastOf(plan.plannedYear, plan.plannedYtd, realisedYtd) : plan.plannedYear),
      status: statusOf(plan.plannedYtd, realisedYtd, started, thresholds),
      share: round6(share),
      baseline,
    };
  });

  return { rows, plans, programmes: programmeRows(model, rows), baseline };
}

/**
 * A measure's share of the effect on its rows, as one number for the sheet: its planned
 * effect over the planned effect of all measures that touch the same division and
 * links (1 when it shares its rows with no other measure).
 */
function shareOf(
  i: number,
  model: WorkbookModel,
  plans: readonly MeasurePlan[],
  matchers: readonly { anyDivision: boolean; division: string; ranges: readonly { from: number; to: number }[]; categories: ReadonlySet<string> }[],
): number {
  const me = matchers[i];
  const own = Math.max(0, model.measures[i].plannedAnnual ?? 0);
  let total = 0;
  let sharing = 0;
  matchers.forEach((other, j) => {
    if (plans[j].firstMonth === null) return;
    const sameDivision = me.anyDivision || other.anyDivision || me.division === other.division;
    const overlap =
      me.ranges.some((a) => other.ranges.some((b) => a.from <= b.to && b.from <= a.to)) || [...me.categories].some((c) => other.categories.has(c));
    if (!sameDivision || !overlap) return;
    sharing++;
    total += Math.max(0, model.measures[j].plannedAnnual ?? 0);
  });
  if (sharing <= 1) return 1;
  return total > 0 ? own / total : 1 / sharing;
}

/** Per programme: the sum of its measures, against the programme's target. */
function programmeRows(model: WorkbookModel, rows: readonly MeasureRow[]): ProgrammeRow[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const fold = (name: string) => foldText(name);
  for (const p of model.programmes) if (!seen.has(fold(p.name)) && seen.add(fold(p.name))) names.push(p.name);
  for (const r of rows) if (!seen.has(fold(r.programme)) && seen.add(fold(r.programme))) names.push(r.programme);
  const thresholds = model.settings.statusThresholds;
  return names.map((name) => {
    const members = rows.filter((r) => fold(r.programme) === fold(name));
    const sum = (f: (r: MeasureRow) => number) => members.reduce((a, r) => a + f(r), 0);
    const plannedYtd = sum((r) => r.plannedYtd);
    const realisedYtd = sum((r) => r.realisedYtd);
    const started = members.some((r) => r.status !== "not-started");
    return {
      programme: name,
      target: model.programmes.find((p) => fold(p.name) === fold(name))?.target ?? null,
      plannedAnnual: round6(sum((r) => r.plannedAnnual)),
      plannedYtd: round6(plannedYtd),
      realisedYtd: round6(realisedYtd),
      varianceYtd: round6(realisedYtd - plannedYtd),
      forecast: round6(sum((r) => r.forecast)),
      status: statusOf(plannedYtd, realisedYtd, started, thresholds),
    };
  });
}
