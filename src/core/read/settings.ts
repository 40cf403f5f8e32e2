import { a1 } from "../address";
import { finding } from "../findings";
import { RULES } from "../rules";
import type { AccountClass, AccountRule, CellValue, Finding, Settings, SheetSnapshot, Unit } from "../types";
import { isBlank } from "../types";
import { CLASS_ORDER } from "./classify";
import { readShare, readAmount } from "./numbers";
import { parseYearCell } from "./months";
import { displayText, foldText } from "./text";

const range = (from: number, to: number): AccountRule => ({ kind: "range", from, to });
const word = (contains: string): AccountRule => ({ kind: "name", contains });

/**
 * Defaults when the workbook has no settings sheet: BAS-style account groups (hired
 * staff 68xx split by profession, consultants 655x, own staff 70–76, income 3xxx),
 * the national 2 % hired-staff target over own personnel costs.
 */
export const DEFAULT_SETTINGS: Settings = {
  unit: null,
  costSign: "auto",
  year: null,
  accounts: {
    hiredDoctors: [range(6810, 6819), word("hyrläkare"), word("inhyrd läkare"), word("inhyrda läkare")],
    hiredNurses: [range(6820, 6829), word("inhyrd sjuksköterska"), word("inhyrda sjuksköterskor"), word("hyrsjuksköterska")],
    hiredOther: [range(6800, 6899), word("inhyrd"), word("hyrpersonal"), word("bemanning")],
    consultants: [range(6550, 6559), word("konsult")],
    ownStaff: [range(7000, 7699)],
    income: [range(3000, 3999), word("intäkt")],
  },
  hiredShareTarget: 0.02,
  hiredShareDenominator: "ownStaff",
  statusThresholds: { green: 0.9, yellow: 0.5 },
  commentThresholdAmount: 500,
  commentThresholdShare: 0.1,
  jumpShare: 0.5,
  jumpMinAmount: 200,
};

type SettingKey =
  | "unit" | "costSign" | "year" | Exclude<AccountClass, "otherCost">
  | "hiredShareTarget" | "hiredShareDenominator" | "green" | "yellow"
  | "commentThresholdAmount" | "commentThresholdShare" | "jumpShare" | "jumpMinAmount";

/** Setting names, Swedish and English, folded. */
const SETTING_NAMES: Readonly<Record<SettingKey, readonly string[]>> = {
  unit: ["enhet", "unit", "belopp i", "beloppsenhet"],
  costSign: ["teckenkonvention", "tecken", "costsign", "signconvention", "kostnadstecken"],
  year: ["ar", "year", "rapportar", "reportyear"],
  ownStaff: ["egenpersonal", "ownstaff", "personalkostnader", "egnapersonalkostnader"],
  hiredDoctors: ["inhyrdalakare", "hyrlakare", "hireddoctors"],
  hiredNurses: ["inhyrdasjukskoterskor", "hyrsjukskoterskor", "hirednurses"],
  hiredOther: ["ovriginhyrdpersonal", "ovrighyrpersonal", "hiredother", "otherhiredstaff"],
  consultants: ["konsulter", "consultants"],
  income: ["intakter", "income"],
  hiredShareTarget: ["malhyrpersonal", "hyrpersonalmal", "hiredstafftarget", "hiredsharetarget", "malandelhyrpersonal"],
  hiredShareDenominator: ["namnarehyrpersonal", "hiredstaffdenominator", "namnare", "denominator"],
  green: ["gronfran", "greenfrom", "gron", "green"],
  yellow: ["gulfran", "yellowfrom", "gul", "yellow"],
  commentThresholdAmount: ["kommentarsgransbelopp", "commentthresholdamount", "kommentargransbelopp"],
  commentThresholdShare: ["kommentarsgransandel", "commentthresholdshare", "kommentargransandel"],
  jumpShare: ["spranggrans", "sprangsgrans", "jumpthreshold", "jumpshare"],
  jumpMinAmount: ["sprangminstabelopp", "sprangsminstabelopp", "jumpminimumamount", "jumpminamount"],
};

const SETTING_LOOKUP: ReadonlyMap<string, SettingKey> = new Map(
  (Object.keys(SETTING_NAMES) as SettingKey[]).flatMap((key) => SETTING_NAMES[key].map((name) => [foldText(name), key] as const)),
);

export const SETTINGS_SHEET_NAMES: readonly string[] = ["balansinstallningar", "balanssettings"];

const UNITS: ReadonlyMap<string, Unit> = new Map([
  ["kr", "kr"], ["sek", "kr"], ["kronor", "kr"], ["tkr", "tkr"], ["ksek", "tkr"], ["mnkr", "mnkr"], ["msek", "mnkr"], ["mkr", "mnkr"],
]);

/** Parses `6810-6819; hyrläkare, 6830` into account rules. Null when a part is unreadable. */
export function parseAccountRules(text: string): AccountRule[] | null {
  const rules: AccountRule[] = [];
  for (const part of text.split(/[;\n,]+/)) {
    const token = part.trim();
    if (token === "") continue;
    const r = /^(\d{1,10})\s*[-\u2013\u2212]\s*(\d{1,10})$/.exec(token);
    if (r) {
      const from = Number(r[1]);
      const to = Number(r[2]);
      if (from > to) return null;
      rules.push({ kind: "range", from, to });
    } else if (/^\d{1,10}$/.test(token)) {
      rules.push({ kind: "range", from: Number(token), to: Number(token) });
    } else {
      rules.push({ kind: "name", contains: token.toLowerCase() });
    }
  }
  return rules;
}

