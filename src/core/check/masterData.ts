/** Master data: unique keys per month, stable divisions, account names and categories across months. */
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, ReportField, ReportRow, WorkbookModel } from "../types";
import type { CheckInput } from "./input";
import { cellOf, groupOf, hasColumn, layoutOf, rowIndex, type RowIndex } from "./rowIndex";

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
  // Per (sheet, month) slot: the group that last touched it and its earliest row there; reused across groups.
  const slots = model.reportSheets.length * 16;
  const stamp = new Int32Array(slots).fill(-1);
  const firstAt = new Int32Array(slots);
  for (let g = 0; g < index.groupCount; g++) {
    const group = groupOf(index, g);
    if (group.length < 2) continue;
    let repeated = false;
    for (const i of group) {
      const slot = index.sheets[i] * 16 + index.months[i];
      if (stamp[slot] !== g) {
        stamp[slot] = g;
        firstAt[slot] = i;
      } else {
        repeated = true;
        if (index.order[i] < index.order[firstAt[slot]]) firstAt[slot] = i;
      }
    }
    if (!repeated) continue;
    for (const i of group) {
      const first = firstAt[index.sheets[i] * 16 + index.months[i]];
      if (first === i) continue;
      const row = model.rows[i];
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

/**
 * For each key id, the earliest row (by `rowOrder`) and the earliest row whose value id
 * differs from that first row's. Two linear passes: the first row must be known before
 * "differs" means anything. Rows with key or value -1 take no part.
 */
function firstDifference(order: Float64Array, keys: Int32Array, keyCount: number, values: Int32Array): { first: Int32Array; differing: Int32Array } {
  const first = new Int32Array(keyCount).fill(-1);
  const differing = new Int32Array(keyCount).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key < 0 || values[i] < 0) continue;
    if (first[key] < 0 || order[i] < order[first[key]]) first[key] = i;
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key < 0 || values[i] < 0 || values[i] === values[first[key]]) continue;
    if (differing[key] < 0 || order[i] < order[differing[key]]) differing[key] = i;
  }
  return { first, differing };
}

/** Ids with blanks as -1: a blank is missing data, never a different value. */
function withoutBlanks(ids: Int32Array, keys: readonly string[]): Int32Array {
  return ids.map((id) => (keys[id] === "" ? -1 : id));
}

/** Value ids of a text column, -1 where the row's sheet lacks the column or the cell is blank. */
function valueIds(model: WorkbookModel, index: RowIndex, field: ReportField, ids: Int32Array, keys: readonly string[]): Int32Array {
  const present = model.reportSheets.map((layout) => layout.columns[field] !== undefined);
  return ids.map((id, i) => (present[index.sheets[i]] && keys[id] !== "" ? id : -1));
}

/**
 * `MASTER-KEY-CHANGED`: a cost centre under different divisions, an account with
 * different names or categories. One warning per key and kind, at the first cell that
 * differs from the key's first occurrence. Only rows whose sheet has the column and
 * whose cell is filled take part (a blank is missing data, not a different value).
 */
export function keyChanges({ model }: CheckInput): Finding[] {
  const index = rowIndex(model);
  const out: Finding[] = [];
  const costCentreKeys = withoutBlanks(index.costCentreIds, index.costCentreKeys);
  const accountKeys = withoutBlanks(index.accountIds, index.accountKeys);
  const kinds: {
    field: ReportField;
    keys: Int32Array;
    keyCount: number;
    values: () => Int32Array;
    label: { sv: string; en: string };
    value: (row: ReportRow) => string;
    subject: (row: ReportRow, lang: "sv" | "en") => string;
  }[] = [
    {
      field: "division",
      keys: costCentreKeys,
      keyCount: index.costCentreKeys.length,
      values: () => valueIds(model, index, "division", index.divisionIds, index.divisionKeys),
      label: { sv: "förvaltning", en: "division" },
      value: (r) => r.division,
      subject: (r, lang) => `${lang === "sv" ? "Ansvar" : "Cost centre"} ${r.costCentre}`,
    },
    {
      field: "accountName",
      keys: accountKeys,
      keyCount: index.accountKeys.length,
      values: () => valueIds(model, index, "accountName", index.accountNameIds, index.accountNameKeys),
      label: { sv: "kontonamn", en: "account name" },
      value: (r) => r.accountName,
      subject: (r, lang) => `${lang === "sv" ? "Konto" : "Account"} ${r.account}`,
    },
    {
      field: "category",
      keys: accountKeys,
      keyCount: index.accountKeys.length,
      values: () => valueIds(model, index, "category", index.categoryIds, index.categoryKeys),
      label: { sv: "kostnadsslag", en: "category" },
      value: (r) => r.category,
      subject: (r, lang) => `${lang === "sv" ? "Konto" : "Account"} ${r.account}`,
    },
  ];
  for (const kind of kinds) {
    const { first, differing } = firstDifference(index.order, kind.keys, kind.keyCount, kind.values());
    for (let key = 0; key < kind.keyCount; key++) {
      if (differing[key] < 0) continue;
      const a = model.rows[first[key]];
      const b = model.rows[differing[key]];
      out.push(
        finding(RULES.keyChanged, layoutOf(model, b).sheet, cellOf(model, b, kind.field), {
          sv: `${kind.subject(a, "sv")} har ${kind.label.sv} ”${kind.value(a)}” i ${monthName(a.month, "sv")} (${where(model, a, kind.field)}) men ”${kind.value(b)}” i ${monthName(b.month, "sv")}.`,
          en: `${kind.subject(a, "en")} has ${kind.label.en} “${kind.value(a)}” in ${monthName(a.month, "en")} (${where(model, a, kind.field)}) but “${kind.value(b)}” in ${monthName(b.month, "en")}.`,
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
  const index = rowIndex(model);
  const order = index.order;
  const count = index.costCentreKeys.length;
  const months = new Int32Array(count);
  const last = new Int32Array(count).fill(-1);
  const firstInLatest = new Int32Array(count).fill(-1);
  for (let i = 0; i < index.costCentreIds.length; i++) {
    const id = index.costCentreIds[i];
    if (index.costCentreKeys[id] === "") continue;
    const month = index.months[i];
    months[id] |= 1 << month;
    if (last[id] < 0 || order[i] > order[last[id]]) last[id] = i;
    if (month === latest && (firstInLatest[id] < 0 || order[i] < order[firstInLatest[id]])) firstInLatest[id] = i;
  }
  const hasEarlier = model.months.some((m) => m < latest);
  const out: Finding[] = [];
  for (let id = 0; id < count; id++) {
    if (months[id] === 0) continue;
    const inLatest = (months[id] & (1 << latest)) !== 0;
    const earlier = months[id] & ~(1 << latest);
    if (!inLatest) {
      const row = model.rows[last[id]];
      const seen = bitCount(earlier);
      out.push(
        finding(RULES.keyMissingMonths, layoutOf(model, row).sheet, cellOf(model, row, "costCentre"), {
          sv: `Ansvar ${row.costCentre} finns i ${seen} tidigare ${seen === 1 ? "månad" : "månader"} (senast ${monthName(row.month, "sv")}) men inte i ${monthName(latest, "sv")}.`,
          en: `Cost centre ${row.costCentre} appears in ${seen} earlier ${seen === 1 ? "month" : "months"} (last in ${monthName(row.month, "en")}) but not in ${monthName(latest, "en")}.`,
        }),
      );
    } else if (earlier === 0 && hasEarlier) {
      const row = model.rows[firstInLatest[id]];
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
