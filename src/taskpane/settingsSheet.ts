import { ownerMark, type PlanCell, type Settings, type SheetPlan, type WritePlan } from "../core/types";
import { formatRules } from "./settingsText";

/**
 * The settings sheet Balans writes when the user saves settings in the pane: the
 * two-column form the reader accepts (`Inställning` | `Värde`, Swedish keys, see
 * docs/architecture.md). A setting left to be decided from the workbook (unit, year) is
 * not written, so the reader's default applies.
 */

export const SETTINGS_SHEET_NAME = "Balans inställningar";

const HEADER_STYLE = "balansSettingsHeader";
const PERCENT_STYLE = "balansSettingsPercent";

export interface KnownSheet {
  readonly name: string;
  readonly ownerMark?: string;
}

export function settingsRows(settings: Settings): [string, PlanCell, boolean][] {
  const text = (value: string): PlanCell => ({ text: value });
  const number = (value: number): PlanCell => ({ number: value });
  const rows: [string, PlanCell, boolean][] = [];
  const add = (key: string, value: PlanCell, percent = false) => rows.push([key, value, percent]);
  if (settings.unit !== null) add("Enhet", text(settings.unit));
  add("Teckenkonvention", text(settings.costSign === "positive" ? "kostnader positiva" : settings.costSign === "negative" ? "kostnader negativa" : "auto"));
  if (settings.year !== null) add("År", number(settings.year));
  add("Egen personal", text(formatRules(settings.accounts.ownStaff)));
  add("Inhyrda läkare", text(formatRules(settings.accounts.hiredDoctors)));
  add("Inhyrda sjuksköterskor", text(formatRules(settings.accounts.hiredNurses)));
  add("Övrig inhyrd personal", text(formatRules(settings.accounts.hiredOther)));
  add("Konsulter", text(formatRules(settings.accounts.consultants)));
  add("Intäkter", text(formatRules(settings.accounts.income)));
  add("Mål hyrpersonal", number(settings.hiredShareTarget), true);
  add("Nämnare hyrpersonal", text(settings.hiredShareDenominator === "allStaff" ? "all personal" : "egen personal"));
  add("Grön från", number(settings.statusThresholds.green), true);
  add("Gul från", number(settings.statusThresholds.yellow), true);
  add("Kommentarsgräns belopp", number(settings.commentThresholdAmount));
  add("Kommentarsgräns andel", number(settings.commentThresholdShare), true);
  // `Språngsgräns`: the reader does not know the spelling `Språnggräns` (docs/architecture.md).
  add("Språngsgräns", number(settings.jumpShare), true);
  add("Språng minsta belopp", number(settings.jumpMinAmount));
  return rows;
}

/**
 * A plan that writes only the settings sheet: over Balans's own settings sheet when there
 * is one, otherwise under a name no user sheet has. Other owned sheets are left alone.
 */
export function settingsSheetPlan(settings: Settings, sheets: readonly KnownSheet[]): WritePlan {
  const mark = ownerMark("settings");
  const existing = sheets.find((sheet) => sheet.ownerMark === mark);
  const name = existing?.name ?? freeName(SETTINGS_SHEET_NAME, sheets);
  const rows = settingsRows(settings);
  const cells: PlanCell[][] = [[{ text: "Inställning" }, { text: "Värde" }], ...rows.map(([key, value]) => [{ text: key }, value])];
  const sheet: SheetPlan = {
    kind: "settings",
    name,
    ...(existing ? { replaces: existing.name } : {}),
    blocks: [{ top: 0, left: 0, cells }],
    styleRuns: [
      { range: { top: 0, left: 0, bottom: 0, right: 1 }, style: HEADER_STYLE },
      ...rows.flatMap(([, , percent], i) => (percent ? [{ range: { top: i + 1, left: 1, bottom: i + 1, right: 1 }, style: PERCENT_STYLE }] : [])),
    ],
    columnWidths: [28, 40],
    freeze: { rows: 1, columns: 0 },
    tables: [],
    conditionalFormats: [],
    charts: [],
  };
  return {
    sheets: [sheet],
    remove: [],
    styles: { [HEADER_STYLE]: { bold: true }, [PERCENT_STYLE]: { numberFormat: "0.0 %", horizontal: "right" } },
  };
}

/** `Balans inställningar`, or `Balans inställningar (2)` … when a user sheet has the name (Excel compares case-insensitively). */
function freeName(base: string, sheets: readonly KnownSheet[]): string {
  const taken = new Set(sheets.map((sheet) => sheet.name.toLocaleLowerCase("sv")));
  if (!taken.has(base.toLocaleLowerCase("sv"))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLocaleLowerCase("sv"))) return candidate;
  }
}
