import { a1, rangeA1 } from "../address";
import { finding } from "../findings";
import { formatNumber } from "../format";
import { RULES } from "../rules";
import type { AccountClass, AmountField, Amounts, CellValue, Finding, ReportField, ReportRow, SheetSnapshot } from "../types";
import { AMOUNT_FIELDS, isBlank, isCellError } from "../types";
import { CLASS_LABELS } from "./classify";
import { ExtraColumns, nonBlankSpan } from "./extraColumns";
import type { HeaderMatch } from "./headers";
import { KEY_HEADER_FIELDS } from "./headers";
import { parseMonthNumberCell, parsePeriodCell, parseYearCell } from "./months";
import { readAmount } from "./numbers";
import { displayText, foldWords, keyText } from "./text";

/**
 * A detail row as read: already the model's row, so that 600 000 rows are allocated once,
 * but with amounts as in the source (sign 1) and the sheet not yet numbered. The reader
 * sets `sheet`, and `sign` and `amounts` where the sign convention flips a row.
 */
export type RawRow = { -readonly [K in keyof ReportRow]: ReportRow[K] };

export interface RawTotalsRow {
  readonly row: number;
  readonly month: number;
  readonly year: number | null;
  readonly label: string;
  readonly amounts: (number | null)[];
}

export interface ReportSheetRead {
  readonly rows: RawRow[];
  /** Per row, its own year (ledger periods); null on month sheets. */
  readonly years: (number | null)[];
  readonly totals: RawTotalsRow[];
  readonly findings: Finding[];
  readonly lastDataRow: number;
  /** Columns the reader does not use. */
  readonly extraColumns: { readonly column: number; readonly header: string }[];
}

export type Classifier = (account: string, accountName: string) => AccountClass;

/** How the rows of a sheet get their month. */
export type MonthSource =
  | { readonly kind: "sheet"; readonly month: number; readonly date1904: boolean }
  | { readonly kind: "ledger"; readonly date1904: boolean };

const TOTALS_WORDS = ["summa", "totalt", "total", "delsumma", "totalsumma", "sum", "s a", "summering", "subtotal", "grand total"];

const totalsLabels = new Map<string, boolean>();

/**
 * `Summa Primärvård`, `Totalt`, `S:a ansvar 41010`: a label that marks a totals row.
 * Cached: every key cell of every row is asked, and a workbook has few distinct ones.
 */
export function isTotalsLabel(text: string): boolean {
  const cached = totalsLabels.get(text);
  if (cached !== undefined) return cached;
  const folded = foldWords(text);
  const result = TOTALS_WORDS.some((w) => folded === w || folded.startsWith(`${w} `));
  if (totalsLabels.size > 100_000) totalsLabels.clear();
  totalsLabels.set(text, result);
  return result;
}

const KEY_FIELDS: readonly ReportField[] = ["division", "costCentre", "account", "accountName", "category"];

const FIELD_NAMES: Readonly<Record<ReportField, { sv: string; en: string }>> = {
  division: { sv: "förvaltning", en: "division" },
  costCentre: { sv: "ansvar", en: "cost centre" },
  account: { sv: "konto", en: "account" },
  accountName: { sv: "kontonamn", en: "account name" },
  category: { sv: "kostnadsslag", en: "category" },
  budget: { sv: "budget", en: "budget" },
  actual: { sv: "utfall", en: "actual" },
  variance: { sv: "avvikelse", en: "variance" },
  priorYear: { sv: "utfall föregående år", en: "prior-year actual" },
  budgetYtd: { sv: "budget ackumulerat", en: "budget year to date" },
  actualYtd: { sv: "utfall ackumulerat", en: "actual year to date" },
  priorYearYtd: { sv: "utfall ackumulerat föregående år", en: "prior-year actual year to date" },
  annualBudget: { sv: "årsbudget", en: "annual budget" },
  forecast: { sv: "prognos", en: "forecast" },
  comment: { sv: "kommentar", en: "comment" },
  period: { sv: "period", en: "period" },
  year: { sv: "år", en: "year" },
  monthNumber: { sv: "månad", en: "month" },
};

export function fieldName(field: ReportField): { sv: string; en: string } {
  return FIELD_NAMES[field];
}

/**
 * Reads the rows below a report header. Every non-empty cell ends up used or in a
 * finding: amounts (numbers, or text numbers with a warning), keys, comments, totals
 * rows, headings that name a division for the rows below, notes, and columns the
 * reader does not use (listed once per column).
 */
