import { a1, rangeA1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type {
  Amounts,
  Finding,
  Measure,
  OwnedSheet,
  OwnedSheetKind,
  Programme,
  ReportField,
  ReportRow,
  ReportSheetLayout,
  Settings,
  SheetSnapshot,
  TotalsRow,
  Unit,
  WorkbookModel,
  WorkbookSnapshot,
} from "../types";
import { isBlank } from "../types";
import { HIRED_CLASSES, createClassifier } from "./classify";
import type { HeaderMatch } from "./headers";
import { findReportHeader, findUnitInText } from "./headers";
import { findMeasureHeader, findProgrammeHeader, MEASURE_SHEET_NAMES, PROGRAMME_SHEET_NAMES, readMeasures, readProgrammes } from "./measures";
import type { YearMonth } from "./months";
import { findMonthInText, parseMonthText } from "./months";
import type { MonthSource, RawRow, RawTotalsRow, ReportSheetRead } from "./reportSheet";
import { readReportRows } from "./reportSheet";
import { DEFAULT_SETTINGS, mergeSettings, readSettingsSheet, SETTINGS_SHEET_NAMES } from "./settings";
import { foldText } from "./text";

export interface ReadOptions {
  /** Sheets to read as monthly reports; others are not read as reports even if they look like one. */
  readonly reportSheets?: readonly string[];
  readonly settings?: Partial<Settings>;
  readonly today?: { readonly year: number; readonly month: number };
}

const OWNER_PREFIX = "balans:";
const OWNED_KINDS: ReadonlySet<string> = new Set<OwnedSheetKind>(["variance", "variance-detail", "measures", "hired-staff", "findings", "keys", "settings"]);

/** The whole used range of a sheet as an A1 range, so a finding about the sheet covers all its cells. */
function usedRange(sheet: SheetSnapshot): string {
  let right = 0;
  for (const row of sheet.rows) if (row && row.length > right) right = row.length;
  if (sheet.rows.length === 0 || right === 0) return a1(sheet.top, sheet.left);
  return rangeA1(sheet.top, sheet.left, sheet.top + sheet.rows.length - 1, sheet.left + right - 1);
}

function textAbove(sheet: SheetSnapshot, headerRow: number): string[] {
  const texts: string[] = [];
  for (let r = 0; r < headerRow - sheet.top && r < sheet.rows.length; r++) {
    for (const value of sheet.rows[r] ?? []) if (typeof value === "string" && value.trim() !== "") texts.push(value);
  }
  return texts;
}

/**
 * A report sheet as met in the one pass over the sheets: its rows are read right away,
 * and what later decisions need of its cells is kept, so the reader never comes back to
 * the sheet's cells (a host may then hold one large sheet in memory at a time).
 */
interface ReportSheetVisit {
  readonly index: number;
  readonly sheet: SheetSnapshot;
  readonly header: HeaderMatch<ReportField>;
  readonly read: ReportSheetRead;
  /** The used range, for findings about the whole sheet. */
  readonly range: string;
  /** The unit the header or the text above it names. */
  readonly unit: Unit | undefined;
  readonly left: number;
}

interface MonthSheet extends ReportSheetVisit {
  readonly month: number;
  readonly year: number | null;
}

type LedgerSheet = ReportSheetVisit;

/** The settings sheet: the first marked as Balans's settings or named like one (names and marks only). */
function settingsSheetOf(sheets: readonly SheetSnapshot[]): SheetSnapshot | undefined {
  for (const sheet of sheets) {
    const mark = sheet.ownerMark;
    if (mark !== undefined && mark.startsWith(OWNER_PREFIX) && OWNED_KINDS.has(mark.slice(OWNER_PREFIX.length))) {
      if (mark.slice(OWNER_PREFIX.length) === "settings") return sheet;
      continue;
    }
    if (SETTINGS_SHEET_NAMES.includes(foldText(sheet.name))) return sheet;
  }
  return undefined;
}

/**
 * Reads a workbook snapshot into the model: which sheets are reports (one per month,
 * or ledgers with a period column), measures, programmes and settings; the year, unit
 * and sign convention; every detail and totals row. Never throws on odd input: what
 * cannot be used becomes a finding.
 */
export function readWorkbook(snapshot: WorkbookSnapshot, options: ReadOptions = {}): WorkbookModel {
  const findings: Finding[] = [];
  const ownedSheets: OwnedSheet[] = [];
  const otherSheets: string[] = [];
  const selected = options.reportSheets ? new Set(options.reportSheets) : null;

  let settingsSheet: SheetSnapshot | undefined;
  let measureSheet: SheetSnapshot | undefined;
  let programmeSheet: SheetSnapshot | undefined;
  const monthSheets: MonthSheet[] = [];
  const ledgers: LedgerSheet[] = [];

  const other = (sheet: SheetSnapshot, why?: { sv: string; en: string }) => {
    otherSheets.push(sheet.name);
    const cells = sheet.rows.some((r) => r && r.some((v) => !isBlank(v)));
    findings.push(
      finding(RULES.unknownSheet, sheet.name, usedRange(sheet), why ?? {
        sv: cells ? "Bladet läses inte: det är varken månadsrapport, åtgärder, program eller inställningar." : "Bladet är tomt.",
        en: cells ? "The sheet is not read: it is not a monthly report, measures, programmes or settings." : "The sheet is empty.",
      }),
    );
  };

  // Settings first: they decide the year, unit, sign and account classes, and rows are classified as they are read.
  let settings: Settings = DEFAULT_SETTINGS;
  const settingsFound = settingsSheetOf(snapshot.sheets);
  const settingsFindings: Finding[] = [];
  if (settingsFound) {
    const read = readSettingsSheet(settingsFound);
    settings = read.settings;
    settingsFindings.push(...read.findings);
  }
  settings = mergeSettings(settings, options.settings);
  const classify = createClassifier(settings);
  const visit = (index: number, sheet: SheetSnapshot, header: HeaderMatch<ReportField>, months: MonthSource): ReportSheetVisit => ({
    index,
    sheet,
    header,
    read: readReportRows(sheet, header, months, classify),
    range: usedRange(sheet),
    unit: header.unit ?? textAbove(sheet, header.row).map(findUnitInText).find((u) => u !== undefined),
    left: sheet.left,
  });

  snapshot.sheets.forEach((sheet, index) => {
    const mark = sheet.ownerMark;
    if (mark !== undefined && mark.startsWith(OWNER_PREFIX) && OWNED_KINDS.has(mark.slice(OWNER_PREFIX.length))) {
      const kind = mark.slice(OWNER_PREFIX.length) as OwnedSheetKind;
      ownedSheets.push({ name: sheet.name, kind });
      if (kind === "settings" && !settingsSheet) settingsSheet = sheet;
      return;
    }
    const folded = foldText(sheet.name);
    if (SETTINGS_SHEET_NAMES.includes(folded) && !settingsSheet) {
      settingsSheet = sheet;
      return;
    }
    if (selected === null || !selected.has(sheet.name)) {
      if (MEASURE_SHEET_NAMES.includes(folded) && !measureSheet) {
        measureSheet = sheet;
        return;
      }
      if (PROGRAMME_SHEET_NAMES.includes(folded) && !programmeSheet) {
        programmeSheet = sheet;
        return;
      }
    }
    if (selected !== null && !selected.has(sheet.name)) {
      other(sheet, { sv: "Bladet är inte valt som månadsrapport och läses inte.", en: "The sheet is not chosen as a monthly report and is not read." });
      return;
    }
    const header = findReportHeader(sheet.rows, sheet.top, sheet.left);
    const nameMonth = parseMonthText(sheet.name);
    if (!header) {
      if (nameMonth || selected !== null) {
        findings.push(
          finding(RULES.noHeader, sheet.name, usedRange(sheet), {
            sv: "Bladet ser ut som en månadsrapport men har ingen rubrikrad med belopps- och nyckelkolumner (t.ex. Konto, Budget, Utfall) bland de 20 första raderna; det läses inte.",
            en: "The sheet looks like a monthly report but has no header row with amount and key columns (e.g. Account, Budget, Actual) in its first 20 rows; it is not read.",
          }),
        );
      } else {
        other(sheet);
      }
      return;
    }
    const date1904 = snapshot.date1904;
    if (nameMonth) {
      const fromTitle = nameMonth.year === null ? titleMonth(sheet, header.row) : null;
      const year = nameMonth.year ?? (fromTitle?.month === nameMonth.month ? fromTitle.year : null);
      monthSheets.push({ ...visit(index, sheet, header, { kind: "sheet", month: nameMonth.month, date1904 }), month: nameMonth.month, year });
      return;
    }
    if (header.columns.period !== undefined || header.columns.monthNumber !== undefined) {
      ledgers.push(visit(index, sheet, header, { kind: "ledger", date1904 }));
      return;
    }
    const fromTitle = titleMonth(sheet, header.row);
    if (fromTitle) {
      monthSheets.push({ ...visit(index, sheet, header, { kind: "sheet", month: fromTitle.month, date1904 }), month: fromTitle.month, year: fromTitle.year });
      return;
    }
    findings.push(
      finding(RULES.badPeriod, sheet.name, usedRange(sheet), {
        sv: "Bladet har rapportkolumner men ingen månad: namnge bladet efter månaden (t.ex. ”Mars 2024”) eller lägg till en periodkolumn. Det läses inte.",
        en: "The sheet has report columns but no month: name it after its month (e.g. “March 2024”) or add a period column. It is not read.",
      }),
    );
  });

  findings.push(...settingsFindings);

  // Ledger rows carry their own years: they decide the report year with the month sheets' names.
  const ledgerReads = ledgers.map((ledger) => ({ ledger, read: ledger.read }));

  const yearsSeen: number[] = [];
  for (const m of monthSheets) if (m.year !== null) yearsSeen.push(m.year);
  for (const { read } of ledgerReads) for (const rowYear of read.years) if (rowYear !== null) yearsSeen.push(rowYear);
  let year: number;
  if (settings.year !== null) {
    year = settings.year;
  } else if (yearsSeen.length > 0) {
    year = yearsSeen.reduce((a, b) => Math.max(a, b));
  } else {
    year = options.today?.year ?? new Date().getFullYear();
    const where = monthSheets[0]?.sheet ?? ledgers[0]?.sheet;
    if (where) {
      findings.push(
        finding(RULES.defaults, where.name, "A1", {
          sv: `Arbetsboken anger inget år; Balans antar ${year}. Ange år i bladnamnen (”Mars ${year}”) eller i inställningarna.`,
          en: `The workbook gives no year; Balans assumes ${year}. Put the year in the sheet names (“March ${year}”) or in the settings.`,
        }),
      );
    }
  }

  // Month sheets of the report year, one per month.
  const byMonth = new Map<number, MonthSheet>();
  const acceptedMonthSheets: MonthSheet[] = [];
  for (const m of monthSheets) {
    if (m.year !== null && m.year !== year) {
      findings.push(
        finding(RULES.otherYear, m.sheet.name, m.range, {
          sv: `Bladet gäller ${m.year}, inte rapportåret ${year}; det läses inte.`,
          en: `The sheet is for ${m.year}, not the report year ${year}; it is not read.`,
        }),
      );
      continue;
    }
    const first = byMonth.get(m.month);
    if (first) {
      findings.push(
        finding(RULES.monthDuplicate, m.sheet.name, m.range, {
          sv: `Bladet gäller ${monthName(m.month, "sv", year)}, som redan finns i bladet ”${first.sheet.name}”; det läses inte.`,
          en: `The sheet is for ${monthName(m.month, "en", year)}, which the sheet “${first.sheet.name}” already reports; it is not read.`,
        }),
      );
      continue;
    }
    byMonth.set(m.month, m);
    acceptedMonthSheets.push(m);
  }

  interface SheetRows {
    readonly index: number;
    readonly sheet: SheetSnapshot;
    readonly header: HeaderMatch<ReportField>;
    readonly shape: "month" | "ledger";
    readonly month?: number;
    readonly rows: RawRow[];
    readonly totals: RawTotalsRow[];
    readonly lastDataRow: number;
    readonly extraColumns: { column: number; header: string }[];
    readonly unit: Unit | undefined;
  }
  const sheetRows: SheetRows[] = [];
  for (const m of acceptedMonthSheets) {
    const read = m.read;
    findings.push(...read.findings);
    sheetRows.push({ index: m.index, sheet: m.sheet, header: m.header, shape: "month", month: m.month, rows: read.rows, totals: read.totals, lastDataRow: read.lastDataRow, extraColumns: read.extraColumns, unit: m.unit });
  }
  for (const { ledger, read } of ledgerReads) {
    findings.push(...read.findings);
    const periodColumn = ledger.header.columns.period ?? ledger.header.columns.monthNumber ?? ledger.header.columns.year ?? ledger.left;
    const keep = (r: { year: number | null; month: number }) => (r.year === null || r.year === year) && !byMonth.has(r.month);
    const withYears = read.rows.map((r, i) => ({ row: r.row, month: r.month, year: read.years[i] }));
    const dropped = withYears.filter((r) => !keep(r));
    const otherYear = dropped.filter((r) => r.year !== null && r.year !== year);
    if (otherYear.length > 0) {
      findings.push(
        finding(RULES.otherYear, ledger.sheet.name, rangeA1(otherYear[0].row, periodColumn, otherYear[otherYear.length - 1].row, periodColumn), {
          sv: `${otherYear.length} rader gäller andra år än rapportåret ${year} och läses inte.`,
          en: `${otherYear.length} rows are for other years than the report year ${year} and are not read.`,
        }),
      );
    }
    const covered = dropped.filter((r) => (r.year === null || r.year === year) && byMonth.has(r.month));
    if (covered.length > 0) {
      findings.push(
        finding(RULES.monthDuplicate, ledger.sheet.name, rangeA1(covered[0].row, periodColumn, covered[covered.length - 1].row, periodColumn), {
          sv: `${covered.length} rader gäller månader som redan har egna månadsblad och läses inte härifrån.`,
          en: `${covered.length} rows are for months that have their own month sheets and are not read from here.`,
        }),
      );
    }
    sheetRows.push({
      index: ledger.index,
      sheet: ledger.sheet,
      header: ledger.header,
      shape: "ledger",
      rows: read.rows.filter((_, i) => keep(withYears[i])),
      totals: read.totals.filter(keep),
      lastDataRow: read.lastDataRow,
      extraColumns: read.extraColumns,
      unit: ledger.unit,
    });
  }
  sheetRows.sort((a, b) => a.index - b.index);

  if (sheetRows.length === 0) {
    findings.push(
      // On the user's first sheet: a sheet Balans wrote earlier is replaced on the next run.
      finding(RULES.noReportSheets, snapshot.sheets.find((s) => !ownedSheets.some((o) => o.name === s.name))?.name ?? "", "A1", {
        sv: "Arbetsboken har inga månadsrapporter som Balans kan läsa: inget blad med månadsnamn (t.ex. ”Mars 2024”) eller periodkolumn och rubriker som Konto, Budget och Utfall.",
        en: "The workbook has no monthly reports Balans can read: no sheet named after a month (e.g. “March 2024”) or with a period column, and headers such as Account, Budget and Actual.",
      }),
    );
  }

  // Unit
  let unit: Unit;
  let unitSource: WorkbookModel["unitSource"];
  const headerUnit = sheetRows.map((s) => s.unit).find((u) => u !== undefined);
  if (settings.unit !== null) {
    unit = settings.unit;
    unitSource = "settings";
  } else if (headerUnit) {
    unit = headerUnit;
    unitSource = "header";
  } else {
    unit = "tkr";
    unitSource = "default";
    if (sheetRows[0]) {
      findings.push(
        finding(RULES.defaults, sheetRows[0].sheet.name, "A1", {
          sv: "Arbetsboken anger ingen enhet; Balans antar tkr. Ange enheten i inställningarna eller i rubrikerna (”Utfall (tkr)”).",
          en: "The workbook gives no unit; Balans assumes tkr (thousand SEK). Give the unit in the settings or the headers (“Actual (tkr)”).",
        }),
      );
    }
  }

  // The sign convention
  const sign = decideSigns(sheetRows.map((s) => s.rows), settings);
  if (sheetRows[0]) {
    const costWord = sign.costSign === "positive" ? { sv: "positiva", en: "positive" } : { sv: "negativa", en: "negative" };
    const incomeWord = sign.incomeFactor === 1 ? { sv: "negativa", en: "negative" } : { sv: "positiva", en: "positive" };
    const how = sign.source === "settings" ? { sv: "enligt inställningarna", en: "as the settings say" } : sign.source === "detected" ? { sv: "utläst ur beloppen", en: "read from the amounts" } : { sv: "antaget", en: "assumed" };
    findings.push(
      finding(RULES.defaults, sheetRows[0].sheet.name, "A1", {
        sv: `Kostnader är ${costWord.sv} och intäkter ${incomeWord.sv} i arbetsboken (${how.sv}). Sammanställningarna visar kostnader positiva och avvikelse positiv när det är bättre än budget.`,
        en: `Costs are ${costWord.en} and income ${incomeWord.en} in the workbook (${how.en}). The summaries show costs positive and variance positive when better than budget.`,
      }),
    );
  }

  const reportSheets: ReportSheetLayout[] = [];
  const rows: ReportRow[] = [];
  const totals: TotalsRow[] = [];
  const monthsSeen = new Set<number>();
  sheetRows.forEach((s, sheetNumber) => {
    const costFactor: 1 | -1 = sign.costSign === "negative" ? -1 : 1;
    reportSheets.push({
      sheet: s.sheet.name,
      sheetIndex: s.index,
      shape: s.shape,
      month: s.month,
      headerRow: s.header.row,
      columns: s.header.columns,
      firstDataRow: s.header.row + 1,
      lastDataRow: Math.max(s.lastDataRow, s.header.row + 1),
      extraColumns: s.extraColumns,
      signFlipped: costFactor === -1,
    });
    if (s.month !== undefined) monthsSeen.add(s.month);
    // The rows as read become the model's: numbered, and negated where the convention says so.
    let lastMonth = 0;
    for (const row of s.rows) {
      const factor: 1 | -1 = row.accountClass === "income" ? sign.incomeFactor : costFactor;
      row.sheet = sheetNumber;
      if (factor === -1) {
        row.sign = -1;
        row.amounts = negatedAmounts(row.amounts);
      }
      if (row.month !== lastMonth) monthsSeen.add((lastMonth = row.month));
      rows.push(row);
    }
    for (const t of s.totals) totals.push({ sheet: sheetNumber, row: t.row, month: t.month, label: t.label, amounts: toAmounts(t.amounts, 1) });
  });

  // Measures and programmes
  let measures: Measure[] = [];
  let programmes: Programme[] = [];
  if (measureSheet) {
    const header = findMeasureHeader(measureSheet);
    if (header) {
      const read = readMeasures(measureSheet, header, unit, snapshot.date1904);
      measures = read.measures;
      findings.push(...read.findings);
    } else {
      findings.push(
        finding(RULES.noHeader, measureSheet.name, usedRange(measureSheet), {
          sv: "Åtgärdsbladet saknar rubrikrad med minst ID eller Åtgärd och Planerad effekt; det läses inte.",
          en: "The measures sheet has no header row with at least ID or Measure and Planned effect; it is not read.",
        }),
      );
    }
  }
  if (programmeSheet) {
    const header = findProgrammeHeader(programmeSheet);
    if (header) {
      const read = readProgrammes(programmeSheet, header, unit);
      programmes = read.programmes;
      findings.push(...read.findings);
    } else {
      findings.push(
        finding(RULES.noHeader, programmeSheet.name, usedRange(programmeSheet), {
          sv: "Programbladet saknar rubrikerna Program och Mål; det läses inte.",
          en: "The programme sheet lacks the headers Programme and Target; it is not read.",
        }),
      );
    }
  }

  const months = [...monthsSeen].sort((a, b) => a - b);
  return {
    workbook: snapshot.name,
    year,
    unit,
    unitSource,
    costSign: sign.costSign,
    costSignSource: sign.source,
    settings,
    reportSheets,
    rows,
    totals,
    months,
    latestMonth: months.length > 0 ? months[months.length - 1] : 0,
    measures,
    programmes,
    measureSheet: measureSheet?.name,
    settingsSheet: settingsSheet?.name,
    ownedSheets,
    otherSheets,
    findings,
  };
}

function titleMonth(sheet: SheetSnapshot, headerRow: number): YearMonth | null {
  for (const text of textAbove(sheet, headerRow)) {
    const found = findMonthInText(text);
    if (found) return found;
  }
  return null;
}

function toAmounts(values: readonly (number | null)[], factor: 1 | -1): Amounts {
  const amount = (i: number): number | null => {
    const v = values[i];
    return v === null ? null : v === 0 ? 0 : v * factor;
  };
  return {
    budget: amount(0),
    actual: amount(1),
    variance: amount(2),
    priorYear: amount(3),
    budgetYtd: amount(4),
    actualYtd: amount(5),
    priorYearYtd: amount(6),
    annualBudget: amount(7),
    forecast: amount(8),
  };
}

function negatedAmounts(a: Amounts): Amounts {
  return {
    budget: negated(a.budget),
    actual: negated(a.actual),
    variance: negated(a.variance),
    priorYear: negated(a.priorYear),
    budgetYtd: negated(a.budgetYtd),
    actualYtd: negated(a.actualYtd),
    priorYearYtd: negated(a.priorYearYtd),
    annualBudget: negated(a.annualBudget),
    forecast: negated(a.forecast),
  };
}

function negated(v: number | null): number | null {
  return v === null ? null : v === 0 ? 0 : -v;
}

interface SignDecision {
  readonly costSign: "positive" | "negative";
  /** Multiplies income rows so income comes out negative (the opposite of costs). */
  readonly incomeFactor: 1 | -1;
  readonly source: WorkbookModel["costSignSource"];
}

/**
 * Decides how costs are signed: from the settings, else by majority over personnel-cost
 * rows (the most reliable costs), else over all cost rows. Income is looked at on its
 * own, because many internal reports show both costs and income as positive numbers.
 */
function decideSigns(sheets: readonly RawRow[][], settings: Settings): SignDecision {
  let staffPositive = 0;
  let staffNegative = 0;
  let costPositive = 0;
  let costNegative = 0;
  let incomePositive = 0;
  let incomeNegative = 0;
  for (const rows of sheets) {
    for (const row of rows) {
      const value = row.amounts.actual ?? row.amounts.budget;
      if (value === null || value === 0) continue;
      const cls = row.accountClass;
      if (cls === "income") {
        if (value > 0) incomePositive++;
        else incomeNegative++;
        continue;
      }
      if (value > 0) costPositive++;
      else costNegative++;
      if (cls === "ownStaff" || HIRED_CLASSES.has(cls)) {
        if (value > 0) staffPositive++;
        else staffNegative++;
      }
    }
  }
  let costSign: "positive" | "negative";
  let source: SignDecision["source"];
  if (settings.costSign !== "auto") {
    costSign = settings.costSign;
    source = "settings";
  } else if (staffPositive + staffNegative > 0) {
    costSign = staffNegative > staffPositive ? "negative" : "positive";
    source = "detected";
  } else if (costPositive + costNegative > 0) {
    costSign = costNegative > costPositive ? "negative" : "positive";
    source = "detected";
  } else {
    costSign = "positive";
    source = "default";
  }
  const incomeShownPositive = incomePositive + incomeNegative > 0 ? incomePositive > incomeNegative : costSign === "negative";
  return { costSign, incomeFactor: incomeShownPositive ? -1 : 1, source };
}


