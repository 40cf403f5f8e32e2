import type { Message } from "../../core/types";

/** The stand-alone page's own texts, in Swedish and English (the pane's are in ../i18n.ts). */
export const STANDALONE_TEXT = {
  intro: {
    sv: "Öppna en arbetsbok med månadsrapporter (.xlsx). Balans kontrollerar den här i webbläsaren och ger dig en kopia med sammanställningarna att ladda ner. Filen skickas ingenstans.",
    en: "Open a workbook with monthly reports (.xlsx). Balans checks it here in the browser and gives you a copy with the summaries to download. The file is sent nowhere.",
  },
  openButton: { sv: "Öppna arbetsbok …", en: "Open workbook …" },
  openAnother: { sv: "Öppna en annan arbetsbok …", en: "Open another workbook …" },
  dropHint: { sv: "eller dra filen hit", en: "or drag the file here" },
  dropNow: { sv: "Släpp filen för att öppna den", en: "Drop the file to open it" },
  onlyOneFile: { sv: "Släpp en fil i taget.", en: "Drop one file at a time." },

  download: { sv: "Ladda ner resultatet", en: "Download the result" },
  downloadNote: (name: string): Message => ({
    sv: `Sparas som ${name}. Filen du öppnade ändras inte.`,
    en: `Saved as ${name}. The file you opened is not changed.`,
  }),
  separateNote: {
    sv: "Arbetsboken är sparad som Strict Open XML, som Balans inte skriver i. Sammanställningarna finns därför som värden i en egen arbetsbok.",
    en: "The workbook is saved as Strict Open XML, which Balans does not write into. The summaries are therefore values in a workbook of their own.",
  },

  // Where Excel would move the selection, the page says what is there.
  noticeCellValue: (value: string): Message => ({ sv: `Cellen innehåller ${value}.`, en: `The cell holds ${value}.` }),
  noticeCellEmpty: { sv: "Cellen är tom.", en: "The cell is empty." },
  noticeCellMissing: { sv: "Cellen finns inte i arbetsboken.", en: "The cell is not in the workbook." },
  noticeRow: (labels: string): Message => ({ sv: `Raden: ${labels}`, en: `The row: ${labels}` }),
  noticeNoExcel: {
    sv: "Här finns inget Excel-fönster att flytta markeringen i: öppna arbetsboken i Excel för att se cellen i sitt sammanhang.",
    en: "There is no Excel window here to move the selection in: open the workbook in Excel to see the cell in its place.",
  },
  noticeSheetTitle: (sheet: string): Message => ({ sv: `Bladet ${sheet}`, en: `The sheet ${sheet}` }),
  noticeSheetInResult: {
    sv: "Bladet finns i arbetsboken du laddar ner. Öppna den i Excel för att se det.",
    en: "The sheet is in the workbook you download. Open it in Excel to see it.",
  },
  noticeSettingsTitle: { sv: "Inställningarna är sparade", en: "The settings are saved" },
  noticeSettings: {
    sv: "De sparas i bladet Balans inställningar i arbetsboken du laddar ner och gäller från nästa kontroll. Filen du öppnade ändras inte.",
    en: "They are saved in the sheet Balans inställningar of the workbook you download and apply from the next check. The file you opened is not changed.",
  },
  dismiss: { sv: "Stäng", en: "Close" },

  // Worker-side messages
  // Under the pane's title "Det gick inte" / "That did not work": name the file first.
  cannotOpen: (name: string, reason: Message): Message => ({
    sv: `${name} kunde inte öppnas. ${reason.sv}`,
    en: `${name} could not be opened. ${reason.en}`,
  }),
  noWorkbook: { sv: "Öppna en arbetsbok först.", en: "Open a workbook first." },
  settingsNotOurs: {
    sv: "Inställningarna finns i ett blad som är ditt eget. Balans ändrar aldrig dina blad: ändra värdena där.",
    en: "The settings are on a sheet of your own. Balans never changes your sheets: change the values there.",
  },
  workerFailed: {
    sv: "Balans slutade arbeta mitt i. Arbetsboken kan vara för stor för webbläsarens minne; ladda om sidan och försök igen, eller använd kommandoraden.",
    en: "Balans stopped half-way. The workbook may be too large for the browser's memory; reload the page and try again, or use the command line.",
  },
} as const;
