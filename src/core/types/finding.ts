export type Severity = "error" | "warning" | "info";

export type Language = "sv" | "en";

/** A user-visible text in both languages Balans speaks. */
export interface Message {
  readonly sv: string;
  readonly en: string;
}

/**
 * A problem (or a fact worth telling) found in the input. Every finding points at a
 * sheet and an A1 cell address (a range such as `A1:F1` where a whole header is meant;
 * an empty cell address only for findings about the workbook as a whole).
 */
export interface Finding {
  readonly severity: Severity;
  /** Stable rule code, e.g. `READ-TEXT-NUMBER`; listed in src/core/rules.ts. */
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: Message;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
