import type { Language, Message } from "../core/types";

/**
 * The outcome dialog is a separate page in a separate browser window (Office dialogs share
 * nothing with their opener), so the message travels in its URL: `?lang=sv&text=…`.
 * Only the language the user sees is sent, which keeps the URL short.
 */

export interface Outcome {
  readonly language: Language;
  readonly text: string;
}

/** Office's display language (`sv-SE`, `sv-FI`, `en-US`, …) to the language Balans speaks. */
export function languageOf(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^sv\b/i.test(displayLanguage) ? "sv" : "en";
}

export function outcomeDialogUrl(pageUrl: string, message: Message, language: Language): string {
  const url = new URL(pageUrl);
  url.searchParams.set("lang", language);
  url.searchParams.set("text", message[language]);
  return url.href;
}

export function readOutcome(search: string): Outcome {
  const params = new URLSearchParams(search);
  const language = languageOf(params.get("lang"));
  const text = params.get("text")?.trim();
  return {
    language,
    text: text || (language === "sv" ? "Balans har inget att visa." : "Balans has nothing to show."),
  };
}
