import type { CellValue, Message, SheetSnapshot, WorkbookModel, WorkbookSnapshot } from "../core/types";
import type { ExcelRun } from "./host";
import { readSnapshot, type ReadOptions } from "./readWorkbook";

/**
 * Stale-data detection for the Office host. A run reads the workbook, computes for a
 * while, then writes summaries; a co-author (or the user, in another window) may change a
 * report cell in between, and summaries of the old values would then be written as if
 * they were current. So the run fingerprints the sheets it read its figures from, and
 * just before writing, inside the same `Excel.run` as the write, reads those sheets'
 * values again and compares. A difference stops the run before anything is written and
 * asks the user to run again.
 *
 * Why re-reading rather than `worksheet.onChanged` (ExcelApi 1.7): events are delivered
 * asynchronously and only after their handlers are registered (a change in the gap
 * between reading and registering is missed), they need an event-capable runtime, and
 * whether a co-author's change arrives before our write is not promised. Re-reading the
 * values is the same request the first read made, works on every host the adapter
 * supports, and compares exactly what the figures were computed from. Its cost is a
 * second read of the source sheets only (not of Balans's own sheets or of sheets the run
 * did not use): about the time of the first read, which is small beside the engine's.
 */

export const WORKBOOK_CHANGED: Message = {
  sv: "Arbetsboken ändrades medan Balans kontrollerade den (av dig eller av någon som redigerar samtidigt). Inget har skrivits. Kör Balans igen.",
  en: "The workbook changed while Balans was checking it (by you or by someone editing at the same time). Nothing was written. Run Balans again.",
};

/** Raised when the source sheets changed between reading and writing. */
export class WorkbookChangedError extends Error {
  readonly userMessage = WORKBOOK_CHANGED;
  constructor() {
    super(WORKBOOK_CHANGED.en);
    this.name = "WorkbookChangedError";
  }
}

/** The sheets a run's figures come from: report sheets, measures, programmes, settings. */
export function sourceSheets(model: WorkbookModel): string[] {
  const names = new Set<string>();
  for (const layout of model.reportSheets) names.add(layout.sheet);
  if (model.measureSheet) names.add(model.measureSheet);
  if (model.settingsSheet) names.add(model.settingsSheet);
  for (const programme of model.programmes) names.add(programme.sheet);
  return [...names];
}

/**
 * A 53-bit hash (cyrb53: two 32-bit multiplicative streams) of the named sheets' names,
 * positions and values. Not cryptographic: it guards against accidents, not against an
 * adversary who can edit the workbook anyway.
 */
export function fingerprint(snapshot: WorkbookSnapshot, names: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  const byName = new Map(snapshot.sheets.map((sheet) => [sheet.name.toLowerCase(), sheet] as const));
  for (const name of [...names].sort()) {
    const sheet: SheetSnapshot | undefined = byName.get(name.toLowerCase());
    // A source sheet that disappeared is a change too.
    add(sheet ? `\u0001${sheet.name}\u0001${sheet.top},${sheet.left}` : `\u0002${name}`);
    if (!sheet) continue;
    sheet.rows.forEach((row, r) => {
      add(`\u0003${r}`);
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) add(`\u0004${c}\u0005${valueText(value)}`);
      });
    });
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function valueText(value: CellValue): string {
  if (typeof value === "string") return `s${value}`;
  if (typeof value === "number") return `n${value}`;
  if (typeof value === "boolean") return value ? "T" : "F";
  if (value === null) return "";
  return `e${value.error}`;
}

/**
 * For `applyPlan`'s `beforeWrite`: reads the named sheets again in the write's own
 * `Excel.run` and throws WorkbookChangedError when their fingerprint differs.
 */
export function unchangedSince(
  expected: string,
  names: readonly string[],
  options: Omit<ReadOptions, "onlySheets"> = {},
): (context: Excel.RequestContext) => Promise<void> {
  return async (context) => {
    const inThisRun: ExcelRun = (batch) => batch(context);
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const now = await readSnapshot(inThisRun, { ...options, onlySheets: (name) => wanted.has(name.toLowerCase()) });
    if (fingerprint(now, names) !== expected) throw new WorkbookChangedError();
  };
}
