/** Hired staff (inhyrd personal): the share against the target, and the cost against the prior year. */
import { a1 } from "../address";
import { finding } from "../findings";
import { monthKey, monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, HiredStaffRow, Language, ReportSheetLayout, WorkbookModel } from "../types";
import { REGION_TOTAL } from "../types";
import type { CheckInput } from "./input";
import { sheetsInTabOrder } from "./rowIndex";
import { money, nameKey, pct } from "./text";

/**
 * The latest month's division rows for all professions. The region's own total row is
 * left out: it has no division cell to point at, and its divisions are reported one by one.
 */
function latestDivisionRows({ model, hiredStaff }: CheckInput): HiredStaffRow[] {
  const all = hiredStaff.filter((r) => r.profession === "all");
  if (all.length === 0) return [];
  let latest = monthKey(model.year, model.latestMonth);
  if (!all.some((r) => r.month === latest)) latest = all.reduce((max, r) => (r.month > max ? r.month : max), all[0].month);
  return all.filter((r) => r.month === latest && r.division !== REGION_TOTAL);
}

interface Anchor {
  readonly sheet: string;
  /** Division key → cell of the division's first row on the latest report sheet. */
  readonly cells: ReadonlyMap<string, string>;
  readonly fallback: string;
}

/** Where a division's hired-staff finding points: its first row on the latest month's report sheet. */
function anchor(model: WorkbookModel): Anchor {
  const sheets = sheetsInTabOrder(model);
  const latest = model.latestMonth;
  const layout: ReportSheetLayout | undefined =
    sheets.find((l) => l.shape === "month" && l.month === latest) ??
    sheets.find((l) => model.rows.some((r) => r.month === latest && model.reportSheets[r.sheet] === l)) ??
    sheets[sheets.length - 1];
  if (!layout) return { sheet: "", cells: new Map(), fallback: "" };
  const s = model.reportSheets.indexOf(layout);
  const firstRow = new Map<string, number>();
  for (const row of model.rows) {
    if (row.sheet !== s || row.month !== latest) continue;
    const key = nameKey(row.division);
    const known = firstRow.get(key);
    if (known === undefined || row.row < known) firstRow.set(key, row.row);
  }
  const column = layout.columns.division ?? 0;
  const cells = new Map<string, string>();
  for (const [key, row] of firstRow) cells.set(key, a1(row, column));
  return { sheet: layout.sheet, cells, fallback: "A1" };
}

function denominatorLabel(model: WorkbookModel, lang: Language): string {
  const own = model.settings.hiredShareDenominator === "ownStaff";
  if (lang === "sv") return own ? "egna personalkostnader" : "alla personalkostnader (egen och inhyrd personal)";
  return own ? "own personnel costs" : "all personnel costs (own and hired staff)";
}

/** `HIRED-SHARE`: a division whose hired-staff cost so far this year is above the target share. */
export function hiredShare(input: CheckInput): Finding[] {
  const { model } = input;
  const target = model.settings.hiredShareTarget;
  const rows = latestDivisionRows(input).filter((r) => r.share > target);
  if (rows.length === 0) return [];
  const at = anchor(model);
  const unit = model.unit;
  return rows.map((r) => {
    const denominator = model.settings.hiredShareDenominator === "ownStaff" ? r.ownStaffCostYtd : r.ownStaffCostYtd + r.costYtd;
    const month = (lang: Language) => monthName(Number(r.month.slice(5)) || model.latestMonth, lang);
    return finding(RULES.hiredShare, at.sheet, at.cells.get(nameKey(r.division)) ?? at.fallback, {
      sv: `${r.division}: hyrpersonal ${money(r.costYtd, "sv", unit)} till och med ${month("sv")} är ${pct(r.share, "sv")} av ${denominatorLabel(model, "sv")} (${money(denominator, "sv", unit)}), över målet ${pct(target, "sv")}.`,
      en: `${r.division}: hired staff ${money(r.costYtd, "en", unit)} up to ${month("en")} is ${pct(r.share, "en")} of ${denominatorLabel(model, "en")} (${money(denominator, "en", unit)}), above the target of ${pct(target, "en")}.`,
    });
  });
}

/** Growth that counts as up: more than 1 % over the prior year and at least the jump minimum amount. */
export const HIRED_UP_FACTOR = 1.01;

/** `HIRED-UP`: a division whose hired-staff cost so far this year is up on the same period last year. */
export function hiredUp(input: CheckInput): Finding[] {
  const { model } = input;
  const min = model.settings.jumpMinAmount;
  const rows = latestDivisionRows(input).filter((r) => r.costYtd > r.priorYearCostYtd * HIRED_UP_FACTOR && r.costYtd - r.priorYearCostYtd >= min);
  if (rows.length === 0) return [];
  const at = anchor(model);
  const unit = model.unit;
  return rows.map((r) => {
    const change = r.priorYearCostYtd > 0 ? (r.costYtd - r.priorYearCostYtd) / r.priorYearCostYtd : null;
    const changeText = (lang: Language) => (change === null ? (lang === "sv" ? "ny kostnad i år" : "a new cost this year") : `+${pct(change, lang)}`);
    const month = (lang: Language) => monthName(Number(r.month.slice(5)) || model.latestMonth, lang);
    return finding(RULES.hiredUp, at.sheet, at.cells.get(nameKey(r.division)) ?? at.fallback, {
      sv: `${r.division}: hyrpersonal ${money(r.costYtd, "sv", unit)} till och med ${month("sv")} mot ${money(r.priorYearCostYtd, "sv", unit)} samma period föregående år (${changeText("sv")}).`,
      en: `${r.division}: hired staff ${money(r.costYtd, "en", unit)} up to ${month("en")} against ${money(r.priorYearCostYtd, "en", unit)} for the same period last year (${changeText("en")}).`,
    });
  });
}

export const hiredStaffChecks = [hiredShare, hiredUp] as const;
