import type { Language, MeasureStatus, Message, OwnedSheetKind, Profession, Severity, Unit } from "../types";

/** Every text Balans writes into the workbook, in both languages. */

export const SHEET_NAMES: Readonly<Record<OwnedSheetKind, Message>> = {
  variance: { sv: "Balans avvikelse", en: "Balans variance" },
  "variance-detail": { sv: "Balans avvikelse ansvar", en: "Balans variance by CC" },
  measures: { sv: "Balans åtgärder", en: "Balans measures" },
  "hired-staff": { sv: "Balans hyrpersonal", en: "Balans hired staff" },
  findings: { sv: "Balans kontroll", en: "Balans findings" },
  keys: { sv: "Balans nycklar", en: "Balans keys" },
  settings: { sv: "Balans inställningar", en: "Balans settings" },
};

export const UNIT_TEXT: Readonly<Record<Unit, Message>> = {
  kr: { sv: "kr", en: "SEK" },
  tkr: { sv: "tkr", en: "thousand SEK" },
  mnkr: { sv: "mnkr", en: "million SEK" },
};

export const STATUS_TEXT: Readonly<Record<MeasureStatus, Message>> = {
  green: { sv: "Grön", en: "Green" },
  yellow: { sv: "Gul", en: "Yellow" },
  red: { sv: "Röd", en: "Red" },
  "not-started": { sv: "Ej startad", en: "Not started" },
};

export const SEVERITY_TEXT: Readonly<Record<Severity, Message>> = {
  error: { sv: "Fel", en: "Error" },
  warning: { sv: "Varning", en: "Warning" },
  info: { sv: "Info", en: "Info" },
};

export const PROFESSION_TEXT: Readonly<Record<Profession, Message>> = {
  doctors: { sv: "Läkare", en: "Doctors" },
  nurses: { sv: "Sjuksköterskor", en: "Nurses" },
  other: { sv: "Övriga", en: "Other" },
  all: { sv: "Alla", en: "All" },
};

/** Status and severity fills, light enough to read black text on in both themes Excel prints. */
export const FILLS = {
  green: "#C6EFCE",
  yellow: "#FFEB9C",
  red: "#FFC7CE",
  grey: "#E7E6E6",
  blue: "#DDEBF7",
} as const;

export const SIGN_NOTE: Message = {
  sv: "Kostnader visas positiva och intäkter negativa. Avvikelse = budget − utfall: positivt är bättre än budget.",
  en: "Costs are shown positive and income negative. Variance = budget − actual: positive is better than budget.",
};

export function t(message: Message, language: Language): string {
  return message[language];
}

