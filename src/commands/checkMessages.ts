import type { Finding, Message } from "../core/types";

/** How many findings of each severity a check produced. */
export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countFindings(findings: readonly Pick<Finding, "severity">[]): CheckCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { severity } of findings) {
    if (severity === "error") errors++;
    else if (severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** `a, b och c` / `a, b and c`. */
function list(parts: readonly string[], and: string): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} ${and} ${parts[parts.length - 1]}`;
}

/**
 * What the ribbon command tells the user after a check. The same words as the task pane
 * (fel, varningar, upplysningar / errors, warnings, notes); the details are in the pane.
 */
export function outcomeMessage(counts: CheckCounts): Message {
  const { errors, warnings, infos } = counts;
  if (errors + warnings + infos === 0) {
    return {
      sv: "Balans har kontrollerat arbetsboken och hittade inga fel, varningar eller upplysningar.",
      en: "Balans checked the workbook and found no errors, warnings or notes.",
    };
  }
  const sv = list(
    [`${errors} fel`, `${warnings} ${plural(warnings, "varning", "varningar")}`, `${infos} ${plural(infos, "upplysning", "upplysningar")}`],
    "och",
  );
  const en = list(
    [`${errors} ${plural(errors, "error", "errors")}`, `${warnings} ${plural(warnings, "warning", "warnings")}`, `${infos} ${plural(infos, "note", "notes")}`],
    "and",
  );
  return {
    sv: `Balans har kontrollerat arbetsboken: ${sv}. Öppna Balans för att se var.`,
    en: `Balans checked the workbook: ${en}. Open Balans to see where.`,
  };
}

/**
 * Office.js errors carry a stable `code` (their `message` is localized and not meant for
 * users); errors Balans raises for users carry their own `userMessage` in both languages.
 */
const OFFICE_ERRORS: Readonly<Record<string, Message>> = {
  RequestPayloadSizeLimitExceeded: {
    sv: "Arbetsboken är för stor för att kontrolleras härifrån. Öppna Balans och kontrollera färre blad åt gången.",
    en: "The workbook is too large to check from here. Open Balans and check fewer sheets at a time.",
  },
  ResponsePayloadSizeLimitExceeded: {
    sv: "Arbetsboken är för stor för att kontrolleras härifrån. Öppna Balans och kontrollera färre blad åt gången.",
    en: "The workbook is too large to check from here. Open Balans and check fewer sheets at a time.",
  },
  InvalidOperationInCellEditMode: {
    sv: "Excel redigerar en cell. Avsluta redigeringen (Enter eller Esc) och försök igen.",
    en: "Excel is editing a cell. Finish editing (Enter or Esc) and try again.",
  },
  AccessDenied: {
    sv: "Excel tillåter inte ändringar i arbetsboken just nu (skyddad eller skrivskyddad?).",
    en: "Excel does not allow changes to the workbook right now (protected or read-only?).",
  },
};

function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).sv === "string" && typeof (value as Message).en === "string";
}

export function failureMessage(error: unknown): Message {
  if (typeof error === "object" && error !== null) {
    const { userMessage, code } = error as { userMessage?: unknown; code?: unknown };
    if (isMessage(userMessage)) return userMessage;
    if (typeof code === "string") {
      const known = OFFICE_ERRORS[code];
      if (known) return known;
      return {
        sv: `Balans kunde inte kontrollera arbetsboken (Excel-felkod ${code}). Försök igen, eller öppna Balans.`,
        en: `Balans could not check the workbook (Excel error code ${code}). Try again, or open Balans.`,
      };
    }
  }
  return {
    sv: "Balans kunde inte kontrollera arbetsboken. Försök igen, eller öppna Balans.",
    en: "Balans could not check the workbook. Try again, or open Balans.",
  };
}