export function readReportRows(sheet: SheetSnapshot, header: HeaderMatch<ReportField>, months: MonthSource, classify: Classifier): ReportSheetRead {
  const findings: Finding[] = [];
  const rows: RawRow[] = [];
  const years: (number | null)[] = [];
  const totals: RawTotalsRow[] = [];
  const columns = header.columns;
  const name = sheet.name;
  const left = sheet.left;

  const amountColumns: { field: AmountField; index: number; column: number }[] = [];
  AMOUNT_FIELDS.forEach((field, index) => {
    const column = columns[field];
    if (column !== undefined) amountColumns.push({ field, index, column });
  });
  const keyColumns = KEY_FIELDS.filter((f) => columns[f] !== undefined).map((f) => ({ field: f, column: columns[f] as number }));
  const keyIndexOf: number[] = [];
  keyColumns.forEach((k, i) => (keyIndexOf[k.column - left] = i));
  // On a month sheet the month comes from the sheet, so year and month-number columns are not used.
  const usedFields = (Object.keys(columns) as ReportField[]).filter((f) => months.kind === "ledger" || (f !== "year" && f !== "monthNumber"));
  const used = new Set<number>(usedFields.map((f) => columns[f] as number));

  const extras = new ExtraColumns(used, left);
  const firstColumnUsed = used.has(left);

  let division = "";
  let lastDataRow = header.row;
  const cellAt = (cells: readonly CellValue[], column: number): CellValue | undefined => cells[column - left];

  const badCell = (row: number, column: number, value: CellValue, field: ReportField) => {
    const where = FIELD_NAMES[field];
    if (isCellError(value)) {
      findings.push(
        finding(RULES.errorValue, name, a1(row, column), {
          sv: `Felvärdet ${value.error} i kolumnen ${where.sv}; cellen räknas inte.`,
          en: `Error value ${value.error} in the ${where.en} column; the cell is not counted.`,
        }),
      );
    } else {
      findings.push(
        finding(RULES.unusableCell, name, a1(row, column), {
          sv: `Värdet ”${displayText(value)}” kan inte användas som ${where.sv}.`,
          en: `The value “${displayText(value)}” cannot be used as ${where.en}.`,
        }),
      );
    }
  };

  const periodColumn = columns.period;
  const yearColumn = columns.year;
  const monthColumn = columns.monthNumber;

  // Key columns by field (-1 when absent), for the per-row loop below.
  const columnOf = (field: ReportField) => columns[field] ?? -1;
  const divisionColumn = columnOf("division");
  const costCentreColumn = columnOf("costCentre");
  const accountColumn = columnOf("account");
  const accountNameColumn = columnOf("accountName");
  const categoryColumn = columnOf("category");
  const commentColumn = columnOf("comment");
  const monthColumns = (["period", "year", "monthNumber"] as const).map((f) => columns[f]).filter((c): c is number => c !== undefined && used.has(c));
  // Per key column, the last cell read and its text: sorted reports repeat a division,
  // cost centre or category on row after row.
  const lastCell: (CellValue | undefined)[] = keyColumns.map(() => undefined);
  const lastText: (string | undefined)[] = keyColumns.map(() => undefined);
  const keyTexts: string[] = keyColumns.map(() => "");
  const keyOf = (column: number) => (column < 0 ? "" : keyTexts[keyIndexOf[column - left]]);
  const amounts: (number | null)[] = new Array<number | null>(AMOUNT_FIELDS.length).fill(null);

  for (let r = header.row - sheet.top + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.length === 0) continue;
    const row = sheet.top + r;
    if (!extras.scan(cells, row)) continue;
    lastDataRow = row;

    // Keys
    let anyKey = false;
    let label = "";
    for (let k = 0; k < keyColumns.length; k++) {
      const column = keyColumns[k].column;
      const value = cells[column - left];
      let text: string | undefined;
      if (value === lastCell[k] && value !== undefined) {
        text = lastText[k];
      } else {
        text = keyText(value);
        lastCell[k] = value;
        lastText[k] = text;
      }
      if (text === undefined) {
        badCell(row, column, value as CellValue, keyColumns[k].field);
        keyTexts[k] = "";
        continue;
      }
      keyTexts[k] = text;
      if (text !== "") {
        anyKey = true;
        if (label === "" && isTotalsLabel(text)) label = text;
      }
    }
    // A totals label can also stand in the first column when that column holds no key.
    if (label === "") {
      const first = cellAt(cells, left);
      if (!firstColumnUsed && typeof first === "string" && isTotalsLabel(first)) label = first.trim();
    }

    // Amounts. Plain numbers and blanks, nearly every cell, are taken here; the rest is read by `readAmount`.
    amounts.fill(null);
    let anyAmount = false;
    let textNumbers = 0;
    let errors = 0;
    for (let a = 0; a < amountColumns.length; a++) {
      const { field, index, column } = amountColumns[a];
      const value = cells[column - left];
      if (value === null || value === undefined) continue;
      if (typeof value === "number" && Number.isFinite(value)) {
        amounts[index] = value;
        anyAmount = true;
        continue;
      }
      const amount = readAmount(value);
      switch (amount.kind) {
        case "blank":
          break;
        case "number":
          amounts[index] = amount.value;
          anyAmount = true;
          if (amount.fromText) {
            textNumbers |= 1 << index;
            findings.push(
              finding(RULES.textNumber, name, a1(row, column), {
                sv: `Talet ”${displayText(value)}” är lagrat som text; läst som ${formatNumber(amount.value, "sv", 2)}. Excels SUMMA räknar inte text.`,
                en: `The number “${displayText(value)}” is stored as text; read as ${formatNumber(amount.value, "en", 2)}. Excel's SUM does not count text.`,
              }),
            );
          }
          break;
        case "error":
          anyAmount = true;
          errors |= 1 << index;
          findings.push(
            finding(RULES.errorValue, name, a1(row, column), {
              sv: `Felvärdet ${amount.error} i kolumnen ${FIELD_NAMES[field].sv}; cellen räknas inte.`,
              en: `Error value ${amount.error} in the ${FIELD_NAMES[field].en} column; the cell is not counted.`,
            }),
          );
          break;
        case "invalid":
          anyAmount = true;
          findings.push(
            finding(RULES.notANumber, name, a1(row, column), {
              sv: `”${displayText(value)}” är inget belopp (kolumnen ${FIELD_NAMES[field].sv}); cellen räknas inte.`,
              en: `“${displayText(value)}” is not an amount (the ${FIELD_NAMES[field].en} column); the cell is not counted.`,
            }),
          );
          break;
      }
    }

    // Comment
    let comment = "";
    if (commentColumn >= 0) {
      const value = cells[commentColumn - left];
      if (value === null || value === undefined) comment = "";
      else if (isCellError(value)) badCell(row, commentColumn, value, "comment");
      else if (typeof value === "boolean") badCell(row, commentColumn, value, "comment");
      else comment = displayText(value);
    }

    // Month of the row. An error value in a period column is reported even when another column gives the month.
    for (let m = 0; m < monthColumns.length; m++) {
      const column = monthColumns[m];
      const value = cells[column - left];
      if (isCellError(value)) badCell(row, column, value, column === periodColumn ? "period" : column === yearColumn ? "year" : "monthNumber");
    }
    let month: number;
    let year: number | null = null;
    if (months.kind === "sheet") {
      month = months.month;
      if (periodColumn !== undefined) {
        const value = cellAt(cells, periodColumn);
        const period = isBlank(value) ? null : parsePeriodCell(value, months.date1904);
        if (!isBlank(value) && (period === null || period.month !== month)) {
          findings.push(
            finding(RULES.mixedMonths, name, a1(row, periodColumn), {
              sv: `Perioden ”${displayText(value)}” hör inte till bladets månad; raden räknas till bladets månad.`,
              en: `The period “${displayText(value)}” is not the sheet's month; the row is counted in the sheet's month.`,
            }),
          );
        }
      }
    } else {
      const resolved = ledgerMonth(cells, left, periodColumn, yearColumn, monthColumn, months.date1904);
      if (resolved === null) {
        if (!anyAmount && !anyKey) {
          findings.push(noteRowFinding(name, row, left, cells));
          continue;
        }
        const periodColumns = [periodColumn, monthColumn, yearColumn].filter((c): c is number => c !== undefined);
        const column = periodColumns[0] ?? left;
        const span = rangeA1(row, Math.min(...periodColumns, column), row, Math.max(...periodColumns, column));
        const shown = periodColumns.map((c) => displayText(cellAt(cells, c))).filter((t) => t !== "").join(" ");
        findings.push(
          finding(RULES.badPeriod, name, span, {
            sv: `Perioden ”${shown}” kan inte tolkas; raden räknas inte.`,
            en: `The period “${shown}” cannot be read; the row is not counted.`,
          }),
        );
        continue;
      }
      month = resolved.month;
      year = resolved.year;
    }

    if (label !== "" || (anyAmount && !anyKey)) {
      totals.push({ row, month, year, label, amounts: amounts.slice() });
      continue;
    }
    const account = keyOf(accountColumn);
    const costCentre = keyOf(costCentreColumn);
    const rowDivision = keyOf(divisionColumn);
    // Without amounts, a row is a detail row only if it names a real account or cost centre (codes have digits).
    if (!anyAmount && !/\d/.test(account) && !/\d/.test(costCentre)) {
      // A row with only a division is a heading for the rows below it; other text is a note.
      const onlyDivision = rowDivision !== "" && costCentre === "" && account === "" && keyOf(accountNameColumn) === "" && keyOf(categoryColumn) === "" && comment === "";
      if (onlyDivision) {
        division = rowDivision;
      } else {
        findings.push(noteRowFinding(name, row, left, cells));
      }
      continue;
    }
    if (rowDivision !== "") division = rowDivision;
    if (account === "" && costCentre === "") {
      const firstKey = keyColumns.find((_, k) => keyTexts[k] !== "") ?? keyColumns[0];
      findings.push(
        finding(RULES.missingKey, name, a1(row, firstKey ? firstKey.column : left), {
          sv: "Raden har belopp men varken konto eller ansvar; den räknas bara i förvaltningens summa.",
          en: "The row has amounts but neither account nor cost centre; it counts only in its division's total.",
        }),
      );
    }
    const accountName = keyOf(accountNameColumn);
    const category = keyOf(categoryColumn);
    const accountClass = classify(account, accountName);
    rows.push({
      sheet: -1,
      row,
      month,
      division,
      costCentre,
      account,
      accountName,
      category: category !== "" ? category : CLASS_LABELS[accountClass],
      accountClass,
      amounts: sourceAmounts(amounts),
      sign: 1,
      comment,
      textNumbers,
      errors,
    });
    years.push(year);
  }

  const headerCells = sheet.rows[header.row - sheet.top] ?? [];
  const unusedMapped = (Object.keys(columns) as ReportField[])
    .filter((f) => !usedFields.includes(f))
    .map((f) => ({ column: columns[f] as number, header: displayText(headerCells[(columns[f] as number) - left]) }));
  const extra = extras.findings(name, header.row, [...header.extra, ...unusedMapped]);
  findings.push(...extra.findings);
  return { rows, years, totals, findings, lastDataRow, extraColumns: extra.columns };
}

