/**
 * Turns the ledger into the workbook's sheets: month reports (or one ledger extract), the
 * measures, the programmes, the settings and a read-me. Report rows are produced lazily
 * from the ledger's typed arrays, so a benchmark-sized sheet is never held as cells.
 */
import { a1 } from "../../src/core/address";
import {
  MEASURES,
  MONTH_NAMES,
  MONTH_SHORT,
  PROGRAMMES,
  README_LINES,
  REGION,
  SETTINGS,
  YEAR,
} from "./catalogue";
import type { Comments } from "./comments";
import type { SampleColumn, SampleRow, SampleSheet, SampleValue } from "./description";
import { forecastAfter, TENTHS, yearToDate, type Ledger } from "./ledger";
import { PLANT_MONTHS, TOTAL_OFF_TENTHS, type Plants } from "./plant";

export const AMOUNT_FORMAT = "#,##0.0;-#,##0.0";
export const WHOLE_FORMAT = "#,##0";
export const UNIT_LINE = "Belopp i tkr. Kostnader positiva, intäkter negativa.";
/** Report sheets: title, unit line, blank, header on row 4, data from row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

export const MONTH_HEADER = [
  "Förvaltning",
  "Ansvar",
  "Ansvarsnamn",
  "Konto",
  "Kontonamn",
  "Kostnadsslag",
  "Budget månad",
  "Utfall månad",
  "Avvikelse",
  "Utfall fg år",
  "Budget ack",
  "Utfall ack",
  "Utfall ack fg år",
  "Årsbudget",
  "Helårsprognos",
  "Kommentar",
] as const;

export const LEDGER_HEADER = [
  "Period",
  "Förvaltning",
  "Ansvar",
  "Ansvarsnamn",
  "Konto",
  "Kontonamn",
  "Kostnadsslag",
  "Budget månad",
  "Utfall månad",
  "Avvikelse",
  "Utfall fg år",
  "Kommentar",
] as const;

export const LEDGER_SHEET = `Huvudbok ${YEAR}`;
export const MEASURES_SHEET = "Åtgärder";
export const PROGRAMME_SHEET = "Program";
export const SETTINGS_SHEET = "Balans inställningar";
export const README_SHEET = "Läs mig";
export const MEASURES_HEADER_ROW = 3;

export interface RenderContext {
  readonly ledger: Ledger;
  readonly plants: Plants;
  readonly comments: Comments;
}

export function monthSheetName(month: number): string {
  return `${MONTH_NAMES[month - 1]} ${YEAR}`;
}

const tkr = (tenths: number): number => tenths / TENTHS;
const column = (header: readonly string[], name: string): number => header.indexOf(name);

/** 1-based sheet row of a key's report row on a month sheet (the first copy when duplicated). */
export function monthSheetRow(ctx: RenderContext, key: number, month: number): number {
  const { ledger, plants } = ctx;
  const duplicateAbove = month === PLANT_MONTHS.duplicate && plants.duplicateKey !== null && plants.duplicateKey < key;
  return FIRST_DATA_ROW + key + ledger.keys[key].division + (duplicateAbove ? 1 : 0);
}

/** 1-based sheet row of a division's `Summa` row on a month sheet. */
export function totalsRow(ctx: RenderContext, division: number, month: number): number {
  const { ledger, plants } = ctx;
  const end = ledger.divisionStarts[division + 1];
  const duplicateAbove = month === PLANT_MONTHS.duplicate && plants.duplicateKey !== null && plants.duplicateKey < end;
  return FIRST_DATA_ROW + end + division + (duplicateAbove ? 1 : 0);
}

/** 1-based sheet row of a key's row in a month on the ledger sheet. */
export function ledgerSheetRow(ctx: RenderContext, key: number, month: number): number {
  const { ledger, plants } = ctx;
  const n = ledger.keys.length;
  const d = PLANT_MONTHS.duplicate;
  const duplicateAbove = plants.duplicateKey !== null && (d < month || (d === month && plants.duplicateKey < key));
  return FIRST_DATA_ROW + (month - 1) * n + key + (duplicateAbove ? 1 : 0);
}

export function monthCell(name: (typeof MONTH_HEADER)[number], row: number): string {
  return a1(row - 1, column(MONTH_HEADER, name));
}

export function ledgerCell(name: (typeof LEDGER_HEADER)[number], row: number): string {
  return a1(row - 1, column(LEDGER_HEADER, name));
}

function preamble(title: string, header: readonly string[]): SampleRow[] {
  return [{ values: [title], bold: true }, { values: [UNIT_LINE] }, { values: [] }, { values: header, bold: true }];
}

