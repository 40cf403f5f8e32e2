import { a1 } from "../address";
import { finding } from "../findings";
import { formatNumber } from "../format";
import { RULES } from "../rules";
import type { AccountRange, CellValue, Finding, Measure, MeasureField, Programme, SheetSnapshot, Unit } from "../types";
import { isBlank, isCellError } from "../types";
import { ExtraColumns, nonBlankSpan } from "./extraColumns";
import type { HeaderMatch } from "./headers";
import { findHeaderRow, headerLookup } from "./headers";
import { monthFromWord, parseMonthText, parsePeriodCell } from "./months";
import { readAmount } from "./numbers";
import { displayText, foldText, keyText } from "./text";

export const MEASURE_SHEET_NAMES: readonly string[] = ["atgarder", "atgardsplan", "atgardslista", "measures", "actionplan", "sparatgarder", "atgarderekonomiibalans"];
export const PROGRAMME_SHEET_NAMES: readonly string[] = ["program", "programmal", "programmes", "programs", "programme", "programtargets", "programmetargets", "mal"];

type MeasureHeader = Exclude<MeasureField, "realisedOverride"> | `phase${number}`;

const MEASURE_HEADERS: Readonly<Record<Exclude<MeasureField, "realisedOverride">, readonly string[]>> = {
  id: ["id", "nr", "atgardnr", "atgardsnr", "atgardsnummer", "measureid", "no", "nummer"],
  description: ["atgard", "beskrivning", "description", "measure", "atgardsbeskrivning", "benamning", "namn"],
  division: ["forvaltning", "division", "verksamhetsomrade", "verksamhet", "omrade"],
  links: ["konton", "konto", "kostnadsslag", "kategori", "accounts", "account", "category", "kontonkostnadsslag", "berordakonton", "paverkadekonton"],
  plannedAnnual: ["planeradeffekt", "planeradeffekthelar", "helarseffekt", "effekt", "effekttkr", "plannedeffect", "plannedannualeffect", "planeradbesparing", "besparing", "arseffekt", "planeradarseffekt"],
  startMonth: ["startmanad", "start", "franmanad", "startmonth", "startar", "startperiod", "fromman"],
  owner: ["ansvarig", "agare", "owner", "responsible"],
  programme: ["program", "programme", "programnamn", "programmename", "program name"],
  status: ["status", "fas", "stage", "lage"],
  comment: ["kommentar", "kommentarer", "comment", "comments", "anmarkning"],
};

const MEASURE_LOOKUP = headerLookup(
  Object.fromEntries(Object.entries(MEASURE_HEADERS).map(([field, texts]) => [field, texts.map(foldText)])) as Record<Exclude<MeasureField, "realisedOverride">, string[]>,
);

/** A phasing column is headed by a month: `Jan`, `Januari`, `Jan 2024`, `2024-01`. */
function phasingField(key: string): MeasureHeader | undefined {
  const month = monthFromWord(key) ?? parseMonthText(key)?.month;
  return month === undefined ? undefined : `phase${month}`;
}

const UNIT_FACTORS: Readonly<Record<Unit, number>> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** Converts an amount from one unit to another (tkr → mnkr divides by 1000). */
export function convertUnit(value: number, from: Unit, to: Unit): number {
  return from === to ? value : (value * UNIT_FACTORS[from]) / UNIT_FACTORS[to];
}

export function findMeasureHeader(sheet: SheetSnapshot): HeaderMatch<MeasureHeader> | null {
  return findHeaderRow<MeasureHeader>(
    sheet.rows,
    sheet.top,
    sheet.left,
    MEASURE_LOOKUP as ReadonlyMap<string, MeasureHeader>,
    (fields) => (fields.has("id") || fields.has("description")) && fields.has("plannedAnnual"),
    20,
    phasingField,
  );
}

/** Parses `6810-6819; 6820, Inhyrd personal` into account ranges and category names. */
export function parseLinks(text: string): { accounts: AccountRange[]; categories: string[] } {
  const accounts: AccountRange[] = [];
  const categories: string[] = [];
  for (const part of text.split(/[;,\n]+/)) {
    const token = part.trim();
    if (token === "") continue;
    const r = /^(\d{1,10})\s*[-\u2013\u2212]\s*(\d{1,10})$/.exec(token);
    if (r && Number(r[1]) <= Number(r[2])) accounts.push({ from: Number(r[1]), to: Number(r[2]) });
    else if (/^\d{1,10}$/.test(token)) accounts.push({ from: Number(token), to: Number(token) });
    else categories.push(token);
  }
  return { accounts, categories };
}

