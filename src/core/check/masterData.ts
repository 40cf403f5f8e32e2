/** Master data: unique keys per month, stable divisions, account names and categories across months. */
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, ReportField, ReportRow, WorkbookModel } from "../types";
import type { CheckInput } from "./input";
import { cellOf, hasColumn, layoutOf, rowIndex, rowOrder } from "./rowIndex";
import { nameKey } from "./text";

function describeKey(row: ReportRow, lang: "sv" | "en"): string {
  const parts: string[] = [];
  if (row.division) parts.push(`${lang === "sv" ? "förvaltning" : "division"} ${row.division}`);
  if (row.costCentre) parts.push(`${lang === "sv" ? "ansvar" : "cost centre"} ${row.costCentre}`);
  if (row.account) parts.push(`${lang === "sv" ? "konto" : "account"} ${row.account}`);
  return parts.join(", ");
}

function where(model: WorkbookModel, row: ReportRow, field: ReportField): string {
  return `${layoutOf(model, row).sheet}!${cellOf(model, row, field)}`;
}

/**
 * `MASTER-DUPLICATE-ROW`: a key twice in the same month on the same sheet; every later
 * copy is reported (its amounts would be counted twice). The same month on two sheets
 * is the duplicate-month finding's business, so copies across sheets are not repeated here.
 */
