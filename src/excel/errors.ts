import type { Message } from "../core/types";

/**
 * What to tell the user when Excel says no. Office errors carry a stable `code` (part of
 * `OfficeExtension.ErrorCodes` or `Excel.ErrorCodes`, listed in "Error handling with the
 * Excel JavaScript API"); their `message` is localized and not meant for users, so only
 * the code is read here.
 */

/** An error the adapter raises itself, shaped like `OfficeExtension.Error` (a `code`). */
export class ExcelAdapterError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExcelAdapterError";
  }
}

/** The Office error code of any thrown value, or `Unknown`. */
export function officeErrorCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
  }
  return "Unknown";
}

const PROTECTED: Message = {
  sv: "Excel tillät inte ändringen: arbetsboken eller ett blad är skyddat. Ta bort skyddet (Granska > Ta bort skydd) och kör Balans igen.",
  en: "Excel did not allow the change: the workbook or a sheet is protected. Remove the protection (Review > Unprotect) and run Balans again.",
};

const CO_AUTHORING: Message = {
  sv: "Någon annan ändrade arbetsboken samtidigt. Vänta några sekunder tills ändringarna har sparats och synkats, och kör Balans igen.",
  en: "Someone else changed the workbook at the same time. Wait a few seconds until their changes are saved and synced, then run Balans again.",
};

const TOO_LARGE: Message = {
  sv: "Arbetsboken är för stor för att Excel ska kunna skicka den i ett stycke. Försök igen; hjälper det inte, ta bort blad som Balans inte behöver eller kör Balans på .xlsx-filen i stället.",
  en: "The workbook is too large for Excel to send in one piece. Try again; if that does not help, remove sheets Balans does not need or run Balans on the .xlsx file instead.",
};

const MESSAGES: Readonly<Record<string, Message>> = {
  AccessDenied: PROTECTED,
  InvalidOperationInCellEditMode: {
    sv: "Du redigerar en cell just nu. Tryck Enter eller Esc för att lämna cellen och kör Balans igen.",
    en: "You are editing a cell. Press Enter or Esc to leave the cell, then run Balans again.",
  },
  // Co-authoring: Excel reports a clash with another author's change as Conflict (or,
  // for inserted/deleted rows and columns, InsertDeleteConflict).
  Conflict: CO_AUTHORING,
  InsertDeleteConflict: CO_AUTHORING,
  ActivityLimitReached: {
    sv: "Excel är upptaget med annat just nu. Vänta en stund och kör Balans igen.",
    en: "Excel is busy right now. Wait a moment and run Balans again.",
  },
  RequestAborted: {
    sv: "Excel avbröt begäran innan den var klar. Kör Balans igen.",
    en: "Excel stopped the request before it finished. Run Balans again.",
  },
  RequestPayloadSizeLimitExceeded: {
    sv: "Det Balans skulle skriva var för stort för en begäran till Excel (Excel på webben tar högst 5 MB åt gången). Försök igen; hjälper det inte, kör Balans på .xlsx-filen i stället.",
    en: "What Balans had to write was too large for one request to Excel (Excel on the web takes at most 5 MB at a time). Try again; if that does not help, run Balans on the .xlsx file instead.",
  },
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  RangeExceedsLimit: TOO_LARGE,
  OperationCellsExceedLimit: TOO_LARGE,
  MemoryLimitReached: TOO_LARGE,
  ItemAlreadyExists: {
    sv: "Det finns redan ett blad eller en tabell med det namn Balans ville använda. Byt namn på ditt blad eller din tabell och kör Balans igen.",
    en: "A sheet or table already has the name Balans wanted to use. Rename your sheet or table and run Balans again.",
  },
  ItemNotFound: {
    sv: "Ett blad som Balans behövde finns inte längre; det kan ha tagits bort eller bytt namn medan Balans arbetade. Kör Balans igen.",
    en: "A sheet Balans needed no longer exists; it may have been deleted or renamed while Balans was working. Run Balans again.",
  },
  InvalidArgument: {
    sv: "Excel godtog inte en del av det Balans skulle skriva. Kör Balans igen; om felet kvarstår, kontakta den som förvaltar Balans och berätta vilken arbetsbok det gällde.",
    en: "Excel did not accept part of what Balans had to write. Run Balans again; if it happens again, contact whoever maintains Balans and say which workbook it was.",
  },
  InactiveWorkbook: {
    sv: "Flera arbetsböcker är öppna och den här är inte längre vald. Klicka i arbetsboken och kör Balans igen.",
    en: "Several workbooks are open and this one is no longer selected. Click in the workbook and run Balans again.",
  },
  ApiNotFound: {
    sv: "Den här versionen av Excel saknar funktioner som Balans behöver (ExcelApi 1.8). Uppdatera Excel eller använd Excel på webben.",
    en: "This version of Excel lacks features Balans needs (ExcelApi 1.8). Update Excel or use Excel on the web.",
  },
  ApiNotAvailable: {
    sv: "Den här versionen av Excel saknar funktioner som Balans behöver (ExcelApi 1.8). Uppdatera Excel eller använd Excel på webben.",
    en: "This version of Excel lacks features Balans needs (ExcelApi 1.8). Update Excel or use Excel on the web.",
  },
  GeneralException: {
    sv: "Excel kunde inte slutföra åtgärden. Kör Balans igen; om felet kvarstår, spara och stäng arbetsboken och öppna den igen.",
    en: "Excel could not finish the operation. Run Balans again; if it happens again, save and close the workbook and open it again.",
  },
};

const FALLBACK: Message = {
  sv: "Excel rapporterade ett oväntat fel. Kör Balans igen; om felet kvarstår, spara och stäng arbetsboken och öppna den igen.",
  en: "Excel reported an unexpected error. Run Balans again; if it happens again, save and close the workbook and open it again.",
};

/** The user-facing message for an error thrown by Excel (or by this adapter). */
export function officeErrorMessage(error: unknown): { code: string; message: Message } {
  const code = officeErrorCode(error);
  const message = MESSAGES[code] ?? FALLBACK;
  return { code, message };
}
