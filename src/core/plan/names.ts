import { finding } from "../findings";
import { RULES } from "../rules";
import type { Finding, Language, OwnedSheetKind, WorkbookModel, WorkbookSnapshot } from "../types";
import { SHEET_NAMES, t } from "./texts";

export interface SheetTarget {
  readonly name: string;
  /** The owned sheet from an earlier run this one replaces. */
  readonly replaces?: string;
}

export interface SheetNaming {
  readonly targets: ReadonlyMap<OwnedSheetKind, SheetTarget>;
  /** Owned sheets of kinds this run does not write (the settings sheet is never removed). */
  readonly remove: readonly string[];
  readonly findings: readonly Finding[];
}

const fold = (name: string) => name.toLocaleLowerCase("sv");

/**
 * Decides each Balans sheet's name. An owned sheet of the same kind (recognised by its
 * mark, whatever it is called now) is replaced; a user's sheet that happens to have the
 * name is never touched: Balans writes under `Name (2)` and says so.
 */
export function nameSheets(model: WorkbookModel, snapshot: WorkbookSnapshot, kinds: readonly OwnedSheetKind[], language: Language): SheetNaming {
  const owned = new Set(model.ownedSheets.map((s) => fold(s.name)));
  const taken = new Set(snapshot.sheets.filter((s) => !owned.has(fold(s.name))).map((s) => fold(s.name)));
  const userSheet = new Map(snapshot.sheets.map((s) => [fold(s.name), s.name]));
  const targets = new Map<OwnedSheetKind, SheetTarget>();
  const findings: Finding[] = [];
  const chosen = new Set<string>();
  const replaced = new Set<string>();

  for (const kind of kinds) {
    const desired = t(SHEET_NAMES[kind], language);
    const candidates = model.ownedSheets.filter((s) => s.kind === kind);
    const previous = candidates.find((s) => fold(s.name) === fold(desired)) ?? candidates[0];
    if (previous) replaced.add(previous.name);
    // Owned sheets that stay (other kinds, extra copies) keep their names too.
    let name = desired;
    for (let i = 2; taken.has(fold(name)) || chosen.has(fold(name)) || isKeptOwned(model, name, kinds, previous?.name); i++) name = `${desired} (${i})`;
    if (name !== desired && taken.has(fold(desired))) {
      findings.push(
        finding(RULES.nameTaken, userSheet.get(fold(desired)) ?? desired, "A1", {
          sv: `Bladet ”${desired}” är ditt eget och lämnas orört; Balans skrev sin sammanställning till ”${name}”.`,
          en: `The sheet “${desired}” is your own and is left untouched; Balans wrote its summary to “${name}”.`,
        }),
      );
    }
    chosen.add(fold(name));
    targets.set(kind, { name, replaces: previous?.name });
  }
  const remove = model.ownedSheets
    .filter((s) => s.kind !== "settings" && !kinds.includes(s.kind) && !replaced.has(s.name))
    .filter((s, i, all) => all.findIndex((x) => x.kind === s.kind) === i)
    .map((s) => s.name);
  return { targets, remove, findings };
}

/** True when `name` belongs to an owned sheet this run neither replaces nor removes. */
function isKeptOwned(model: WorkbookModel, name: string, kinds: readonly OwnedSheetKind[], replacing?: string): boolean {
  return model.ownedSheets.some(
    (s) => fold(s.name) === fold(name) && s.name !== replacing && (s.kind === "settings" || kinds.includes(s.kind)) && model.ownedSheets.filter((x) => x.kind === s.kind)[0]?.name !== s.name,
  );
}