function textNumberAt(ctx: RenderContext, key: number, month: number): string | undefined {
  return ctx.plants.textNumbers.find((p) => p.key === key && p.month === month)?.text;
}

const REF_ERROR: SampleValue = { error: "#REF!" };

/** The nine amounts of a month-sheet row, in tenths, in header order (Budget månad … Helårsprognos). */
function monthAmounts(ledger: Ledger, k: number, month: number): number[] {
  const at = k * 12 + month - 1;
  const budget = ledger.budget[at];
  const actual = ledger.actual[at];
  return [
    budget,
    actual,
    actual - budget,
    ledger.priorYear[at],
    yearToDate(ledger.budget, k, month),
    yearToDate(ledger.actual, k, month),
    yearToDate(ledger.priorYear, k, month),
    yearToDate(ledger.budget, k, 12),
    forecastAfter(ledger, k, month),
  ];
}

export function monthSheet(ctx: RenderContext, month: number): SampleSheet {
  const { ledger, plants } = ctx;
  const name = monthSheetName(month);
  const duplicate = month === PLANT_MONTHS.duplicate ? plants.duplicateKey : null;
  const totalOff = month === PLANT_MONTHS.totalOff ? plants.totalOffDivision : null;
  const errorKey = month === PLANT_MONTHS.error ? plants.errorKey : null;
  const amountColumns = 9;
  const firstAmount = column(MONTH_HEADER, "Budget månad");

  function* rows(): Generator<SampleRow> {
    yield* preamble(`${REGION} – Månadsrapport ${MONTH_NAMES[month - 1].toLowerCase()} ${YEAR}`, MONTH_HEADER);
    const region = new Array<number>(amountColumns).fill(0);
    for (let d = 0; d < ledger.divisions.length; d++) {
      const division = new Array<number>(amountColumns).fill(0);
      for (let k = ledger.divisionStarts[d]; k < ledger.divisionStarts[d + 1]; k++) {
        const key = ledger.keys[k];
        const centre = ledger.costCentres[key.costCentre];
        const amounts = monthAmounts(ledger, k, month);
        const values: SampleValue[] = [
          k === ledger.divisionStarts[d] ? ledger.divisions[d].name : null,
          centre.code,
          centre.name,
          key.account.number,
          key.account.name,
          key.account.category,
          ...amounts.map(tkr),
          ctx.comments.text.get(k * 12 + month - 1) ?? null,
        ];
        const text = textNumberAt(ctx, k, month);
        if (text !== undefined) values[firstAmount + 1] = text;
        if (k === errorKey) values[firstAmount] = REF_ERROR;
        const copies = k === duplicate ? 2 : 1;
        for (let copy = 0; copy < copies; copy++) {
          amounts.forEach((a, i) => (division[i] += a));
          yield { values };
        }
      }
      const shown = [...division];
      if (d === totalOff) shown[1] += TOTAL_OFF_TENTHS;
      yield { values: [`Summa ${ledger.divisions[d].name}`, null, null, null, null, null, ...shown.map(tkr)], bold: true };
      division.forEach((a, i) => (region[i] += a));
    }
    yield { values: [`Totalt ${REGION}`, null, null, null, null, null, ...region.map(tkr)], bold: true };
  }

  const widths = [16, 10, 26, 8, 24, 18, 13, 13, 13, 13, 13, 13, 14, 13, 14, 40];
  return {
    name,
    columns: widths.map((width, i): SampleColumn => (i >= firstAmount && i < firstAmount + amountColumns ? { width, numFmt: AMOUNT_FORMAT } : { width })),
    frozenRows: HEADER_ROW,
    rowCount: HEADER_ROW + ledger.keys.length + ledger.divisions.length + 1 + (duplicate !== null ? 1 : 0),
    rows: { [Symbol.iterator]: rows },
  };
}

