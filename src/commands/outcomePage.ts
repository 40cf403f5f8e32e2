import type { Outcome } from "./outcomeUrl";

const CLOSE_LABEL = { sv: "Stäng", en: "Close" } as const;

/**
 * Fills the outcome dialog. Plain DOM rather than React: the page shows one sentence and
 * one button, and should open instantly. The text arrives in the URL, so it is set as
 * text, never parsed as HTML.
 */
export function renderOutcome(root: HTMLElement, outcome: Outcome, onClose: () => void): void {
  const doc = root.ownerDocument;
  doc.documentElement.lang = outcome.language;

  const heading = doc.createElement("h1");
  heading.textContent = "Balans";

  const text = doc.createElement("p");
  text.className = "outcome-text";
  text.setAttribute("role", "status");
  text.textContent = outcome.text;

  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = CLOSE_LABEL[outcome.language];
  button.addEventListener("click", onClose);

  root.replaceChildren(heading, text, button);
  button.focus();
}
