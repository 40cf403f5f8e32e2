/**
 * Arithmetic: totals rows against their details, months against year to date, the
 * workbook's variance column against budget and actual. All on source values (what the
 * cells say): `amount × sign` for detail rows; totals rows are kept as in the source.
 */
import { a1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { AmountField, Finding, Language, ReportRow, ReportSheetLayout, TotalsRow, WorkbookModel } from "../types";
import { AMOUNT_FIELDS } from "../types";
import type { CheckInput } from "./input";
import { amountColumn, cellOf, groupOf, isUnreadable, layoutOf, rowIndex, type RowIndex } from "./rowIndex";
import { agrees, FIELD_LABELS, monthSpan, nameKey, num } from "./text";

const F = AMOUNT_FIELDS.length;

/**
 * Running sums of source values over some detail rows, for the amount fields a sheet's
 * totals rows state (only those: at 600 000 rows every field summed costs time).
 */
class Sums {
  readonly sum = new Float64Array(F);
  /** The part of `sum` read from numbers stored as text (Excel's SUM leaves them out). */
  readonly text = new Float64Array(F);
  readonly unreadable = new Uint8Array(F);
  count = 0;

  constructor(private readonly fields: readonly number[]) {}

  /** Adds row i. */
  add(model: WorkbookModel, index: RowIndex, i: number): void {
    this.count++;
    for (const f of this.fields) {
      const value = index.amounts[f][i];
      if (Number.isNaN(value)) {
        if (isUnreadable(model, index, i, AMOUNT_FIELDS[f])) this.unreadable[f] = 1;
        continue;
      }
      const source = value * index.signs[i];
      this.sum[f] += source;
      if (index.textNumbers[i] & (1 << f)) this.text[f] += source;
    }
  }

  /** Adds another sum's rows (kept apart while the other is still needed). */
  merge(other: Sums): void {
    for (const f of this.fields) {
      this.sum[f] += other.sum[f];
      this.text[f] += other.text[f];
      this.unreadable[f] |= other.unreadable[f];
    }
    this.count += other.count;
  }

  clear(): void {
    this.sum.fill(0);
    this.text.fill(0);
    this.unreadable.fill(0);
    this.count = 0;
  }

  copy(): Sums {
    const out = new Sums(this.fields);
    out.sum.set(this.sum);
    out.text.set(this.text);
    out.unreadable.set(this.unreadable);
    out.count = this.count;
    return out;
  }
}

/** Totals labels that mean the whole sheet so far (as `nameKey`). */
const GRAND_TOTAL_LABELS: ReadonlySet<string> = new Set(["totalt", "total", "summatotalt", "summatotal", "totalsumma", "grandtotal", "summaalla", "totaltregion"]);
/** Words a totals label may carry before a division's name. */
const TOTAL_WORDS = /^(summa|delsumma|totalt|total|sum|subtotal)\s*/i;

interface Candidate {
  readonly sums: Sums;
  readonly what: "block" | "division" | "sheet" | "below";
  readonly division?: string;
}

/**
 * `ARITH-TOTAL`. For each totals row, the details it may mean (any one matching is
 * enough): the rows since the previous totals row; the rows of a division the label
 * names, on the sheet (and in the same month, for ledger sheets); for a grand total
 * (`Totalt`, `Total`, or no detail rows since the previous totals row) all rows since
 * the top of the sheet; the rows below it up to the next totals row (a total written
 * above its block). A field is skipped when the totals cell is empty or any
 * candidate has a detail cell the reader could not read (the sum is unknown, and the
 * reader has already reported that cell). Tolerance: see `agrees` (half a unit of the
 * totals cell's last decimal, at least 0,005).
 */
export function totalsRows({ model }: CheckInput): Finding[] {
  if (model.totals.length === 0) return [];
  const index = rowIndex(model);
  const sheetCount = model.reportSheets.length;
  const totalsBySheet: TotalsRow[][] = Array.from({ length: sheetCount }, () => []);
  for (const t of model.totals) totalsBySheet[t.sheet]?.push(t);
  const detailsBySheet: number[][] = Array.from({ length: sheetCount }, () => []);
  for (let i = 0; i < index.sheets.length; i++) {
    const s = index.sheets[i];
    if (totalsBySheet[s]?.length) detailsBySheet[s].push(i);
  }

  const out: Finding[] = [];
  for (let s = 0; s < sheetCount; s++) {
    const totals = totalsBySheet[s];
    if (totals.length === 0) continue;
    const layout = model.reportSheets[s];
    const fields = AMOUNT_FIELDS.map((_, f) => f).filter((f) => layout.columns[AMOUNT_FIELDS[f]] !== undefined && totals.some((t) => t.amounts[AMOUNT_FIELDS[f]] !== null));
    if (fields.length === 0) continue;
    const details = sortedByRow(index, detailsBySheet[s]);
    totals.sort((a, b) => a.row - b.row);
    const divisionSums = divisionTotals(model, index, layout, details, fields);

    const sinceTop = new Sums(fields);
    const sinceLast = new Sums(fields);
    let d = 0;
    totals.forEach((total, t) => {
      while (d < details.length && index.rowNumbers[details[d]] < total.row) sinceLast.add(model, index, details[d++]);
      sinceTop.merge(sinceLast);
      // The rows since the previous totals row settle almost every totals row; the other candidates are only built when they do not.
      const block: Candidate | undefined = sinceLast.count > 0 ? { sums: sinceLast.copy(), what: "block" } : undefined;
      const grand: Candidate | undefined = GRAND_TOTAL_LABELS.has(nameKey(total.label)) || sinceLast.count === 0 ? { sums: sinceTop.copy(), what: "sheet" } : undefined;
      sinceLast.clear();
      const unsettled = block ? fields.filter((f) => !settles(total, f, block)) : fields;
      if (unsettled.length === 0) return;
      // Some reports put a block's total above it: the rows below, up to the next totals row.
      const below = new Sums(fields);
      const next = totals[t + 1]?.row ?? Infinity;
      for (let k = d; k < details.length && index.rowNumbers[details[k]] < next; k++) below.add(model, index, details[k]);
      // A grand total above every detail row means the whole sheet.
      if (grand && grand.sums.count === 0 && GRAND_TOTAL_LABELS.has(nameKey(total.label))) {
        for (let k = d; k < details.length; k++) grand.sums.add(model, index, details[k]);
      }
      const candidates = [
        ...(block ? [block] : []),
        ...divisionSums(total),
        ...(grand && grand.sums.count > 0 ? [grand] : []),
        ...(below.count > 0 ? [{ sums: below, what: "below" } as const] : []),
      ];
      if (candidates.length > 0) out.push(...totalFindings(layout, total, unsettled, candidates));
    });
  }
  return out;
}

/** Row indices ordered by sheet row; the reader already gives them in order, so usually no sort. */
function sortedByRow(index: RowIndex, rows: number[]): number[] {
  const at = index.rowNumbers;
  for (let k = 1; k < rows.length; k++) {
    if (at[rows[k - 1]] > at[rows[k]]) return rows.sort((a, b) => at[a] - at[b]);
  }
  return rows;
}

/**
 * The division candidates of a totals row: the divisions its label names, each summed
 * over the sheet (and, on a ledger, over the totals row's month too). The sums are
 * built on first use, so sheets whose labels never name a division pay nothing.
 */
function divisionTotals(model: WorkbookModel, index: RowIndex, layout: ReportSheetLayout, details: readonly number[], fields: readonly number[]): (total: TotalsRow) => Candidate[] {
  let names: Map<string, string> | undefined;
  let divisions: string[] = [];
  let sums: Map<string, Sums> | undefined;
  const build = (): Map<string, Sums> => {
    const map = new Map<string, Sums>();
    for (const i of details) {
      const division = index.divisionKeys[index.divisionIds[i]];
      if (division === "") continue;
      for (const key of layout.shape === "ledger" ? [division, `${index.months[i]}\u0001${division}`] : [division]) {
        let entry = map.get(key);
        if (!entry) map.set(key, (entry = new Sums(fields)));
        entry.add(model, index, i);
      }
    }
    return map;
  };
  return (total) => {
    if (!names) {
      names = new Map<string, string>();
      for (const i of details) if (!names.has(index.divisionKeys[index.divisionIds[i]])) names.set(index.divisionKeys[index.divisionIds[i]], model.rows[i].division);
      names.delete("");
      divisions = [...names.keys()];
    }
    const named = namedDivisions(total.label, divisions);
    if (named.length === 0) return [];
    sums ??= build();
    const out: Candidate[] = [];
    for (const division of named) {
      const keys = layout.shape === "ledger" ? [`${total.month}\u0001${division}`, division] : [division];
      for (const key of keys) {
        const entry = sums.get(key);
        if (entry) out.push({ sums: entry, what: "division", division: names.get(division) });
      }
    }
    return out;
  };
}

/**
 * Divisions a totals label names. The common case (`Summa Kirurgi`) is the label minus
 * its totals word, looked up directly; otherwise a contains-search, bounded so a sheet
 * with thousands of divisions and totals rows stays linear in practice.
 */
function namedDivisions(label: string, divisions: readonly string[]): string[] {
  const rest = nameKey(label.trim().replace(TOTAL_WORDS, ""));
  if (rest !== "" && divisions.includes(rest)) return [rest];
  if (divisions.length > 200) return [];
  const folded = nameKey(label);
  return divisions.filter((d) => folded.includes(d));
}

/** True when the candidate's sum agrees with the totals cell of field `f`, or the cell is empty. */
function settles(total: TotalsRow, f: number, candidate: Candidate): boolean {
  const stated = total.amounts[AMOUNT_FIELDS[f]];
  return stated === null || (candidate.sums.unreadable[f] === 0 && agrees(stated, candidate.sums.sum[f]));
}

function totalFindings(layout: ReportSheetLayout, total: TotalsRow, fields: readonly number[], candidates: readonly Candidate[]): Finding[] {
  const out: Finding[] = [];
  for (const f of fields) {
    const field = AMOUNT_FIELDS[f];
    const stated = total.amounts[field];
    if (stated === null) continue;
    if (candidates.some((c) => c.sums.unreadable[f] === 1)) continue;
    if (candidates.some((c) => agrees(stated, c.sums.sum[f]))) continue;
    // Say what the closest candidate adds up to: that is most likely the rows the total means.
    const main = candidates.reduce((best, c) => (Math.abs(stated - c.sums.sum[f]) < Math.abs(stated - best.sums.sum[f]) ? c : best));
    const computed = main.sums.sum[f];
    const textNote = main.sums.text[f] !== 0 && agrees(stated, computed - main.sums.text[f]);
    const scope = (lang: Language): string => {
      const sv = lang === "sv";
      switch (main.what) {
        case "block":
          return sv ? "raderna ovanför (sedan föregående summarad)" : "the rows above it (since the previous totals row)";
        case "division":
          return sv ? `förvaltningen ${main.division}s rader` : `the rows of division ${main.division}`;
        case "sheet":
          return sv ? "bladets alla rader" : "all the sheet's rows";
        case "below":
          return sv ? "raderna under (fram till nästa summarad)" : "the rows below it (up to the next totals row)";
      }
    };
    const diff = stated - computed;
    out.push(
      finding(RULES.totalMismatch, layout.sheet, a1(total.row, layout.columns[field] as number), {
        sv:
          `${total.label}: ${FIELD_LABELS[field].sv} är ${num(stated, "sv")} men ${scope("sv")} summerar till ${num(computed, "sv")} (skillnad ${num(diff, "sv")}).` +
          (textNote ? " Summan stämmer om talen lagrade som text utelämnas, som Excels SUMMA gör: gör om dem till tal." : ""),
        en:
          `${total.label}: ${FIELD_LABELS[field].en} is ${num(stated, "en")} but ${scope("en")} add up to ${num(computed, "en")} (difference ${num(diff, "en")}).` +
          (textNote ? " It matches when the numbers stored as text are left out, as Excel's SUM does: convert them to numbers." : ""),
      }),
    );
  }
  return out;
}

const YTD_PAIRS: readonly (readonly [AmountField, AmountField])[] = [
  ["budgetYtd", "budget"],
  ["actualYtd", "actual"],
  ["priorYearYtd", "priorYear"],
];

/**
 * `ARITH-YTD`: a year-to-date cell against the sum of the same key's monthly cells over
 * January to its month (a key absent in a month counts 0). Compared on normalised
 * amounts, which share one sign across sheets; figures are shown as the YTD cell's
 * sheet writes them. Skipped when a month up to then is missing from the workbook
 * (`STRUCT-MONTH-MISSING` says so), the key appears twice in one of those months
 * (`MASTER-DUPLICATE-ROW`), or a monthly cell up to then is unknown (column absent on
 * that sheet, or unreadable).
 */
export function yearToDate({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const present = new Set(model.months);
  // complete[m]: every month 1..m has a report.
  const complete: boolean[] = [true];
  for (let m = 1; m <= 12; m++) complete[m] = complete[m - 1] && present.has(m);

  const out: Finding[] = [];
  const monthly = new Float64Array(13 * YTD_PAIRS.length);
  const unknown = new Uint8Array(13 * YTD_PAIRS.length);
  const counts = new Uint16Array(13);
  const duplicatedUpTo = new Uint8Array(13);
  const check = (i: number, pair: number, ytd: number, sum: number): void => {
    const sign = index.signs[i];
    const stated = ytd * sign;
    const computed = sum * sign;
    if (agrees(stated, computed)) return;
    // Only mismatches get here: the row object and the message are the expensive part.
    const row = model.rows[i];
    const [ytdField, field] = YTD_PAIRS[pair];
    const m = row.month;
    const span = (lang: Language) => monthSpan(1, m, lang);
    out.push(
      finding(RULES.ytdMismatch, layoutOf(model, row).sheet, cellOf(model, row, ytdField), {
        sv: `${capital(FIELD_LABELS[ytdField].sv)} för ${monthName(m, "sv")} är ${num(stated, "sv")} men ${FIELD_LABELS[field].sv} ${span("sv")} summerar till ${num(computed, "sv")} (skillnad ${num(stated - computed, "sv")}) för ${describe(row, "sv")}.`,
        en: `${capital(FIELD_LABELS[ytdField].en)} for ${monthName(m, "en")} is ${num(stated, "en")} but ${FIELD_LABELS[field].en} ${span("en")} adds up to ${num(computed, "en")} (difference ${num(stated - computed, "en")}) for ${describe(row, "en")}.`,
      }),
    );
  };
  // Flat columns: a key's rows lie months apart among the row objects.
  const monthlyColumns = YTD_PAIRS.map(([, field]) => amountColumn(model, field));
  const ytdColumns = YTD_PAIRS.map(([ytd]) => amountColumn(model, ytd));
  const { months } = index;
  for (let g = 0; g < index.groupCount; g++) {
    const group = groupOf(index, g);
    let anyYtd = false;
    for (const i of group) {
      if (!Number.isNaN(ytdColumns[0][i]) || !Number.isNaN(ytdColumns[1][i]) || !Number.isNaN(ytdColumns[2][i])) {
        anyYtd = true;
        break;
      }
    }
    if (!anyYtd) continue;
    monthly.fill(0);
    unknown.fill(0);
    counts.fill(0);
    for (const i of group) {
      const m = months[i];
      counts[m]++;
      for (let p = 0; p < YTD_PAIRS.length; p++) {
        const value = monthlyColumns[p][i];
        if (!Number.isNaN(value)) monthly[p * 13 + m] += value;
        else if (unknownMonthly(model, index, i, YTD_PAIRS[p][1])) unknown[p * 13 + m] = 1;
      }
    }
    // Prefix sums over the months, so each row's check is O(1).
    for (let m = 1; m <= 12; m++) {
      duplicatedUpTo[m] = duplicatedUpTo[m - 1] | (counts[m] > 1 ? 1 : 0);
      for (let p = 0; p < YTD_PAIRS.length; p++) {
        monthly[p * 13 + m] += monthly[p * 13 + m - 1];
        unknown[p * 13 + m] |= unknown[p * 13 + m - 1];
      }
    }
    for (const i of group) {
      const m = months[i];
      if (!complete[m] || duplicatedUpTo[m]) continue;
      for (let p = 0; p < YTD_PAIRS.length; p++) {
        const ytd = ytdColumns[p][i];
        if (!Number.isNaN(ytd) && !unknown[p * 13 + m]) check(i, p, ytd, monthly[p * 13 + m]);
      }
    }
  }
  return out;
}

/** A blank monthly cell counts 0; a missing column or an unreadable cell leaves the month unknown. */
function unknownMonthly(model: WorkbookModel, index: RowIndex, i: number, field: AmountField): boolean {
  return model.reportSheets[index.sheets[i]].columns[field] === undefined || isUnreadable(model, index, i, field);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(row: ReportRow, lang: Language): string {
  const parts: string[] = [];
  if (row.costCentre) parts.push(`${lang === "sv" ? "ansvar" : "cost centre"} ${row.costCentre}`);
  if (row.account) parts.push(`${lang === "sv" ? "konto" : "account"} ${row.account}`);
  return parts.join(", ");
}

type Convention = "actualMinusBudget" | "budgetMinusActual";

const CONVENTION_TEXT: Readonly<Record<Convention, { sv: string; en: string }>> = {
  actualMinusBudget: { sv: "utfall − budget", en: "actual − budget" },
  budgetMinusActual: { sv: "budget − utfall", en: "budget − actual" },
};

/**
 * `ARITH-VARIANCE`: where a sheet has its own variance column, the convention most of
 * its rows follow (actual − budget or budget − actual; actual − budget on a tie) and
 * every row that does not follow it. Blank budget or actual counts 0; a row with an
 * unreadable budget, actual or variance cell is skipped.
 */
export function varianceColumn({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const sheetCount = model.reportSheets.length;
  const checked = new Uint32Array(sheetCount);
  const actualFirst = new Uint32Array(sheetCount);
  const budgetFirst = new Uint32Array(sheetCount);
  // Per row: USABLE, and which convention(s) it follows. The second pass reads only these flags.
  const USABLE = 1;
  const ACTUAL_FIRST = 2;
  const BUDGET_FIRST = 4;
  const flags = new Uint8Array(model.rows.length);
  const usableSheet = model.reportSheets.map((l) => l.columns.variance !== undefined && l.columns.budget !== undefined && l.columns.actual !== undefined);
  const variances = amountColumn(model, "variance");
  const budgets = amountColumn(model, "budget");
  const actuals = amountColumn(model, "actual");
  for (let i = 0; i < flags.length; i++) {
    const s = index.sheets[i];
    const v = variances[i];
    if (!usableSheet[s] || Number.isNaN(v) || isUnreadable(model, index, i, "budget") || isUnreadable(model, index, i, "actual")) continue;
    // Compared on normalised values: the relation and the tolerance are the same on the source's,
    // since all three amounts share the row's sign.
    const b = Number.isNaN(budgets[i]) ? 0 : budgets[i];
    const a = Number.isNaN(actuals[i]) ? 0 : actuals[i];
    let flag = USABLE;
    if (agrees(v, a - b)) flag |= ACTUAL_FIRST;
    if (agrees(v, b - a)) flag |= BUDGET_FIRST;
    flags[i] = flag;
    checked[s]++;
    if (flag & ACTUAL_FIRST) actualFirst[s]++;
    if (flag & BUDGET_FIRST) budgetFirst[s]++;
  }
  const conventions: Convention[] = Array.from(checked, (_, s) => (budgetFirst[s] > actualFirst[s] ? "budgetMinusActual" : "actualMinusBudget"));
  const out: Finding[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    if (flag === 0) continue;
    const row = model.rows[i];
    const convention = conventions[row.sheet];
    if (flag & (convention === "actualMinusBudget" ? ACTUAL_FIRST : BUDGET_FIRST)) continue;
    const variance = (row.amounts.variance ?? 0) * row.sign;
    const budget = (row.amounts.budget ?? 0) * row.sign;
    const actual = (row.amounts.actual ?? 0) * row.sign;
    const expected = convention === "actualMinusBudget" ? actual - budget : budget - actual;
    const following = convention === "actualMinusBudget" ? actualFirst[row.sheet] : budgetFirst[row.sheet];
    const total = checked[row.sheet];
    const formula = (lang: Language) =>
      convention === "actualMinusBudget" ? `${num(actual, lang)} − ${num(budget, lang)}` : `${num(budget, lang)} − ${num(actual, lang)}`;
    out.push(
      finding(RULES.varianceMismatch, layoutOf(model, row).sheet, cellOf(model, row, "variance"), {
        sv: `Avvikelsen är ${num(variance, "sv")} men ${CONVENTION_TEXT[convention].sv} = ${formula("sv")} = ${num(expected, "sv")} (skillnad ${num(variance - expected, "sv")}). Bladets konvention är ${CONVENTION_TEXT[convention].sv}, som ${following} av ${total} rader följer.`,
        en: `The variance is ${num(variance, "en")} but ${CONVENTION_TEXT[convention].en} = ${formula("en")} = ${num(expected, "en")} (difference ${num(variance - expected, "en")}). The sheet's convention is ${CONVENTION_TEXT[convention].en}, which ${following} of ${total} rows follow.`,
      }),
    );
  }
  return out;
}

export const arithmeticChecks = [totalsRows, yearToDate, varianceColumn] as const;
