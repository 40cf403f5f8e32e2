import type { Message, Severity } from "./types";

/**
 * Every rule Balans applies, with a stable code. Codes never change meaning; a retired
 * rule keeps its code reserved. The per-finding message (with the figures) is built
 * where the rule is checked; `title` here is the rule's name in both languages.
 */
export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  readonly title: Message;
}

const rule = (code: string, severity: Severity, sv: string, en: string): Rule => ({ code, severity, title: { sv, en } });

export const RULES = {
  // Reading cells and sheets (src/core/read)
  noReportSheets: rule("READ-NO-REPORT-SHEETS", "error", "Inga månadsrapporter", "No monthly report sheets"),
  noHeader: rule("READ-NO-HEADER", "warning", "Rubrikrad saknas", "Header row not found"),
  textNumber: rule("READ-TEXT-NUMBER", "warning", "Tal lagrat som text", "Number stored as text"),
  notANumber: rule("READ-NOT-A-NUMBER", "error", "Text där ett belopp väntas", "Text where an amount is expected"),
  errorValue: rule("READ-ERROR-VALUE", "error", "Felvärde i cell", "Error value in cell"),
  unusableCell: rule("READ-UNUSABLE-CELL", "warning", "Cell som inte kan läsas", "Cell that cannot be used"),
  extraColumn: rule("READ-EXTRA-COLUMN", "info", "Kolumn som inte används", "Column not used"),
  missingKey: rule("READ-MISSING-KEY", "warning", "Rad utan konto eller ansvar", "Row without account or cost centre"),
  badPeriod: rule("READ-BAD-PERIOD", "error", "Period som inte kan tolkas", "Period that cannot be read"),
  otherYear: rule("READ-OTHER-YEAR", "warning", "Period utanför rapportåret", "Period outside the report year"),
  noteRow: rule("READ-NOTE-ROW", "info", "Notering utan belopp", "Note without amounts"),
  measureField: rule("READ-MEASURE-FIELD", "error", "Åtgärd med oläsbart fält", "Measure with an unreadable field"),
  programmeField: rule("READ-PROGRAMME-FIELD", "error", "Program med oläsbart mål", "Programme with an unreadable target"),
  settingUnknown: rule("READ-SETTING-UNKNOWN", "warning", "Okänd inställning", "Unknown setting"),
  settingValue: rule("READ-SETTING-VALUE", "error", "Ogiltigt värde för inställning", "Invalid setting value"),
  defaults: rule("READ-DEFAULTS", "info", "Antagande om arbetsboken", "Assumption about the workbook"),

  // Structure (src/core/check)
  missingColumn: rule("STRUCT-MISSING-COLUMN", "error", "Kolumn saknas", "Column missing"),
  monthMissing: rule("STRUCT-MONTH-MISSING", "error", "Månad saknas", "Month missing"),
  monthOrder: rule("STRUCT-MONTH-ORDER", "warning", "Månader i fel ordning", "Months out of order"),
  monthDuplicate: rule("STRUCT-MONTH-DUPLICATE", "error", "Samma månad i flera blad", "Same month on several sheets"),
  mixedMonths: rule("STRUCT-MIXED-MONTHS", "error", "Flera månader i ett månadsblad", "Several months on one month sheet"),
  unknownSheet: rule("STRUCT-UNKNOWN-SHEET", "info", "Blad som inte läses", "Sheet not read"),
  noMeasures: rule("STRUCT-NO-MEASURES", "info", "Inget åtgärdsblad", "No measures sheet"),
  nameTaken: rule("STRUCT-NAME-TAKEN", "info", "Bladnamn upptaget", "Sheet name taken"),

  // Master data
  duplicateRow: rule("MASTER-DUPLICATE-ROW", "error", "Dubblerad rad", "Duplicate row"),
  keyChanged: rule("MASTER-KEY-CHANGED", "warning", "Grunddata skiljer mellan månader", "Master data differs between months"),
  keyMissingMonths: rule("MASTER-KEY-GAP", "info", "Saknas vissa månader", "Missing in some months"),

  // Units
  mixedUnits: rule("UNIT-MIXED", "error", "Blandade enheter", "Mixed units"),

  // Arithmetic
  totalMismatch: rule("ARITH-TOTAL", "error", "Summarad rad stämmer inte", "Totals row does not add up"),
  ytdMismatch: rule("ARITH-YTD", "error", "Ackumulerat stämmer inte med månaderna", "Year to date does not match the months"),
  varianceMismatch: rule("ARITH-VARIANCE", "error", "Avvikelse stämmer inte", "Variance does not match"),

  // Plausibility
  actualWithoutBudget: rule("PLAUS-ACTUAL-NO-BUDGET", "warning", "Utfall utan budget", "Actual without budget"),
  budgetWithoutActual: rule("PLAUS-BUDGET-NO-ACTUAL", "warning", "Budget utan utfall", "Budget without actual"),
  signFlip: rule("PLAUS-SIGN-FLIP", "warning", "Oväntat tecken", "Unexpected sign"),
  jump: rule("PLAUS-JUMP", "warning", "Språng mot månadstakten", "Jump against the run rate"),
  commentMissing: rule("PLAUS-COMMENT-MISSING", "warning", "Stor avvikelse utan kommentar", "Large variance without comment"),

  // Measures
  measureUnknownDivision: rule("MEASURE-UNKNOWN-DIVISION", "error", "Åtgärd på okänd förvaltning", "Measure on unknown division"),
  measureUnknownAccount: rule("MEASURE-UNKNOWN-ACCOUNT", "warning", "Åtgärd på okänt konto", "Measure on unknown account"),
  measureNoLinks: rule("MEASURE-NO-LINKS", "warning", "Åtgärd utan konton", "Measure without accounts"),
  measureStart: rule("MEASURE-START", "warning", "Startmånad saknas eller utanför året", "Start month missing or outside the year"),
  measureDuplicateId: rule("MEASURE-DUPLICATE-ID", "error", "Åtgärds-id används två gånger", "Measure id used twice"),
  programmeSum: rule("MEASURE-PROGRAMME-SUM", "warning", "Åtgärderna når inte programmets mål", "Measures do not add up to the programme target"),
  programmeUnknown: rule("MEASURE-UNKNOWN-PROGRAMME", "warning", "Åtgärd i okänt program", "Measure in unknown programme"),
  measureBehind: rule("MEASURE-BEHIND", "info", "Åtgärd efter plan", "Measure behind plan"),

  // Hired staff
  hiredShare: rule("HIRED-SHARE", "warning", "Hyrpersonal över målet", "Hired staff above target"),
  hiredUp: rule("HIRED-UP", "warning", "Hyrpersonal ökar mot föregående år", "Hired staff up on prior year"),
} as const;

export type RuleKey = keyof typeof RULES;
