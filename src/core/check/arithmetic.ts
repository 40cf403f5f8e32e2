/**
 * Arithmetic: totals rows against their details, months against year to date, the
 * workbook's variance column against budget and actual. All on source values (what the
 * cells say): `amount × sign` for detail rows; totals rows are kept as in the source.
 */
import { a1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { AmountField, Finding, Language, ReportRow, TotalsRow, WorkbookModel } from "../types";
import { AMOUNT_FIELDS } from "../types";
import type { CheckInput } from "./input";
import { cellOf, hasColumn, isUnreadable, layoutOf, rowIndex, sourceValue, type RowIndex } from "./rowIndex";
import { agrees, FIELD_LABELS, monthSpan, nameKey, num } from "./text";

const F = AMOUNT_FIELDS.length;

/** Running sums of source values per amount field over some detail rows. */
class Sums {
  readonly sum = new Float64Array(F);
  /** The part of `sum` read from numbers stored as text (Excel's SUM leaves them out). */
  readonly text = new Float64Array(F);
  readonly unreadable = new Uint8Array(F);
  count = 0;

  add(model: WorkbookModel, index: RowIndex, row: ReportRow): void {
    this.count++;
    for (let f = 0; f < F; f++) {
      const value = row.amounts[AMOUNT_FIELDS[f]];
      if (value === null) {
        if (isUnreadable(model, index, row, AMOUNT_FIELDS[f])) this.unreadable[f] = 1;
        continue;
      }
      const source = value * row.sign;
      this.sum[f] += source;
      if (row.textNumbers & (1 << f)) this.text[f] += source;
    }
  }

  clear(): void {
    this.sum.fill(0);
    this.text.fill(0);
    this.unreadable.fill(0);
    this.count = 0;
  }

  copy(): Sums {
    const out = new Sums();
    out.sum.set(this.sum);
    out.text.set(this.text);
    out.unreadable.set(this.unreadable);
    out.count = this.count;
    return out;
  }
}

/** Totals labels that mean the whole sheet so far. */
const GRAND_TOTAL_LABELS: ReadonlySet<string> = new Set(["totalt", "total", "summatotalt", "summatotal", "totalsumma", "grandtotal", "summaalla", "totaltregion"]);
/** Words a totals label may carry around a division's name. */
const TOTAL_WORDS = /^(summa|delsumma|totalt|total|sum|subtotal)\s*/i;

/**
 * `ARITH-TOTAL`. For each totals row, the details it may mean (any one matching is
 * enough): the rows since the previous totals row; the rows of a division the label
 * names, on the sheet (and in the same month, for ledger sheets); for a grand total
 * (`Totalt`, `Total`, or no detail rows since the previous totals row) all rows since
 * the top of the sheet. A field is skipped when the totals cell is empty or any
 * candidate has a detail cell the reader could not read (the sum is unknown, and the
 * reader has already reported that cell). Tolerance: see `agrees` (half a unit of the
 * totals cell's last decimal, at least 0,005).
 */
export function totalsRows({ model }: CheckInput): Finding[] {
  if (model.totals.length === 0) return [];
  const index = rowIndex(model);
  const sheetCount = model.reportSheets.length;
  const detailsBySheet: number[][] = Array.from({ length: sheetCount }, () => []);
  model.rows.forEach((row, i) => detailsBySheet[row.sheet]?.push(i));
  const totalsBySheet: TotalsRow[][] = Array.from({ length: sheetCount }, () => []);
  for (const t of model.totals) totalsBySheet[t.sheet]?.push(t);

  const out: Finding[] = [];
  for (let s = 0; s < sheetCount; s++) {
    const totals = totalsBySheet[s];
    if (totals.length === 0) continue;
    const layout = model.reportSheets[s];
    const details = detailsBySheet[s].sort((a, b) => model.rows[a].row - model.rows[b].row);
    totals.sort((a, b) => a.row - b.row);

    // Per division (and per month + division, for ledgers) over the whole sheet.
    const byDivision = new Map<string, Sums>();
    const divisionNames = new Map<string, string>();
    for (const i of details) {
      const row = model.rows[i];
      const division = nameKey(row.division);
      if (division === "") continue;
      divisionNames.set(division, row.division);
      for (const key of layout.shape === "ledger" ? [division, `${row.month}\u0001${division}`] : [division]) {
        let sums = byDivision.get(key);
        if (!sums) byDivision.set(key, (sums = new Sums()));
        sums.add(model, index, row);
      }
    }
    const divisions = [...divisionNames.keys()];

    const sinceTop = new Sums();
    const sinceLast = new Sums();
    let d = 0;
    for (const total of totals) {
      while (d < details.length && model.rows[details[d]].row < total.row) {
        const row = model.rows[details[d]];
        sinceTop.add(model, index, row);
        sinceLast.add(model, index, row);
        d++;
      }
      const label = nameKey(total.label);
      const candidates: { sums: Sums; what: "block" | "division" | "sheet"; division?: string }[] = [];
      if (sinceLast.count > 0) candidates.push({ sums: sinceLast.copy(), what: "block" });
      for (const division of namedDivisions(label, total.label, divisions)) {
        const keys = layout.shape === "ledger" ? [`${total.month}\u0001${division}`, division] : [division];
        for (const key of keys) {
          const sums = byDivision.get(key);
          if (sums) candidates.push({ sums, what: "division", division: divisionNames.get(division) });
        }
      }
      if (GRAND_TOTAL_LABELS.has(label) || sinceLast.count === 0) candidates.push({ sums: sinceTop.copy(), what: "sheet" });
      sinceLast.clear();
      if (candidates.length === 0) continue;

      for (let f = 0; f < F; f++) {
        const field = AMOUNT_FIELDS[f];
        const stated = total.amounts[field];
        if (stated === null || layout.columns[field] === undefined) continue;
        if (candidates.some((c) => c.sums.unreadable[f] === 1)) continue;
        if (candidates.some((c) => agrees(stated, c.sums.sum[f]))) continue;
        const main = candidates[0];
        const computed = main.sums.sum[f];
        const withoutText = computed - main.sums.text[f];
        const textNote = main.sums.text[f] !== 0 && agrees(stated, withoutText);
        const scope = (lang: Language) =>
          main.what === "block"
            ? lang === "sv"
              ? "raderna ovanför (sedan föregående summarad)"
              : "the rows above it (since the previous totals row)"
            : main.what === "division"
              ? lang === "sv"
                ? `förvaltningen ${main.division}s rader`
                : `the rows of division ${main.division}`
              : lang === "sv"
                ? "bladets alla rader ovanför"
                : "all the sheet's rows above it";
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
    }
  }
  return out;
}

/**
 * Divisions a totals label names. The common case (`Summa Kirurgi`) is the label minus
 * its totals word, looked up directly; otherwise a contains-search, bounded so a sheet
 * with thousands of divisions and totals rows stays linear in practice.
 */
function namedDivisions(folded: string, label: string, divisions: readonly string[]): string[] {
  const rest = nameKey(label.trim().replace(TOTAL_WORDS, ""));
  if (rest !== "" && divisions.includes(rest)) return [rest];
  if (divisions.length > 200) return [];
  return divisions.filter((d) => d !== "" && folded.includes(d));
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
  for (const group of index.byKey.values()) {
    const rows = group.map((i) => model.rows[i]);
    if (!rows.some((r) => YTD_PAIRS.some(([ytd]) => r.amounts[ytd] !== null))) continue;
    monthly.fill(0);
    unknown.fill(0);
    counts.fill(0);
    for (const row of rows) {
      counts[row.month]++;
      YTD_PAIRS.forEach(([, field], p) => {
        const value = row.amounts[field];
        if (value !== null) monthly[p * 13 + row.month] += value;
        else if (!hasColumn(model, row, field) || isUnreadable(model, index, row, field)) unknown[p * 13 + row.month] = 1;
      });
    }
    for (const row of rows) {
      const m = row.month;
      if (!complete[m]) continue;
      let duplicated = false;
      for (let k = 1; k <= m; k++) if (counts[k] > 1) duplicated = true;
      if (duplicated) continue;
      YTD_PAIRS.forEach(([ytdField, field], p) => {
        const ytd = row.amounts[ytdField];
        if (ytd === null) return;
        let sum = 0;
        for (let k = 1; k <= m; k++) {
          if (unknown[p * 13 + k]) return;
          sum += monthly[p * 13 + k];
        }
        const stated = ytd * row.sign;
        const computed = sum * row.sign;
        if (agrees(stated, computed)) return;
        const span = (lang: Language) => monthSpan(1, m, lang);
        out.push(
          finding(RULES.ytdMismatch, layoutOf(model, row).sheet, cellOf(model, row, ytdField), {
            sv: `${capital(FIELD_LABELS[ytdField].sv)} för ${monthName(m, "sv")} är ${num(stated, "sv")} men ${FIELD_LABELS[field].sv} ${span("sv")} summerar till ${num(computed, "sv")} (skillnad ${num(stated - computed, "sv")}) för ${describe(row, "sv")}.`,
            en: `${capital(FIELD_LABELS[ytdField].en)} for ${monthName(m, "en")} is ${num(stated, "en")} but ${FIELD_LABELS[field].en} ${span("en")} adds up to ${num(computed, "en")} (difference ${num(stated - computed, "en")}) for ${describe(row, "en")}.`,
          }),
        );
      });
    }
  }
  return out;
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
  const candidates: { row: ReportRow; variance: number; budget: number; actual: number }[][] = model.reportSheets.map(() => []);
  for (const row of model.rows) {
    const layout = layoutOf(model, row);
    if (layout.columns.variance === undefined || layout.columns.budget === undefined || layout.columns.actual === undefined) continue;
    const variance = sourceValue(row, "variance");
    if (variance === null) continue;
    if (isUnreadable(model, index, row, "budget") || isUnreadable(model, index, row, "actual")) continue;
    candidates[row.sheet].push({ row, variance, budget: sourceValue(row, "budget") ?? 0, actual: sourceValue(row, "actual") ?? 0 });
  }
  const out: Finding[] = [];
  candidates.forEach((rows, s) => {
    if (rows.length === 0) return;
    let actualFirst = 0;
    let budgetFirst = 0;
    for (const r of rows) {
      if (agrees(r.variance, r.actual - r.budget)) actualFirst++;
      if (agrees(r.variance, r.budget - r.actual)) budgetFirst++;
    }
    const convention: Convention = budgetFirst > actualFirst ? "budgetMinusActual" : "actualMinusBudget";
    const following = convention === "actualMinusBudget" ? actualFirst : budgetFirst;
    const layout = model.reportSheets[s];
    for (const r of rows) {
      const expected = convention === "actualMinusBudget" ? r.actual - r.budget : r.budget - r.actual;
      if (agrees(r.variance, expected)) continue;
      const formula = (lang: Language) =>
        convention === "actualMinusBudget" ? `${num(r.actual, lang)} − ${num(r.budget, lang)}` : `${num(r.budget, lang)} − ${num(r.actual, lang)}`;
      out.push(
        finding(RULES.varianceMismatch, layout.sheet, cellOf(model, r.row, "variance"), {
          sv: `Avvikelsen är ${num(r.variance, "sv")} men ${CONVENTION_TEXT[convention].sv} = ${formula("sv")} = ${num(expected, "sv")} (skillnad ${num(r.variance - expected, "sv")}). Bladets konvention är ${CONVENTION_TEXT[convention].sv}, som ${following} av ${rows.length} rader följer.`,
          en: `The variance is ${num(r.variance, "en")} but ${CONVENTION_TEXT[convention].en} = ${formula("en")} = ${num(expected, "en")} (difference ${num(r.variance - expected, "en")}). The sheet's convention is ${CONVENTION_TEXT[convention].en}, which ${following} of ${rows.length} rows follow.`,
        }),
      );
    }
  });
  return out;
}

export const arithmeticChecks = [totalsRows, yearToDate, varianceColumn] as const;
