import type { Language, Message } from "../core/types";
import type { BalansActions } from "../taskpane/actions";
import { countFindings, type CheckCounts } from "./checkMessages";

export const NO_REPORTS: Message = {
  sv: "Balans hittade inga månadsrapporter i arbetsboken. Öppna Balans och kryssa i vilka blad som är rapporter.",
  en: "Balans found no monthly reports in the workbook. Open Balans and tick the sheets that are reports.",
};

/**
 * The ribbon command's `run`, on the same host actions as the task pane: detect what the
 * workbook holds, run with what was detected (the pane would let the user change it),
 * and count the findings. Like the pane's run, it rewrites Balans's own summary sheets.
 */
export function checkWithActions(actions: Pick<BalansActions, "detect" | "run">, language: Language): () => Promise<CheckCounts> {
  return async () => {
    const detection = await actions.detect();
    const reportSheets = detection.sheets.filter((sheet) => sheet.role === "report").map((sheet) => sheet.name);
    if (reportSheets.length === 0) {
      throw Object.assign(new Error(NO_REPORTS.en), { userMessage: NO_REPORTS });
    }
    const outcome = await actions.run({ reportSheets, year: detection.year, unit: detection.unit, language }, () => undefined);
    return countFindings(outcome.analysis.findings);
  };
}
