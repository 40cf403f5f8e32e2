import type { Message } from "../core/types";

/**
 * Why an .xlsx file could not be read or written. Callers show `message[language]`
 * and branch on `code`, which is stable.
 *
 * - `not-a-zip`: not a zip package at all (empty file, another format).
 * - `not-a-workbook`: a zip, but no spreadsheet in it (a .docx, an .xlsb, an old .xls).
 * - `encrypted`: a password-protected workbook (an OLE compound file) or encrypted zip entries.
 * - `strict-ooxml`: an ISO "Strict" workbook; read, but not written into.
 * - `too-large`: declared sizes beyond the configured bounds (zip bombs included).
 * - `corrupt`: a damaged package or part (truncated, bad checksum, broken XML).
 * - `not-owned`: a plan asked to delete a sheet that does not carry the Balans owner mark.
 * - `name-taken`: a plan sheet's name is already used by a sheet that stays.
 * - `invalid-plan`: the plan itself cannot be written (bad sheet name, no sheets, …).
 * - `protected`: the workbook's structure is protected; sheets are not added to it.
 */
export type XlsxErrorCode =
  | "not-a-zip"
  | "not-a-workbook"
  | "encrypted"
  | "strict-ooxml"
  | "too-large"
  | "corrupt"
  | "not-owned"
  | "name-taken"
  | "invalid-plan"
  | "protected";

// `Error.message` is a string, but our callers need both languages under `message`
// (the contract in docs): the base type is narrowed so the field can be re-declared.
const ErrorWithoutMessage = Error as unknown as new (message?: string) => Omit<Error, "message">;

export class XlsxError extends ErrorWithoutMessage {
  readonly code: XlsxErrorCode;
  readonly message: Message;

  constructor(code: XlsxErrorCode, message: Message, options?: { cause?: unknown }) {
    // The English text goes to the base so stack traces and logs read well.
    super(message.en);
    this.name = "XlsxError";
    this.code = code;
    this.message = message;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message.en}`;
  }
}

export function isXlsxError(value: unknown): value is XlsxError {
  return value instanceof XlsxError;
}

const TEXTS: Record<XlsxErrorCode, Message> = {
  "not-a-zip": { sv: "Filen är inte en Excel-arbetsbok (.xlsx).", en: "The file is not an Excel workbook (.xlsx)." },
  "not-a-workbook": { sv: "Filen är ett paket men innehåller ingen Excel-arbetsbok.", en: "The file is a package but holds no Excel workbook." },
  encrypted: { sv: "Arbetsboken är lösenordsskyddad. Ta bort lösenordet och försök igen.", en: "The workbook is password-protected. Remove the password and try again." },
  "strict-ooxml": { sv: "Arbetsboken är sparad som Strict Open XML. Spara den som vanlig Excel-arbetsbok (.xlsx).", en: "The workbook is saved as Strict Open XML. Save it as a regular Excel workbook (.xlsx)." },
  "too-large": { sv: "Filen är för stor för att läsas säkert.", en: "The file is too large to read safely." },
  corrupt: { sv: "Filen är skadad och kan inte läsas.", en: "The file is damaged and cannot be read." },
  "not-owned": { sv: "Balans skriver aldrig över ett blad som Balans inte har skapat.", en: "Balans never overwrites a sheet it did not create." },
  "name-taken": { sv: "Ett blad med samma namn finns redan.", en: "A sheet with the same name already exists." },
  "invalid-plan": { sv: "Resultatet kan inte skrivas till arbetsboken.", en: "The result cannot be written to the workbook." },
  protected: {
    sv: "Arbetsbokens struktur är skyddad, så Balans lägger inte till blad i den. Ta bort skyddet (Granska → Skydda arbetsbok) och försök igen.",
    en: "The workbook's structure is protected, so Balans does not add sheets to it. Remove the protection (Review → Protect Workbook) and try again.",
  },
};

/** An error with the standard text for its code, optionally followed by a detail in each language. */
export function xlsxError(code: XlsxErrorCode, detail?: Message, cause?: unknown): XlsxError {
  const base = TEXTS[code];
  const message = detail ? { sv: `${base.sv} ${detail.sv}`, en: `${base.en} ${detail.en}` } : base;
  return new XlsxError(code, message, cause === undefined ? undefined : { cause });
}

/** Runs `work`; anything thrown that is not already an XlsxError becomes a `corrupt` one. */
export function wrapErrors<T>(work: () => T, code: XlsxErrorCode = "corrupt"): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw xlsxError(code, undefined, error);
  }
}