/** One long extract: a `Period` column, the division on every row, no totals rows. */
export function ledgerSheet(ctx: RenderContext, months: number): SampleSheet {
  const { ledger, plants } = ctx;
  const firstAmount = column(LEDGER_HEADER, "Budget månad");

  function* rows(): Generator<SampleRow> {
    yield* preamble(`${REGION} – Huvudbok ${YEAR}`, LEDGER_HEADER);
    for (let month = 1; month <= months; month++) {
      const period = `${YEAR}-${String(month).padStart(2, "0")}`;
      for (let k = 0; k < ledger.keys.length; k++) {
        const key = ledger.keys[k];
        const centre = ledger.costCentres[key.costCentre];
        const at = k * 12 + month - 1;
        const values: SampleValue[] = [
          period,
          ledger.divisions[key.division].name,
          centre.code,
          centre.name,
          key.account.number,
          key.account.name,
          key.account.category,
          tkr(ledger.budget[at]),
          tkr(ledger.actual[at]),
          tkr(ledger.actual[at] - ledger.budget[at]),
          tkr(ledger.priorYear[at]),
          ctx.comments.text.get(at) ?? null,
        ];
        const text = textNumberAt(ctx, k, month);
        if (text !== undefined) values[firstAmount + 1] = text;
        if (month === PLANT_MONTHS.error && k === plants.errorKey) values[firstAmount] = REF_ERROR;
        yield { values };
        if (month === PLANT_MONTHS.duplicate && k === plants.duplicateKey) yield { values };
      }
    }
  }

  const widths = [10, 16, 10, 26, 8, 24, 18, 13, 13, 13, 13, 40];
  const duplicateRows = plants.duplicateKey !== null && months >= PLANT_MONTHS.duplicate ? 1 : 0;
  return {
    name: LEDGER_SHEET,
    columns: widths.map((width, i): SampleColumn => (i >= firstAmount && i < firstAmount + 4 ? { width, numFmt: AMOUNT_FORMAT } : { width })),
    frozenRows: HEADER_ROW,
    rowCount: HEADER_ROW + ledger.keys.length * months + duplicateRows,
    rows: { [Symbol.iterator]: rows },
  };
}

export const MEASURES_HEADER = [
  "ID",
  "Åtgärd",
  "Förvaltning",
  "Program",
  "Konton",
  "Planerad effekt helår (tkr)",
  "Startmånad",
  "Ansvarig",
  "Status",
  "Kommentar",
  ...MONTH_SHORT,
] as const;

export function measuresSheet(): SampleSheet {
  const firstPhase = MEASURES_HEADER.indexOf("Jan");
  const rows: SampleRow[] = [
    { values: ["Åtgärdsplan – ekonomi i balans 2024"], bold: true },
    { values: ["Belopp i tkr. Månadskolumnerna anger planerad effekt per månad där den inte är jämn från startmånaden."] },
    { values: MEASURES_HEADER, bold: true },
    ...MEASURES.map(
      (m): SampleRow => ({
        values: [
          m.id,
          m.description,
          m.division,
          m.programme,
          m.links,
          m.plannedAnnual,
          `${YEAR}-${String(m.startMonth).padStart(2, "0")}`,
          m.owner,
          m.status,
          m.comment,
          // Phasing is typed from the start month on; earlier months stay empty.
          ...(m.phasing ?? []).map((tkr, i) => (i + 1 < m.startMonth ? null : tkr)),
        ],
      }),
    ),
  ];
  const widths = [8, 38, 16, 36, 12, 14, 11, 32, 11, 48, ...MONTH_SHORT.map(() => 8)];
  return {
    name: MEASURES_SHEET,
    columns: widths.map((width, i): SampleColumn => (i === 5 || i >= firstPhase ? { width, numFmt: WHOLE_FORMAT } : { width })),
    frozenRows: MEASURES_HEADER_ROW,
    rowCount: rows.length,
    rows,
  };
}

/** 1-based row of a measure on the measures sheet. */
export function measureRow(id: string): number {
  return MEASURES_HEADER_ROW + 1 + MEASURES.findIndex((m) => m.id === id);
}

export function programmeSheet(): SampleSheet {
  const rows: SampleRow[] = [
    { values: ["Program", "Mål (tkr)", "Kommentar"], bold: true },
    ...PROGRAMMES.map((p): SampleRow => ({ values: [p.name, p.target, p.comment] })),
  ];
  return {
    name: PROGRAMME_SHEET,
    columns: [{ width: 38 }, { width: 12, numFmt: WHOLE_FORMAT }, { width: 90 }],
    frozenRows: 1,
    rowCount: rows.length,
    rows,
  };
}

/** 1-based row of a programme on the programme sheet. */
export function programmeRow(name: string): number {
  return 2 + PROGRAMMES.findIndex((p) => p.name === name);
}

export function settingsSheet(): SampleSheet {
  const rows: SampleRow[] = [
    { values: ["Inställning", "Värde"], bold: true },
    ...SETTINGS.map(([key, value, format]): SampleRow => ({ values: [key, value], numFmts: format ? { 1: format } : undefined })),
  ];
  return { name: SETTINGS_SHEET, columns: [{ width: 28 }, { width: 22 }], frozenRows: 0, rowCount: rows.length, rows };
}

export function readmeSheet(): SampleSheet {
  const rows: SampleRow[] = README_LINES.map((line, i) => ({ values: line === "" ? [] : [line], bold: i === 0 }));
  return { name: README_SHEET, columns: [{ width: 100 }], frozenRows: 0, rowCount: rows.length, rows };
}
