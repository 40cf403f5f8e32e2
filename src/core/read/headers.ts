import type { CellValue, ReportField, Unit } from "../types";
import { foldText } from "./text";

/** Header texts per report field, folded (see `foldText`). */
const REPORT_HEADERS: Readonly<Record<ReportField, readonly string[]>> = {
  division: ["forvaltning", "division", "verksamhetsomrade", "verksamhet", "divisionforvaltning", "forvaltningdivision", "omrade", "forvaltningsnamn", "divisionsnamn"],
  costCentre: ["ansvar", "kostnadsstalle", "kst", "ansvarsnummer", "ansvarskod", "ansvarsnr", "ansvarsenhet", "costcentre", "costcenter", "kostnadsstallenummer"],
  account: ["konto", "kontonummer", "kontonr", "account", "accountnumber", "accountno"],
  accountName: ["kontonamn", "benamning", "kontobenamning", "kontotext", "accountname", "accounttext"],
  category: ["kostnadsslag", "kategori", "kostnadsgrupp", "kostnadsslagsgrupp", "kontogrupp", "category", "costcategory", "costtype"],
  budget: ["budget", "budgetmanad", "manadsbudget", "budgetperiod", "periodbudget", "budgetmonth", "monthlybudget", "budgetforperioden"],
  actual: ["utfall", "utfallmanad", "manadsutfall", "utfallperiod", "periodutfall", "actual", "actualmonth", "actuals", "utfallforperioden"],
  variance: ["avvikelse", "avvikelsemanad", "avv", "avvikelsemotbudget", "avvikelsebudget", "variance", "variancemonth", "differens", "diff"],
  priorYear: ["utfallfgar", "fgar", "foregaendear", "utfallforegaendear", "utfallfg", "utfallfjol", "fgarutfall", "prioryear", "prioryearactual", "lastyear", "utfallmanadfgar"],
  budgetYtd: ["budgetack", "ackbudget", "ackumuleradbudget", "budgetackumulerad", "budgetytd", "ytdbudget", "budgetacktom"],
  actualYtd: ["utfallack", "ackutfall", "ackumuleratutfall", "utfallackumulerat", "actualytd", "ytdactual", "utfallacktom"],
  priorYearYtd: ["utfallackfgar", "ackutfallfgar", "fgarack", "foregaendearack", "utfallackforegaendear", "ackfgar", "prioryearytd", "ytdprioryear"],
  annualBudget: ["arsbudget", "budgethelar", "helarsbudget", "budgetar", "annualbudget", "fullyearbudget"],
  forecast: ["prognos", "helarsprognos", "prognoshelar", "arsprognos", "forecast", "fullyearforecast", "prognosar"],
  comment: ["kommentar", "kommentarer", "anmarkning", "notering", "comment", "comments", "note", "notes"],
  period: ["period", "bokforingsperiod", "redovisningsperiod", "manadperiod", "datum", "date", "perioden", "arsmanad", "yearmonth"],
  year: ["ar", "year", "rakenskapsar", "bokforingsar"],
  monthNumber: ["manad", "month", "manadsnummer", "manadnr", "monthnumber"],
};

export const AMOUNT_HEADER_FIELDS: ReadonlySet<ReportField> = new Set([
  "budget", "actual", "variance", "priorYear", "budgetYtd", "actualYtd", "priorYearYtd", "annualBudget", "forecast",
]);
export const KEY_HEADER_FIELDS: ReadonlySet<ReportField> = new Set(["division", "costCentre", "account", "accountName", "category"]);

/** Builds the folded-header → field lookup for a table of synonyms. */
export function headerLookup<F extends string>(table: Readonly<Record<F, readonly string[]>>): ReadonlyMap<string, F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(table) as F[]) for (const text of table[field]) map.set(text, field);
  return map;
}

const REPORT_LOOKUP = headerLookup(REPORT_HEADERS);

const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map([
  ["kr", "kr"], ["sek", "kr"], ["kronor", "kr"],
  ["tkr", "tkr"], ["ksek", "tkr"], ["tusentalskronor", "tkr"],
  ["mnkr", "mnkr"], ["msek", "mnkr"], ["mkr", "mnkr"], ["miljonerkronor", "mnkr"],
]);