export const L = {
  month: { sv: "Månad", en: "Month" },
  division: { sv: "Förvaltning", en: "Division" },
  category: { sv: "Kostnadsslag", en: "Category" },
  costCentre: { sv: "Ansvar", en: "Cost centre" },
  budget: { sv: "Budget", en: "Budget" },
  actual: { sv: "Utfall", en: "Actual" },
  variance: { sv: "Avvikelse", en: "Variance" },
  variancePct: { sv: "Avvikelse %", en: "Variance %" },
  priorYear: { sv: "Utfall fg år", en: "Prior year" },
  budgetYtd: { sv: "Budget ack", en: "Budget YTD" },
  actualYtd: { sv: "Utfall ack", en: "Actual YTD" },
  varianceYtd: { sv: "Avvikelse ack", en: "Variance YTD" },
  varianceYtdPct: { sv: "Avvikelse ack %", en: "Variance YTD %" },
  priorYearYtd: { sv: "Utfall ack fg år", en: "Prior year YTD" },
  changeYtd: { sv: "Förändring ack mot fg år", en: "Change YTD on prior year" },
  forecast: { sv: "Helårsprognos", en: "Full-year forecast" },
  forecastBasis: { sv: "Prognosgrund", en: "Forecast basis" },
  forecastWorkbook: { sv: "Arbetsbokens prognos", en: "Workbook's forecast" },
  forecastRunRate: { sv: "Utfallstakt", en: "Run rate" },
  region: { sv: "Regionen", en: "Region" },
  byDivision: { sv: "Per förvaltning", en: "By division" },
  id: { sv: "ID", en: "ID" },
  measure: { sv: "Åtgärd", en: "Measure" },
  programme: { sv: "Program", en: "Programme" },
  owner: { sv: "Ansvarig", en: "Owner" },
  plannedAnnual: { sv: "Planerad effekt helår", en: "Planned annual effect" },
  startMonth: { sv: "Startmånad", en: "Start month" },
  plannedYtd: { sv: "Planerat hittills", en: "Planned to date" },
  realisedYtd: { sv: "Realiserat hittills", en: "Realised to date" },
  varianceToPlan: { sv: "Avvikelse mot plan", en: "Variance to plan" },
  forecastEffect: { sv: "Prognos helår", en: "Full-year forecast" },
  status: { sv: "Status", en: "Status" },
  share: { sv: "Andel av delade rader", en: "Share of shared rows" },
  baseline: { sv: "Jämförs mot", en: "Baseline" },
  baselinePriorYear: { sv: "Utfall fg år", en: "Prior-year actual" },
  baselineBudget: { sv: "Budget", en: "Budget" },
  target: { sv: "Mål", en: "Target" },
  targetGap: { sv: "Planerat − mål", en: "Planned − target" },
  noProgramme: { sv: "(inget program)", en: "(no programme)" },
  profession: { sv: "Yrkesgrupp", en: "Profession" },
  hiredCost: { sv: "Kostnad hyrpersonal", en: "Hired-staff cost" },
  hiredCostYtd: { sv: "Kostnad hyrpersonal ack", en: "Hired-staff cost YTD" },
  ownStaff: { sv: "Egen personal", en: "Own staff" },
  ownStaffYtd: { sv: "Egen personal ack", en: "Own staff YTD" },
  denominatorOwn: { sv: "Nämnare ack: egen personal", en: "Denominator YTD: own staff" },
  denominatorAll: { sv: "Nämnare ack: all personal", en: "Denominator YTD: all staff" },
  hiredShare: { sv: "Andel hyrpersonal", en: "Hired-staff share" },
  priorYearHired: { sv: "Hyrpersonal fg år", en: "Hired staff prior year" },
  priorYearHiredYtd: { sv: "Hyrpersonal ack fg år", en: "Hired staff prior year YTD" },
  changeOnPriorYear: { sv: "Förändring mot fg år", en: "Change on prior year" },
  severity: { sv: "Allvarlighet", en: "Severity" },
  rule: { sv: "Regel", en: "Rule" },
  ruleTitle: { sv: "Kontroll", en: "Check" },
  sheet: { sv: "Blad", en: "Sheet" },
  cell: { sv: "Cell", en: "Cell" },
  message: { sv: "Meddelande", en: "Message" },
  count: { sv: "Antal", en: "Count" },
  keysGroup: { sv: "Grupp", en: "Group" },
  keysGrouping: { sv: "Gruppering", en: "Grouping" },
  groupingCategory: { sv: "förvaltning × kostnadsslag", en: "division × category" },
  groupingCostCentre: { sv: "förvaltning × ansvar", en: "division × cost centre" },
  groupingClass: { sv: "förvaltning × kontoklass", en: "division × account class" },
  groupName: { sv: "Grupp", en: "Group" },
} as const satisfies Record<string, Message>;

export function scopeLine(language: Language, workbook: string, monthText: string, unit: Unit): string {
  return language === "sv"
    ? `${workbook} · t.o.m. ${monthText} · belopp i ${UNIT_TEXT[unit].sv}`
    : `${workbook} · through ${monthText} · amounts in ${UNIT_TEXT[unit].en}`;
}