export function duplicateRows({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const out: Finding[] = [];
  for (const group of index.byKey.values()) {
    if (group.length < 2) continue;
    const firstAt = new Map<number, number>();
    // Small groups in practice (one row per month); sorting makes "later copy" mean later on the sheet.
    const ordered = [...group].sort((a, b) => rowOrder(model, model.rows[a]) - rowOrder(model, model.rows[b]));
    for (const i of ordered) {
      const row = model.rows[i];
      const slot = row.sheet * 16 + row.month;
      const first = firstAt.get(slot);
      if (first === undefined) {
        firstAt.set(slot, i);
        continue;
      }
      const original = model.rows[first];
      const field: ReportField = hasColumn(model, row, "account") ? "account" : "costCentre";
      out.push(
        finding(RULES.duplicateRow, layoutOf(model, row).sheet, cellOf(model, row, field), {
          sv: `Raden (${describeKey(row, "sv")}) finns redan för ${monthName(row.month, "sv")} på rad ${original.row + 1}: beloppen räknas två gånger.`,
          en: `The row (${describeKey(row, "en")}) already appears for ${monthName(row.month, "en")} on row ${original.row + 1}: its amounts count twice.`,
        }),
      );
    }
  }
  return out;
}

interface FirstAndDiffering {
  first: number;
  differing: number;
}

/**
 * For each key, the earliest row (by `rowOrder`) and the earliest row whose value
 * differs from that first row's. Two linear passes: the first row must be known before
 * "differs" means anything.
 */
function firstDifference(
  model: WorkbookModel,
  keyOf: (row: ReportRow) => string | null,
  valueOf: (row: ReportRow) => string | null,
): Map<string, FirstAndDiffering> {
  const found = new Map<string, FirstAndDiffering>();
  const order = (i: number) => rowOrder(model, model.rows[i]);
  model.rows.forEach((row, i) => {
    const key = keyOf(row);
    if (key === null || valueOf(row) === null) return;
    const entry = found.get(key);
    if (!entry) found.set(key, { first: i, differing: -1 });
    else if (order(i) < order(entry.first)) entry.first = i;
  });
  model.rows.forEach((row, i) => {
    const key = keyOf(row);
    if (key === null) return;
    const value = valueOf(row);
    const entry = found.get(key);
    if (value === null || !entry) return;
    if (value === valueOf(model.rows[entry.first])) return;
    if (entry.differing < 0 || order(i) < order(entry.differing)) entry.differing = i;
  });
  return found;
}

/**
 * `MASTER-KEY-CHANGED`: a cost centre under different divisions, an account with
 * different names or categories. One warning per key and kind, at the first cell that
 * differs from the key's first occurrence. Only rows whose sheet has the column and
 * whose cell is filled take part (a blank is missing data, not a different value).
 */
export function keyChanges({ model }: CheckInput): Finding[] {
  const out: Finding[] = [];
  const kinds: {
    field: ReportField;
    keyOf: (row: ReportRow) => string | null;
    label: { sv: string; en: string };
    value: (row: ReportRow) => string;
    subject: (row: ReportRow, lang: "sv" | "en") => string;
  }[] = [
    {
      field: "division",
      keyOf: (r) => (r.costCentre.trim() === "" ? null : nameKey(r.costCentre)),
      label: { sv: "förvaltning", en: "division" },
      value: (r) => r.division,
      subject: (r, lang) => `${lang === "sv" ? "Ansvar" : "Cost centre"} ${r.costCentre}`,
    },
    {
      field: "accountName",
      keyOf: (r) => (r.account.trim() === "" ? null : nameKey(r.account)),
      label: { sv: "kontonamn", en: "account name" },
      value: (r) => r.accountName,
      subject: (r, lang) => `${lang === "sv" ? "Konto" : "Account"} ${r.account}`,
    },
    {
      field: "category",
      keyOf: (r) => (r.account.trim() === "" ? null : nameKey(r.account)),
      label: { sv: "kostnadsslag", en: "category" },
      value: (r) => r.category,
      subject: (r, lang) => `${lang === "sv" ? "Konto" : "Account"} ${r.account}`,
    },
  ];
  for (const kind of kinds) {
    const valueOf = (row: ReportRow): string | null => {
      if (!hasColumn(model, row, kind.field)) return null;
      const text = kind.value(row);
      return text.trim() === "" ? null : nameKey(text);
    };
    for (const entry of firstDifference(model, kind.keyOf, valueOf).values()) {
      if (entry.differing < 0) continue;
      const first = model.rows[entry.first];
      const other = model.rows[entry.differing];
      out.push(
        finding(RULES.keyChanged, layoutOf(model, other).sheet, cellOf(model, other, kind.field), {
          sv: `${kind.subject(first, "sv")} har ${kind.label.sv} ”${kind.value(first)}” i ${monthName(first.month, "sv")} (${where(model, first, kind.field)}) men ”${kind.value(other)}” i ${monthName(other.month, "sv")}.`,
          en: `${kind.subject(first, "en")} has ${kind.label.en} “${kind.value(first)}” in ${monthName(first.month, "en")} (${where(model, first, kind.field)}) but “${kind.value(other)}” in ${monthName(other.month, "en")}.`,
        }),
      );
    }
  }
  return out;
}

/**
 * `MASTER-KEY-GAP`: a cost centre reported in earlier months but not in the latest one
 * (pointing at its last row), or reported for the first time in the latest month
 * (pointing at its first row there). Only when the workbook has more than one month.
 */
export function keyGaps({ model }: CheckInput): Finding[] {
  const latest = model.latestMonth;
  if (latest === 0 || model.months.length < 2) return [];
  const seen = new Map<string, { months: number; last: number; firstInLatest: number }>();
  model.rows.forEach((row, i) => {
    if (row.costCentre.trim() === "") return;
    const key = nameKey(row.costCentre);
    let entry = seen.get(key);
    if (!entry) seen.set(key, (entry = { months: 0, last: i, firstInLatest: -1 }));
    entry.months |= 1 << row.month;
    if (rowOrder(model, row) > rowOrder(model, model.rows[entry.last])) entry.last = i;
    if (row.month === latest && (entry.firstInLatest < 0 || rowOrder(model, row) < rowOrder(model, model.rows[entry.firstInLatest]))) entry.firstInLatest = i;
  });
  const hasEarlier = model.months.some((m) => m < latest);
  const out: Finding[] = [];
  for (const entry of seen.values()) {
    const inLatest = (entry.months & (1 << latest)) !== 0;
    const earlier = entry.months & ~(1 << latest);
    if (!inLatest) {
      const row = model.rows[entry.last];
      const count = bitCount(earlier);
      out.push(
        finding(RULES.keyMissingMonths, layoutOf(model, row).sheet, cellOf(model, row, "costCentre"), {
          sv: `Ansvar ${row.costCentre} finns i ${count} tidigare ${count === 1 ? "månad" : "månader"} (senast ${monthName(row.month, "sv")}) men inte i ${monthName(latest, "sv")}.`,
          en: `Cost centre ${row.costCentre} appears in ${count} earlier ${count === 1 ? "month" : "months"} (last in ${monthName(row.month, "en")}) but not in ${monthName(latest, "en")}.`,
        }),
      );
    } else if (earlier === 0 && hasEarlier) {
      const row = model.rows[entry.firstInLatest];
      out.push(
        finding(RULES.keyMissingMonths, layoutOf(model, row).sheet, cellOf(model, row, "costCentre"), {
          sv: `Ansvar ${row.costCentre} är nytt i ${monthName(latest, "sv")}: det finns inte i tidigare månader.`,
          en: `Cost centre ${row.costCentre} is new in ${monthName(latest, "en")}: it does not appear in earlier months.`,
        }),
      );
    }
  }
  return out;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

export const masterDataChecks = [duplicateRows, keyChanges, keyGaps] as const;