/** A row's amounts as in the source, in `AMOUNT_FIELDS` order (a negative zero reads as zero). */
function sourceAmounts(values: readonly (number | null)[]): Amounts {
  return {
    budget: plain(values[0]),
    actual: plain(values[1]),
    variance: plain(values[2]),
    priorYear: plain(values[3]),
    budgetYtd: plain(values[4]),
    actualYtd: plain(values[5]),
    priorYearYtd: plain(values[6]),
    annualBudget: plain(values[7]),
    forecast: plain(values[8]),
  };
}

function plain(value: number | null): number | null {
  return value === 0 ? 0 : value;
}

function noteRowFinding(sheet: string, row: number, left: number, cells: readonly CellValue[]): Finding {
  return finding(RULES.noteRow, sheet, nonBlankSpan(cells, row, left), {
    sv: "Raden har text men inga belopp och räknas inte.",
    en: "The row has text but no amounts and is not counted.",
  });
}

function ledgerMonth(
  cells: readonly CellValue[],
  left: number,
  periodColumn: number | undefined,
  yearColumn: number | undefined,
  monthColumn: number | undefined,
  date1904: boolean,
): { month: number; year: number | null } | null {
  if (periodColumn !== undefined) {
    const period = parsePeriodCell(cells[periodColumn - left], date1904);
    if (period) {
      const year = period.year ?? (yearColumn !== undefined ? parseYearCell(cells[yearColumn - left]) : null);
      return { month: period.month, year };
    }
    if (monthColumn === undefined) return null;
  }
  if (monthColumn !== undefined) {
    const month = parseMonthNumberCell(cells[monthColumn - left]);
    if (month === null) return null;
    const year = yearColumn !== undefined ? parseYearCell(cells[yearColumn - left]) : null;
    if (yearColumn !== undefined && year === null) return null;
    return { month, year };
  }
  return null;
}

export { KEY_HEADER_FIELDS };
