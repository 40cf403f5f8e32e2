import type { Analysis } from "../core/engine";
import type { KeyFigures } from "../core/keyFigures";
import type { Language, Message, OwnedSheetKind, Settings, Unit } from "../core/types";

/**
 * The seam between the pane and its host. Components only see this interface, so they
 * render and are tested without Office; `officeActions.ts` backs it with Excel, the
 * stand-alone page with an .xlsx file.
 */

export type SheetRole = "report" | "measures" | "programmes" | "settings" | "owned" | "other";

export interface DetectedSheet {
  readonly name: string;
  readonly role: SheetRole;
  /** For report sheets: the month (1–12) the sheet reports, when it is a month sheet. */
  readonly month?: number;
}

export interface Detection {
  readonly workbook: string;
  readonly year: number;
  readonly unit: Unit;
  readonly costSign: "positive" | "negative";
  readonly sheets: readonly DetectedSheet[];
  readonly settings: Settings;
  /** False when the settings sheet is the user's own: Balans never edits a user's sheet. */
  readonly settingsEditable: boolean;
}

export type Step = "reading" | "checking" | "writing";

export interface RunChoices {
  readonly reportSheets: readonly string[];
  readonly year: number;
  readonly unit: Unit;
  readonly language: Language;
}

export interface RunOutcome {
  readonly analysis: Analysis;
  /** The summary sheets written, in tab order. */
  readonly sheets: readonly { readonly kind: OwnedSheetKind; readonly name: string }[];
  readonly keyFigures: KeyFigures;
}

export interface BalansActions {
  detect(): Promise<Detection>;
  run(choices: RunChoices, onStep: (step: Step) => void): Promise<RunOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  showSheet(name: string): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
}

/** An error meant for the user: its message exists in both languages. */
export class BalansError extends Error {
  constructor(public readonly userMessage: Message) {
    super(userMessage.en);
    this.name = "BalansError";
  }
}

export const GENERIC_ERROR: Message = {
  sv: "Något gick fel. Försök igen; om felet kvarstår, stäng och öppna Balans.",
  en: "Something went wrong. Try again; if it happens again, close and reopen Balans.",
};

/**
 * What to tell the user about any error: a BalansError's own message, otherwise a generic
 * one. An error from another bundle (the ribbon command) is a BalansError of another
 * class identity, so any error carrying a `userMessage` in both languages counts.
 */
export function userMessageOf(error: unknown): Message {
  if (error instanceof BalansError) return error.userMessage;
  const candidate = (error as { userMessage?: unknown } | null)?.userMessage as Partial<Message> | undefined;
  if (typeof candidate?.sv === "string" && typeof candidate.en === "string") return { sv: candidate.sv, en: candidate.en };
  return GENERIC_ERROR;
}