export interface HeaderText {
  /** The header folded, with any unit in brackets and trailing unit words removed. */
  readonly key: string;
  /** A unit named in the header, e.g. `Budget (tkr)`. */
  readonly unit?: Unit;
}

/** Splits a header like `Budget månad (tkr)` or `Utfall, tkr` into its name and unit. */
export function readHeaderText(text: string): HeaderText {
  let unit: Unit | undefined;
  const withoutBrackets = text.replace(/[([]([^)\]]*)[)\]]/g, (_, inner: string) => {
    unit = UNIT_WORDS.get(foldText(inner)) ?? unit;
    return " ";
  });
  const words = withoutBrackets.split(/[\s,;:/]+/).filter((w) => w !== "");
  while (words.length > 1 && UNIT_WORDS.has(foldText(words[words.length - 1]))) {
    unit = UNIT_WORDS.get(foldText(words.pop() as string));
  }
  return { key: foldText(words.join(" ")), unit };
}

/** A unit named anywhere in a text such as `Belopp i tkr`. */
export function findUnitInText(text: string): Unit | undefined {
  for (const word of text.split(/[^A-Za-zÅÄÖåäö]+/)) {
    const unit = UNIT_WORDS.get(foldText(word));
    if (unit) return unit;
  }
  return undefined;
}

export interface HeaderMatch<F extends string> {
  /** 0-based sheet row. */
  readonly row: number;
  /** 0-based sheet column of each recognised field (first occurrence). */
  readonly columns: Partial<Record<F, number>>;
  /** Non-empty header cells that name no field (or repeat one). */
  readonly extra: { readonly column: number; readonly header: string }[];
  /** The rightmost non-empty header column. */
  readonly lastColumn: number;
  /** A unit named in any header. */
  readonly unit?: Unit;
}

/**
 * Finds the header row among the first `maxRows` rows of a grid: the row with the most
 * recognised headers that satisfies `accept`. `top`/`left` place the grid on the sheet.
 */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly CellValue[])[],
  top: number,
  left: number,
  lookup: ReadonlyMap<string, F>,
  accept: (fields: ReadonlySet<F>) => boolean,
  maxRows = 20,
  extraField?: (key: string) => F | undefined,
): HeaderMatch<F> | null {
  let best: HeaderMatch<F> | null = null;
  let bestCount = 0;
  const lastRow = Math.min(rows.length, Math.max(0, maxRows - top));
  for (let r = 0; r < lastRow; r++) {
    const cells = rows[r] ?? [];
    const columns: Partial<Record<F, number>> = {};
    const extra: { column: number; header: string }[] = [];
    const fields = new Set<F>();
    let unit: Unit | undefined;
    let lastColumn = -1;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (typeof value !== "string" || value.trim() === "") {
        if (value !== null && value !== undefined) {
          lastColumn = left + c;
          extra.push({ column: left + c, header: typeof value === "object" ? value.error : String(value) });
        }
        continue;
      }
      lastColumn = left + c;
      const header = readHeaderText(value);
      const field = lookup.get(header.key) ?? extraField?.(header.key);
      if (field !== undefined && !fields.has(field)) {
        fields.add(field);
        columns[field] = left + c;
        unit = unit ?? header.unit;
      } else {
        extra.push({ column: left + c, header: value.trim() });
      }
    }
    if (fields.size > bestCount && accept(fields)) {
      best = { row: top + r, columns, extra, lastColumn, unit };
      bestCount = fields.size;
    }
  }
  return best;
}

/** Report headers: at least one amount column and one key column. */
export function findReportHeader(rows: readonly (readonly CellValue[])[], top: number, left: number): HeaderMatch<ReportField> | null {
  return findHeaderRow(rows, top, left, REPORT_LOOKUP, (fields) => {
    let amount = false;
    let key = false;
    for (const f of fields) {
      if (AMOUNT_HEADER_FIELDS.has(f)) amount = true;
      if (KEY_HEADER_FIELDS.has(f)) key = true;
    }
    return amount && key;
  });
}