/** Account rules written back as text (`6810-6819; hyrläkare`), for the settings sheet and the pane. */
export function formatAccountRules(rules: readonly AccountRule[]): string {
  return rules.map((r) => (r.kind === "name" ? r.contains : r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join("; ");
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly findings: Finding[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads a settings sheet: one setting per row, the name in the first non-empty column
 * and the value in the next. An optional header row (`Inställning | Värde`) is skipped.
 */
export function readSettingsSheet(sheet: SheetSnapshot): SettingsRead {
  const settings: Mutable<Settings> = { ...DEFAULT_SETTINGS, accounts: { ...DEFAULT_SETTINGS.accounts }, statusThresholds: { ...DEFAULT_SETTINGS.statusThresholds } };
  const findings: Finding[] = [];
  const thresholds = { ...DEFAULT_SETTINGS.statusThresholds };
  const bad = (row: number, column: number, value: CellValue) =>
    findings.push(
      finding(RULES.settingValue, sheet.name, a1(row, column), {
        sv: `Värdet ”${displayText(value)}” kan inte användas; standardvärdet gäller.`,
        en: `The value “${displayText(value)}” cannot be used; the default applies.`,
      }),
    );

  sheet.rows.forEach((cells, r) => {
    const row = sheet.top + r;
    const first = cells.findIndex((v) => !isBlank(v));
    if (first < 0) return;
    const nameCell = cells[first];
    const valueColumn = sheet.left + first + 1;
    const value = cells[first + 1] ?? null;
    const name = foldText(displayText(nameCell));
    if (["installning", "setting", "settings", "installningar", "balansinstallningar"].includes(name)) return;
    const key = SETTING_LOOKUP.get(name);
    if (key === undefined) {
      findings.push(
        finding(RULES.settingUnknown, sheet.name, a1(row, sheet.left + first), {
          sv: `Okänd inställning ”${displayText(nameCell)}”; raden används inte.`,
          en: `Unknown setting “${displayText(nameCell)}”; the row is not used.`,
        }),
      );
      return;
    }
    if (isBlank(value)) return;
    const text = displayText(value);
    switch (key) {
      case "unit": {
        const unit = UNITS.get(foldText(text));
        if (unit) settings.unit = unit;
        else bad(row, valueColumn, value);
        break;
      }
      case "costSign": {
        const folded = foldText(text);
        if (folded.includes("negativ")) settings.costSign = "negative";
        else if (folded.includes("positiv")) settings.costSign = "positive";
        else if (folded.includes("auto")) settings.costSign = "auto";
        else bad(row, valueColumn, value);
        break;
      }
      case "year": {
        const year = parseYearCell(value);
        if (year !== null) settings.year = year;
        else bad(row, valueColumn, value);
        break;
      }
      case "hiredShareDenominator": {
        const folded = foldText(text);
        if (folded.includes("egen") || folded.includes("own")) settings.hiredShareDenominator = "ownStaff";
        else if (folded.includes("all") || folded.includes("total") || folded.includes("samtlig")) settings.hiredShareDenominator = "allStaff";
        else bad(row, valueColumn, value);
        break;
      }
      case "hiredShareTarget":
      case "commentThresholdShare":
      case "jumpShare":
      case "green":
      case "yellow": {
        const share = readShare(value);
        if (share === null || share < 0 || share > 10) {
          bad(row, valueColumn, value);
        } else if (key === "green" || key === "yellow") {
          thresholds[key] = share;
        } else {
          settings[key] = share;
        }
        break;
      }
      case "commentThresholdAmount":
      case "jumpMinAmount": {
        const amount = readAmount(value);
        if (amount.kind === "number" && amount.value >= 0) settings[key] = amount.value;
        else bad(row, valueColumn, value);
        break;
      }
      default: {
        const rules = parseAccountRules(text);
        if (rules && rules.length > 0) settings.accounts = { ...settings.accounts, [key]: rules };
        else bad(row, valueColumn, value);
      }
    }
  });
  if (thresholds.yellow > thresholds.green) {
    findings.push(
      finding(RULES.settingValue, sheet.name, a1(sheet.top, sheet.left), {
        sv: "Gul gräns är högre än grön gräns; standardgränserna gäller.",
        en: "The yellow threshold is above the green one; the default thresholds apply.",
      }),
    );
  } else {
    settings.statusThresholds = thresholds;
  }
  return { settings, findings };
}

/** Settings from the sheet (if any) with the caller's overrides on top. */
export function mergeSettings(base: Settings, overrides: Partial<Settings> | undefined): Settings {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    accounts: { ...base.accounts, ...(overrides.accounts ?? {}) },
    statusThresholds: { ...base.statusThresholds, ...(overrides.statusThresholds ?? {}) },
  };
}

export { CLASS_ORDER };