export interface MeasuresRead {
  readonly measures: Measure[];
  readonly findings: Finding[];
}

/**
 * Reads the measures sheet. Planned effects are converted from the sheet's unit (tkr
 * unless a header says otherwise) to the workbook's unit.
 */
export function readMeasures(sheet: SheetSnapshot, header: HeaderMatch<MeasureHeader>, workbookUnit: Unit, date1904: boolean): MeasuresRead {
  const findings: Finding[] = [];
  const measures: Measure[] = [];
  const columns = header.columns;
  const sheetUnit: Unit = header.unit ?? "tkr";
  const left = sheet.left;
  const phaseColumns: { month: number; column: number }[] = [];
  for (let month = 1; month <= 12; month++) {
    const column = columns[`phase${month}`];
    if (column !== undefined) phaseColumns.push({ month, column });
  }
  const extras = new ExtraColumns(new Set<number>(Object.values(columns) as number[]), left);

  const textOf = (cells: readonly CellValue[], field: MeasureField, row: number): string => {
    const column = columns[field as MeasureHeader];
    if (column === undefined) return "";
    const value = cells[column - left];
    const text = keyText(value);
    if (text !== undefined) return text;
    findings.push(unreadable(sheet.name, row, column, value as CellValue));
    return "";
  };

  for (let r = header.row - sheet.top + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = sheet.top + r;
    if (!extras.scan(cells, row)) continue;
    const id = textOf(cells, "id", row);
    const description = textOf(cells, "description", row);
    if (id === "" && description === "") {
      findings.push(
        finding(RULES.noteRow, sheet.name, nonBlankSpan(cells, row, left), {
          sv: "Raden saknar id och beskrivning och läses inte som en åtgärd.",
          en: "The row has neither id nor description and is not read as a measure.",
        }),
      );
      continue;
    }
    const cellsOf: Partial<Record<MeasureField, string>> = {};
    for (const field of Object.keys(MEASURE_HEADERS) as Exclude<MeasureField, "realisedOverride">[]) {
      const column = columns[field];
      if (column !== undefined) cellsOf[field] = a1(row, column);
    }

    let plannedAnnual: number | null = null;
    if (columns.plannedAnnual !== undefined) {
      const value = cells[columns.plannedAnnual - left];
      const amount = readAmount(value);
      if (amount.kind === "number") {
        plannedAnnual = convertUnit(amount.value, sheetUnit, workbookUnit);
        if (amount.fromText) {
          findings.push(
            finding(RULES.textNumber, sheet.name, a1(row, columns.plannedAnnual), {
              sv: `Talet ”${displayText(value)}” är lagrat som text; läst som ${formatNumber(amount.value, "sv", 2)}.`,
              en: `The number “${displayText(value)}” is stored as text; read as ${formatNumber(amount.value, "en", 2)}.`,
            }),
          );
        }
      } else if (amount.kind !== "blank") {
        findings.push(fieldFinding(sheet.name, row, columns.plannedAnnual, value, { sv: "planerad effekt", en: "planned effect" }));
      }
    }

    let startMonth: number | null = null;
    let startYear: number | null = null;
    if (columns.startMonth !== undefined) {
      const value = cells[columns.startMonth - left];
      if (!isBlank(value)) {
        const parsed = typeof value === "number" && value >= 1 && value <= 12 && Number.isInteger(value) ? { month: value, year: null } : parsePeriodCell(value, date1904);
        if (parsed) {
          startMonth = parsed.month;
          startYear = parsed.year;
        } else {
          findings.push(fieldFinding(sheet.name, row, columns.startMonth, value, { sv: "startmånad", en: "start month" }));
        }
      }
    }

    let phasing: number[] | null = null;
    for (const { month, column } of phaseColumns) {
      const value = cells[column - left];
      const amount = readAmount(value);
      if (amount.kind === "blank") continue;
      if (amount.kind !== "number") {
        findings.push(fieldFinding(sheet.name, row, column, value, { sv: "periodisering", en: "phasing" }));
        continue;
      }
      phasing = phasing ?? new Array<number>(12).fill(0);
      phasing[month - 1] = convertUnit(amount.value, sheetUnit, workbookUnit);
    }

    const linksText = textOf(cells, "links", row);
    measures.push({
      id: id !== "" ? id : `${sheet.name}!${a1(row, left)}`,
      description,
      division: textOf(cells, "division", row),
      programme: textOf(cells, "programme", row),
      owner: textOf(cells, "owner", row),
      status: textOf(cells, "status", row),
      comment: textOf(cells, "comment", row),
      links: parseLinks(linksText),
      plannedAnnual,
      startMonth,
      startYear,
      phasing,
      sheet: sheet.name,
      row,
      cells: cellsOf,
    });
  }
  findings.push(...extras.findings(sheet.name, header.row, header.extra).findings);
  return { measures, findings };
}

