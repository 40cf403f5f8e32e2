import { createContext, useCallback, useContext } from "react";
import type { Language, Message } from "../core/types";

/**
 * Every text the pane shows, in Swedish and English. Components take their texts from
 * here only, so switching the language switches every text.
 */

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const TEXT = {
  appTitle: { sv: "Balans", en: "Balans" },
  language: { sv: "Språk", en: "Language" },
  tabCheck: { sv: "Kontroll", en: "Check" },
  tabSettings: { sv: "Inställningar", en: "Settings" },
  detecting: { sv: "Läser arbetsboken …", en: "Reading the workbook …" },
  runButton: { sv: "Kontrollera och skriv sammanställningar", en: "Check and write summaries" },
  rereadButton: { sv: "Läs arbetsboken igen", en: "Read the workbook again" },
  retry: { sv: "Försök igen", en: "Try again" },
  errorTitle: { sv: "Det gick inte", en: "That did not work" },
  noReportsTitle: { sv: "Inga månadsrapporter hittades", en: "No monthly reports found" },
  noReportsBody: {
    sv: "Balans känner igen månadsrapporter på bladnamn som ”Mars 2024” eller ”2024-03”, eller på en periodkolumn. Byt namn på bladen, eller kryssa i nedan vilka blad som är rapporter.",
    en: "Balans recognises monthly reports by sheet names such as “March 2024” or “2024-03”, or by a period column. Rename the sheets, or tick below which sheets are reports.",
  },
  progressLabel: { sv: "Balans arbetar", en: "Balans is working" },
  stepReading: { sv: "Läser arbetsboken", en: "Reading the workbook" },
  stepChecking: { sv: "Kontrollerar rapporterna", en: "Checking the reports" },
  stepWriting: { sv: "Skriver sammanställningarna", en: "Writing the summaries" },
  stepOf: (step: number, total: number, label: Message): Message => ({
    sv: `Steg ${step} av ${total}: ${label.sv} …`,
    en: `Step ${step} of ${total}: ${label.en} …`,
  }),
  navigationError: {
    sv: "Kunde inte gå dit. Finns bladet kvar?",
    en: "Could not go there. Does the sheet still exist?",
  },

  // What was found
  foundHeading: { sv: "Det här hittade Balans", en: "What Balans found" },
  workbook: { sv: "Arbetsbok", en: "Workbook" },
  reportSheets: { sv: "Månadsrapporter att läsa", en: "Monthly reports to read" },
  reportSheetsHint: { sv: "Kryssa i de blad som är månadsrapporter.", en: "Tick the sheets that are monthly reports." },
  measuresSheet: { sv: "Åtgärdsblad", en: "Measures sheet" },
  programmesSheet: { sv: "Programblad", en: "Programme sheet" },
  settingsSheet: { sv: "Inställningsblad", en: "Settings sheet" },
  ownedSheets: { sv: "Blad från förra körningen (skrivs om)", en: "Sheets from the last run (rewritten)" },
  none: { sv: "Inget", en: "None" },
  year: { sv: "År", en: "Year" },
  yearInvalid: { sv: "Ange ett år mellan 2000 och 2100.", en: "Enter a year between 2000 and 2100." },
  unit: { sv: "Enhet", en: "Unit" },
  signs: { sv: "Tecken i rapporterna", en: "Signs in the reports" },
  costsPositive: { sv: "Kostnader positiva", en: "Costs positive" },
  costsNegative: { sv: "Kostnader negativa", en: "Costs negative" },

  // Result
  resultHeading: { sv: "Resultat", en: "Result" },
  errors: (n: number): Message => ({ sv: `${n} fel`, en: `${n} ${plural(n, "error", "errors")}` }),
  warnings: (n: number): Message => ({
    sv: `${n} ${plural(n, "varning", "varningar")}`,
    en: `${n} ${plural(n, "warning", "warnings")}`,
  }),
  infos: (n: number): Message => ({
    sv: `${n} ${plural(n, "upplysning", "upplysningar")}`,
    en: `${n} ${plural(n, "note", "notes")}`,
  }),
  noFindings: {
    sv: "Inga fel, varningar eller upplysningar. Sammanställningarna är skrivna.",
    en: "No errors, warnings or notes. The summaries are written.",
  },
  summariesWritten: { sv: "Sammanställningarna är skrivna.", en: "The summaries are written." },
  keyFigures: { sv: "Nyckeltal", en: "Key figures" },
  varianceYtd: (month: string): Message => ({
    sv: `Avvikelse mot budget, ackumulerat t.o.m. ${month}`,
    en: `Variance against budget, year to date ${month}`,
  }),
  signConvention: { sv: "Positivt = bättre än budget", en: "Positive = better than budget" },
  budgetYtd: { sv: "Budget ackumulerat", en: "Budget year to date" },
  actualYtd: { sv: "Utfall ackumulerat", en: "Actual year to date" },
  savings: { sv: "Åtgärder: realiserat av planerat hittills", en: "Measures: realised of planned to date" },
  savingsValue: (realised: string, planned: string, unit: string): Message => ({
    sv: `${realised} av ${planned} ${unit}`,
    en: `${realised} of ${planned} ${unit}`,
  }),
  noMeasures: { sv: "Inga åtgärder i arbetsboken", en: "No measures in the workbook" },
  hiredShare: { sv: "Hyrpersonal, andel hittills i år", en: "Hired staff, share year to date" },
  hiredShareValue: (share: string, denominator: Message, target: string): Message => ({
    sv: `${share} av ${denominator.sv} (mål ${target})`,
    en: `${share} of ${denominator.en} (target ${target})`,
  }),
  ownStaffCosts: { sv: "egna personalkostnader", en: "own staff costs" },
  allStaffCosts: { sv: "alla personalkostnader", en: "all staff costs" },
  summarySheets: { sv: "Sammanställningar", en: "Summaries" },
  showSheet: (name: string): Message => ({ sv: `Visa bladet ${name}`, en: `Show the sheet ${name}` }),

  // Findings
  findingsHeading: { sv: "Fynd", en: "Findings" },
  severityFilter: { sv: "Allvarlighet", en: "Severity" },
  allSeverities: { sv: "Alla", en: "All" },
  severityErrors: { sv: "Fel", en: "Errors" },
  severityWarnings: { sv: "Varningar", en: "Warnings" },
  severityInfos: { sv: "Upplysningar", en: "Notes" },
  severityError: { sv: "Fel", en: "Error" },
  severityWarning: { sv: "Varning", en: "Warning" },
  severityInfo: { sv: "Upplysning", en: "Note" },
  sheetFilter: { sv: "Blad", en: "Sheet" },
  allSheets: { sv: "Alla blad", en: "All sheets" },
  wholeWorkbook: { sv: "Hela arbetsboken", en: "Whole workbook" },
  showing: (shown: number, total: number): Message => ({ sv: `Visar ${shown} av ${total}`, en: `Showing ${shown} of ${total}` }),
  showMore: (n: number): Message => ({ sv: `Visa ${n} till`, en: `Show ${n} more` }),
  noMatchingFindings: { sv: "Inga fynd med det här urvalet.", en: "No findings match this filter." },
  goToCell: { sv: "Gå till cellen", en: "Go to the cell" },

  // Settings
  settingsReadOnlyTitle: { sv: "Inställningarna ändras i ditt blad", en: "Change the settings in your sheet" },
  settingsReadOnly: (sheet: string): Message => ({
    sv: `Inställningarna kommer från bladet ”${sheet}”, som är ditt eget. Balans ändrar aldrig dina blad: ändra värdena där och kör kontrollen igen.`,
    en: `The settings come from the sheet “${sheet}”, which is your own. Balans never changes your sheets: change the values there and run the check again.`,
  }),
  settingsNote: {
    sv: "Sparas i ett eget blad som Balans skriver. Gäller från nästa kontroll.",
    en: "Saved in a sheet Balans writes itself. Applies from the next check.",
  },
  unitFromHeaders: { sv: "Från rubrikerna (annars tkr)", en: "From the headers (else tkr)" },
  costSign: { sv: "Teckenkonvention", en: "Cost sign" },
  costSignAuto: { sv: "Avgör från data", en: "Decide from the data" },
  hiredTarget: { sv: "Mål hyrpersonal (%)", en: "Hired-staff target (%)" },
  denominator: { sv: "Nämnare hyrpersonal", en: "Hired-staff denominator" },
  denominatorOwn: { sv: "Egna personalkostnader", en: "Own staff costs" },
  denominatorAll: { sv: "Alla personalkostnader", en: "All staff costs" },
  statusHeading: { sv: "Status för åtgärder", en: "Status of measures" },
  greenFrom: { sv: "Grön från (% av plan)", en: "Green from (% of plan)" },
  yellowFrom: { sv: "Gul från (% av plan)", en: "Yellow from (% of plan)" },
  thresholdsHeading: { sv: "Gränser för varningar", en: "Warning thresholds" },
  commentAmount: { sv: "Kommentar krävs över belopp", en: "Comment required above amount" },
  commentShare: { sv: "Kommentar krävs över andel av budget (%)", en: "Comment required above share of budget (%)" },
  jumpShare: { sv: "Språng: avvikelse från månadstakten (%)", en: "Jump: deviation from the run rate (%)" },
  jumpMinAmount: { sv: "Språng: minsta belopp", en: "Jump: minimum amount" },
  accountsHeading: { sv: "Konton per klass", en: "Accounts per class" },
  accountsHint: {
    sv: "Konton, intervall eller ord i kontonamnet, åtskilda med semikolon, t.ex. 6810-6819; hyrläkare",
    en: "Accounts, ranges or words in the account name, separated by semicolons, e.g. 6810-6819; locum",
  },
  classOwnStaff: { sv: "Egen personal", en: "Own staff" },
  classHiredDoctors: { sv: "Inhyrda läkare", en: "Hired doctors" },
  classHiredNurses: { sv: "Inhyrda sjuksköterskor", en: "Hired nurses" },
  classHiredOther: { sv: "Övrig inhyrd personal", en: "Other hired staff" },
  classConsultants: { sv: "Konsulter", en: "Consultants" },
  classIncome: { sv: "Intäkter", en: "Income" },
  invalidNumber: { sv: "Ange ett tal som inte är negativt.", en: "Enter a number that is not negative." },
  invalidPercent: { sv: "Ange en procentsats mellan 0 och 100.", en: "Enter a percentage between 0 and 100." },
  invalidRules: {
    sv: "Skriv konton som 6810 eller 6810-6819 och ord som hyrläkare, åtskilda med semikolon.",
    en: "Write accounts as 6810 or 6810-6819 and words such as locum, separated by semicolons.",
  },
  rulesRequired: {
    sv: "Ange minst ett konto eller ord; ett tomt fält skulle ge standardvärdet.",
    en: "Enter at least one account or word; an empty field would give the default.",
  },
  yellowAboveGreen: { sv: "Gul gräns ska vara lägre än grön.", en: "The yellow limit must be below the green one." },
  saveSettings: { sv: "Spara inställningar", en: "Save settings" },
  saving: { sv: "Sparar …", en: "Saving …" },
  saved: { sv: "Inställningarna är sparade.", en: "The settings are saved." },
  fixFields: { sv: "Rätta de markerade fälten först.", en: "Correct the marked fields first." },
} as const;

export const LanguageContext = createContext<Language>("sv");

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** `t(TEXT.runButton)`: the text in the pane's current language. */
export function useText(): (message: Message) => string {
  const language = useLanguage();
  return useCallback((message: Message) => message[language], [language]);
}

/** Office's display language (`sv-SE`, `en-US`, …): Swedish for any `sv`, English otherwise. */
export function languageFromOffice(displayLanguage: string | undefined): Language {
  return /^sv(-|_|$)/i.test(displayLanguage ?? "") ? "sv" : "en";
}
