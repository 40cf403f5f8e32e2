/** Plausibility: figures that are possible but usually a mistake, or need a word of explanation. */
import { rangeA1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, Language, ReportRow, WorkbookModel } from "../types";
import type { CheckInput } from "./input";
import { cellOf, hasColumn, isUnreadable, layoutOf, rowIndex, rowOrder, sourceValue } from "./rowIndex";
import { listText, money, pct } from "./text";

function describe(row: ReportRow, lang: Language): string {
  const parts: string[] = [];
  if (row.costCentre) parts.push(`${lang === "sv" ? "ansvar" : "cost centre"} ${row.costCentre}`);
  if (row.account) parts.push(`${lang === "sv" ? "konto" : "account"} ${row.account}${row.accountName ? ` ${row.accountName}` : ""}`);
  return parts.join(", ");
}

function monthList(mask: number, lang: Language): string {
  const names: string[] = [];
  for (let m = 1; m <= 12; m++) if (mask & (1 << m)) names.push(monthName(m, lang));
  return listText(names, lang);
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * The last closed month: the latest month in which any row has a non-zero actual. A
 * ledger may carry budget for the whole year; months after this one are not reported
 * yet, so a budget without actual there is expected.
 */
export function lastClosedMonth(model: WorkbookModel): number {
  let last = 0;
  for (const row of model.rows) {
    const actual = row.amounts.actual;
    if (actual !== null && actual !== 0 && row.month > last) last = row.month;
  }
  return last === 0 ? model.latestMonth : last;
}

/**
 * Per key (division + cost centre + account), the months where `matches` holds and the
 * latest such row; one warning per key at that row.
 */
function perKeyLatest(model: WorkbookModel, matches: (row: ReportRow) => boolean): { row: ReportRow; months: number }[] {
  const index = rowIndex(model);
  const out: { row: ReportRow; months: number }[] = [];
  for (const group of index.byKey.values()) {
    let months = 0;
    let latest: ReportRow | undefined;
    for (const i of group) {
      const row = model.rows[i];
      if (!matches(row)) continue;
      months |= 1 << row.month;
      if (!latest || rowOrder(model, row) > rowOrder(model, latest)) latest = row;
    }
    if (latest) out.push({ row: latest, months });
  }
  return out;
}

/** `PLAUS-ACTUAL-NO-BUDGET`: a material actual where the budget is blank or 0, once per key at its latest month. */
export function actualWithoutBudget({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const min = model.settings.jumpMinAmount;
  const unit = model.unit;
  const hits = perKeyLatest(model, (row) => {
    const actual = row.amounts.actual;
    if (actual === null || Math.abs(actual) < min || !hasColumn(model, row, "budget")) return false;
    const budget = row.amounts.budget;
    return budget === 0 || (budget === null && !isUnreadable(model, index, row, "budget"));
  });
  return hits.map(({ row, months }) => {
    const actual = sourceValue(row, "actual") ?? 0;
    const count = bitCount(months);
    return finding(RULES.actualWithoutBudget, layoutOf(model, row).sheet, cellOf(model, row, "actual"), {
      sv: `Utfall ${money(actual, "sv", unit)} i ${monthName(row.month, "sv")} utan budget för ${describe(row, "sv")}; utfall utan budget i ${count} ${count === 1 ? "månad" : "månader"} (${monthList(months, "sv")}).`,
      en: `Actual ${money(actual, "en", unit)} in ${monthName(row.month, "en")} without a budget for ${describe(row, "en")}; actual without budget in ${count} ${count === 1 ? "month" : "months"} (${monthList(months, "en")}).`,
    });
  });
}

/** `PLAUS-BUDGET-NO-ACTUAL`: a material budget with a blank or zero actual in a closed month, once per key at its latest month. */
export function budgetWithoutActual({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const min = model.settings.jumpMinAmount;
  const closed = lastClosedMonth(model);
  const unit = model.unit;
  const hits = perKeyLatest(model, (row) => {
    const budget = row.amounts.budget;
    if (row.month > closed || budget === null || Math.abs(budget) < min || !hasColumn(model, row, "actual")) return false;
    const actual = row.amounts.actual;
    return actual === 0 || (actual === null && !isUnreadable(model, index, row, "actual"));
  });
  return hits.map(({ row, months }) => {
    const budget = sourceValue(row, "budget") ?? 0;
    const count = bitCount(months);
    return finding(RULES.budgetWithoutActual, layoutOf(model, row).sheet, cellOf(model, row, "actual"), {
      sv: `Budget ${money(budget, "sv", unit)} i ${monthName(row.month, "sv")} men inget utfall för ${describe(row, "sv")}; budget utan utfall i ${count} ${count === 1 ? "månad" : "månader"} (${monthList(months, "sv")}).`,
      en: `Budget ${money(budget, "en", unit)} in ${monthName(row.month, "en")} but no actual for ${describe(row, "en")}; budget without actual in ${count} ${count === 1 ? "month" : "months"} (${monthList(months, "en")}).`,
    });
  });
}

/** `PLAUS-SIGN-FLIP`: a material actual with the sign of the other side: a credit on a cost account, a charge on an income account. */
export function signFlips({ model }: CheckInput): Finding[] {
  const min = model.settings.jumpMinAmount;
  const unit = model.unit;
  const out: Finding[] = [];
  for (const row of model.rows) {
    const actual = row.amounts.actual;
    if (actual === null || Math.abs(actual) < min) continue;
    const income = row.accountClass === "income";
    if (income ? actual <= 0 : actual >= 0) continue;
    const source = actual * row.sign;
    const costs = (lang: Language) =>
      row.sign === 1 ? (lang === "sv" ? "kostnader positiva och intäkter negativa" : "costs positive and income negative") : lang === "sv" ? "kostnader negativa och intäkter positiva" : "costs negative and income positive";
    out.push(
      finding(RULES.signFlip, layoutOf(model, row).sheet, cellOf(model, row, "actual"), {
        sv: `Utfall ${money(source, "sv", unit)} i ${monthName(row.month, "sv")} för ${describe(row, "sv")} har oväntat tecken: bladet har ${costs("sv")}, så beloppet är ${income ? "en kostnad på ett intäktskonto" : "en kreditering på ett kostnadskonto"}.`,
        en: `Actual ${money(source, "en", unit)} in ${monthName(row.month, "en")} for ${describe(row, "en")} has an unexpected sign: the sheet has ${costs("en")}, so the amount is ${income ? "a cost on an income account" : "a credit on a cost account"}.`,
      }),
    );
  }
  return out;
}

/**
 * `PLAUS-JUMP`: for each key and month, the actual against the run rate (the mean
 * actual of the key's earlier months, at least two of them). Duplicate rows of a key in
 * one month are added up, as the summaries do; a month with an unreadable actual is
 * neither checked nor part of a run rate.
 */
export function jumps({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const { jumpShare, jumpMinAmount } = model.settings;
  const unit = model.unit;
  const out: Finding[] = [];
  const sums = new Float64Array(13);
  const last: (ReportRow | undefined)[] = new Array(13);
  for (const group of index.byKey.values()) {
    if (group.length < 3) continue;
    sums.fill(0);
    last.fill(undefined);
    let present = 0;
    let unknown = 0;
    for (const i of group) {
      const row = model.rows[i];
      const actual = row.amounts.actual;
      if (actual === null && (!hasColumn(model, row, "actual") || isUnreadable(model, index, row, "actual"))) {
        unknown |= 1 << row.month;
        continue;
      }
      sums[row.month] += actual ?? 0;
      present |= 1 << row.month;
      const previous = last[row.month];
      if (!previous || rowOrder(model, row) > rowOrder(model, previous)) last[row.month] = row;
    }
    present &= ~unknown;
    let total = 0;
    let count = 0;
    for (let m = 1; m <= 12; m++) {
      if (!(present & (1 << m))) continue;
      const actual = sums[m];
      if (count >= 2) {
        const runRate = total / count;
        const gap = Math.abs(actual - runRate);
        if (gap > jumpShare * Math.abs(runRate) && gap > jumpMinAmount) {
          const row = last[m] as ReportRow;
          const change = runRate === 0 ? null : (actual - runRate) / Math.abs(runRate);
          const shown = (x: number, lang: Language) => money(x * row.sign, lang, unit);
          const changeText = (lang: Language) => (change === null ? "" : `, ${change > 0 ? "+" : ""}${pct(change, lang)}`);
          out.push(
            finding(RULES.jump, layoutOf(model, row).sheet, cellOf(model, row, "actual"), {
              sv: `Utfall ${shown(actual, "sv")} i ${monthName(m, "sv")} mot en månadstakt på ${shown(runRate, "sv")} (medel av ${count} tidigare månader${changeText("sv")}) för ${describe(row, "sv")}.`,
              en: `Actual ${shown(actual, "en")} in ${monthName(m, "en")} against a run rate of ${shown(runRate, "en")} (mean of ${count} earlier months${changeText("en")}) for ${describe(row, "en")}.`,
            }),
          );
        }
      }
      total += actual;
      count++;
    }
  }
  return out;
}

/**
 * `PLAUS-COMMENT-MISSING`: a variance above both thresholds (amount, and share of the
 * budget) in a closed month with an empty comment cell. Sheets without a comment column
 * cannot be checked: one warning for the workbook says so, at the first such sheet's
 * header, and only when some row there would have needed a comment.
 */
export function missingComments({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const { commentThresholdAmount, commentThresholdShare } = model.settings;
  const closed = lastClosedMonth(model);
  const unit = model.unit;
  const out: Finding[] = [];
  const uncheckable = new Map<number, number>();
  for (const row of model.rows) {
    if (row.month > closed || !hasColumn(model, row, "budget") || !hasColumn(model, row, "actual")) continue;
    if (isUnreadable(model, index, row, "budget") || isUnreadable(model, index, row, "actual")) continue;
    const budget = row.amounts.budget ?? 0;
    const actual = row.amounts.actual ?? 0;
    const gap = Math.abs(budget - actual);
    if (gap <= commentThresholdAmount || gap <= commentThresholdShare * Math.abs(budget)) continue;
    if (!hasColumn(model, row, "comment")) {
      uncheckable.set(row.sheet, (uncheckable.get(row.sheet) ?? 0) + 1);
      continue;
    }
    if (row.comment.trim() !== "") continue;
    const b = budget * row.sign;
    const a = actual * row.sign;
    out.push(
      finding(RULES.commentMissing, layoutOf(model, row).sheet, cellOf(model, row, "comment"), {
        sv: `Avvikelse ${money(gap, "sv", unit)} (budget ${money(b, "sv", unit)}, utfall ${money(a, "sv", unit)}) i ${monthName(row.month, "sv")} för ${describe(row, "sv")} är över gränsen ${money(commentThresholdAmount, "sv", unit)} och ${pct(commentThresholdShare, "sv")} av budget men saknar kommentar.`,
        en: `Variance ${money(gap, "en", unit)} (budget ${money(b, "en", unit)}, actual ${money(a, "en", unit)}) in ${monthName(row.month, "en")} for ${describe(row, "en")} is above the threshold of ${money(commentThresholdAmount, "en", unit)} and ${pct(commentThresholdShare, "en")} of budget but has no comment.`,
      }),
    );
  }
  if (uncheckable.size > 0) {
    const sheets = [...uncheckable.keys()].map((s) => model.reportSheets[s]).sort((a, b) => a.sheetIndex - b.sheetIndex);
    const first = sheets[0];
    const rows = [...uncheckable.values()].reduce((a, b) => a + b, 0);
    const used = Object.values(first.columns).filter((c): c is number => c !== undefined);
    const cell = rangeA1(first.headerRow, Math.min(...used), first.headerRow, Math.max(...used));
    const names = sheets.map((s) => s.sheet);
    out.push(
      finding(RULES.commentMissing, first.sheet, cell, {
        sv: `Kommentarer kan inte kontrolleras: ${names.length === 1 ? "bladet" : "bladen"} ${listText(names, "sv")} saknar kommentarskolumn, och ${rows} ${rows === 1 ? "rad har" : "rader har"} en avvikelse över gränsen ${money(commentThresholdAmount, "sv", unit)} och ${pct(commentThresholdShare, "sv")} av budget.`,
        en: `Comments cannot be checked: ${names.length === 1 ? "sheet" : "sheets"} ${listText(names, "en")} ${names.length === 1 ? "has" : "have"} no comment column, and ${rows} ${rows === 1 ? "row has" : "rows have"} a variance above the threshold of ${money(commentThresholdAmount, "en", unit)} and ${pct(commentThresholdShare, "en")} of budget.`,
      }),
    );
  }
  return out;
}

export const plausibilityChecks = [actualWithoutBudget, budgetWithoutActual, signFlips, jumps, missingComments] as const;
