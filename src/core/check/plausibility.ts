/** Plausibility: figures that are possible but usually a mistake, or need a word of explanation. */
import { rangeA1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, Language, ReportRow, WorkbookModel } from "../types";
import type { CheckInput } from "./input";
import { amountColumn, cellOf, groupOf, INCOME_CLASS, isUnreadable, layoutOf, rowIndex, sourceValue } from "./rowIndex";
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

const closedMonths = new WeakMap<WorkbookModel, number>();

/**
 * The last closed month: the latest month in which any row has a non-zero actual. A
 * ledger may carry budget for the whole year; months after this one are not reported
 * yet, so a budget without actual there is expected.
 */
export function lastClosedMonth(model: WorkbookModel): number {
  const cached = closedMonths.get(model);
  if (cached !== undefined) return cached;
  const index = rowIndex(model);
  const actuals = amountColumn(model, "actual");
  let last = 0;
  for (let i = 0; i < actuals.length; i++) {
    // NaN (blank) fails both comparisons.
    if ((actuals[i] > 0 || actuals[i] < 0) && index.months[i] > last) last = index.months[i];
  }
  const closed = last === 0 ? model.latestMonth : last;
  closedMonths.set(model, closed);
  return closed;
}

/**
 * Per key (division + cost centre + account), the months of the rows where `matches`
 * holds and the latest such row; one warning per key at that row. One pass in row
 * order, the per-key state in flat arrays.
 */
function perKeyLatest(model: WorkbookModel, matches: (i: number) => boolean): { row: ReportRow; months: number }[] {
  const index = rowIndex(model);
  const months = new Int32Array(index.groupCount);
  const latest = new Int32Array(index.groupCount).fill(-1);
  for (let i = 0; i < index.groupOfRow.length; i++) {
    const g = index.groupOfRow[i];
    if (g < 0 || !matches(i)) continue;
    months[g] |= 1 << index.months[i];
    if (latest[g] < 0 || index.order[i] > index.order[latest[g]]) latest[g] = i;
  }
  const out: { row: ReportRow; months: number }[] = [];
  latest.forEach((i, g) => {
    if (i >= 0) out.push({ row: model.rows[i], months: months[g] });
  });
  return out;
}

/** True when amount `value` of row i is 0, or blank (NaN) and not because the cell was unreadable. */
function zeroOrBlank(model: WorkbookModel, i: number, value: number, field: "budget" | "actual"): boolean {
  return value === 0 || (Number.isNaN(value) && !isUnreadable(model, rowIndex(model), i, field));
}

/** `PLAUS-ACTUAL-NO-BUDGET`: a material actual where the budget is blank or 0, once per key at its latest month. */
export function actualWithoutBudget({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const min = model.settings.jumpMinAmount;
  const unit = model.unit;
  const budgets = amountColumn(model, "budget");
  const actuals = amountColumn(model, "actual");
  const hasBudget = model.reportSheets.map((l) => l.columns.budget !== undefined);
  // A blank actual (NaN) fails `>= min`.
  const hits = perKeyLatest(model, (i) => Math.abs(actuals[i]) >= min && hasBudget[index.sheets[i]] && zeroOrBlank(model, i, budgets[i], "budget"));
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
  const budgets = amountColumn(model, "budget");
  const actuals = amountColumn(model, "actual");
  const hasActual = model.reportSheets.map((l) => l.columns.actual !== undefined);
  const hits = perKeyLatest(
    model,
    (i) => index.months[i] <= closed && Math.abs(budgets[i]) >= min && hasActual[index.sheets[i]] && zeroOrBlank(model, i, actuals[i], "actual"),
  );
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
  const index = rowIndex(model);
  const min = model.settings.jumpMinAmount;
  const unit = model.unit;
  const actuals = amountColumn(model, "actual");
  const out: Finding[] = [];
  for (let i = 0; i < actuals.length; i++) {
    const actual = actuals[i];
    // Blank (NaN) and small actuals fail this test.
    if (!(Math.abs(actual) >= min)) continue;
    const income = index.classes[i] === INCOME_CLASS;
    if (income ? actual <= 0 : actual >= 0) continue;
    const row = model.rows[i];
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
  const last = new Int32Array(13);
  const actuals = amountColumn(model, "actual");
  for (let g = 0; g < index.groupCount; g++) {
    const group = groupOf(index, g);
    if (group.length < 3) continue;
    sums.fill(0);
    last.fill(-1);
    let present = 0;
    let unknown = 0;
    for (const i of group) {
      const month = index.months[i];
      const actual = actuals[i];
      if (Number.isNaN(actual) && (model.reportSheets[index.sheets[i]].columns.actual === undefined || isUnreadable(model, index, i, "actual"))) {
        unknown |= 1 << month;
        continue;
      }
      sums[month] += Number.isNaN(actual) ? 0 : actual;
      present |= 1 << month;
      const previous = last[month];
      if (previous < 0 || index.order[i] > index.order[previous]) last[month] = i;
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
          const row = model.rows[last[m]];
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
  const budgets = amountColumn(model, "budget");
  const actuals = amountColumn(model, "actual");
  const checkable = model.reportSheets.map((l) => l.columns.budget !== undefined && l.columns.actual !== undefined);
  const hasComment = model.reportSheets.map((l) => l.columns.comment !== undefined);
  for (let i = 0; i < budgets.length; i++) {
    const s = index.sheets[i];
    if (index.months[i] > closed || !checkable[s]) continue;
    const budget = Number.isNaN(budgets[i]) ? 0 : budgets[i];
    const actual = Number.isNaN(actuals[i]) ? 0 : actuals[i];
    const gap = Math.abs(budget - actual);
    if (gap <= commentThresholdAmount || gap <= commentThresholdShare * Math.abs(budget)) continue;
    if (isUnreadable(model, index, i, "budget") || isUnreadable(model, index, i, "actual")) continue;
    if (!hasComment[s]) {
      uncheckable.set(s, (uncheckable.get(s) ?? 0) + 1);
      continue;
    }
    const row = model.rows[i];
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