const PROGRAMME_HEADERS = {
  name: ["program", "programme", "programnamn", "namn", "name", "programmename"],
  target: ["mal", "malbelopp", "target", "mal helar", "maltkr", "besparingsmal", "programmal", "targetamount"],
} as const;
const PROGRAMME_LOOKUP = headerLookup<"name" | "target">({
  name: PROGRAMME_HEADERS.name.map(foldText),
  target: PROGRAMME_HEADERS.target.map(foldText),
});

export function findProgrammeHeader(sheet: SheetSnapshot): HeaderMatch<"name" | "target"> | null {
  return findHeaderRow(sheet.rows, sheet.top, sheet.left, PROGRAMME_LOOKUP, (f) => f.has("name") && f.has("target"));
}

/** Reads the programme sheet: one programme per row with its target. */
export function readProgrammes(sheet: SheetSnapshot, header: HeaderMatch<"name" | "target">, workbookUnit: Unit): { programmes: Programme[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const programmes: Programme[] = [];
  const nameColumn = header.columns.name as number;
  const targetColumn = header.columns.target as number;
  const unit: Unit = header.unit ?? "tkr";
  const extras = new ExtraColumns(new Set([nameColumn, targetColumn]), sheet.left);
  for (let r = header.row - sheet.top + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = sheet.top + r;
    if (!extras.scan(cells, row)) continue;
    const nameValue = cells[nameColumn - sheet.left];
    const targetValue = cells[targetColumn - sheet.left];
    const name = keyText(nameValue);
    if (name === undefined) {
      findings.push(unreadable(sheet.name, row, nameColumn, nameValue as CellValue));
      continue;
    }
    if (name === "" && isBlank(targetValue)) continue;
    const amount = readAmount(targetValue);
    if (name === "" || amount.kind !== "number") {
      findings.push(
        finding(RULES.programmeField, sheet.name, a1(row, name === "" ? nameColumn : targetColumn), {
          sv: name === "" ? "Programmål utan programnamn; raden används inte." : `Programmet ”${name}” har inget läsbart mål (”${displayText(targetValue)}”).`,
          en: name === "" ? "Programme target without a programme name; the row is not used." : `The programme “${name}” has no readable target (“${displayText(targetValue)}”).`,
        }),
      );
      continue;
    }
    if (amount.fromText) {
      findings.push(
        finding(RULES.textNumber, sheet.name, a1(row, targetColumn), {
          sv: `Talet ”${displayText(targetValue)}” är lagrat som text; läst som ${formatNumber(amount.value, "sv", 2)}.`,
          en: `The number “${displayText(targetValue)}” is stored as text; read as ${formatNumber(amount.value, "en", 2)}.`,
        }),
      );
    }
    programmes.push({ name, target: convertUnit(amount.value, unit, workbookUnit), sheet: sheet.name, row, targetCell: a1(row, targetColumn) });
  }
  findings.push(...extras.findings(sheet.name, header.row, header.extra).findings);
  return { programmes, findings };
}

function unreadable(sheet: string, row: number, column: number, value: CellValue): Finding {
  return isCellError(value)
    ? finding(RULES.errorValue, sheet, a1(row, column), {
        sv: `Felvärdet ${value.error}; cellen används inte.`,
        en: `Error value ${value.error}; the cell is not used.`,
      })
    : finding(RULES.unusableCell, sheet, a1(row, column), {
        sv: `Värdet ”${displayText(value)}” kan inte användas här.`,
        en: `The value “${displayText(value)}” cannot be used here.`,
      });
}

function fieldFinding(sheet: string, row: number, column: number, value: CellValue | undefined, field: { sv: string; en: string }): Finding {
  if (isCellError(value)) return unreadable(sheet, row, column, value);
  return finding(RULES.measureField, sheet, a1(row, column), {
    sv: `”${displayText(value)}” kan inte läsas som ${field.sv}; fältet lämnas tomt.`,
    en: `“${displayText(value)}” cannot be read as ${field.en}; the field is left empty.`,
  });
}
