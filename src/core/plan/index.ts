import type { Analysis, RunOptions } from "../engine";
import type { Language, OwnedSheetKind, SheetPlan, WorkbookModel, WorkbookSnapshot, WritePlan } from "../types";
import { measureFollowUp } from "../summary/measures";
import { costCentreSheet } from "./costCentreSheet";
import { findingsSheet } from "./findingsSheet";
import { hiredStaffSheet } from "./hiredStaffSheet";
import { keysSheet } from "./keysSheet";
import { measuresSheet } from "./measuresSheet";
import type { SheetNaming } from "./names";
import { nameSheets } from "./names";
import type { SheetBuilder } from "./sheetBuilder";
import { STYLES } from "./sheetBuilder";
import { SourceSums } from "./sourceSums";
import { SHEET_NAMES, t } from "./texts";
import { varianceSheet } from "./varianceSheet";

const TAB_COLOUR = "#1F6F8B";

/** The kinds of sheet a run writes, in tab order. The keys sheet is decided after the others. */
export function plannedKinds(model: WorkbookModel): OwnedSheetKind[] {
  if (model.reportSheets.length === 0) return ["findings"];
  const kinds: OwnedSheetKind[] = ["variance", "variance-detail"];
  if (model.measures.length > 0) kinds.push("measures");
  kinds.push("hired-staff", "findings", "keys");
  return kinds;
}

/** Sheet names for a run: decided before the findings sheet is built, since a taken name is itself a finding. */
export function nameRun(model: WorkbookModel, snapshot: WorkbookSnapshot, language: Language): SheetNaming {
  return nameSheets(model, snapshot, plannedKinds(model), language);
}

/**
 * The write plan: every Balans sheet for this run, replacing the owned sheets of an
 * earlier run and removing those no longer written.
 */
export function buildWritePlan(analysis: Analysis, snapshot: WorkbookSnapshot, options: RunOptions, naming: SheetNaming = nameRun(analysis.model, snapshot, options.language)): WritePlan {
  const { model } = analysis;
  const language = options.language;
  const nameOf = (kind: OwnedSheetKind) => naming.targets.get(kind)?.name ?? t(SHEET_NAMES[kind], language);
  const built: { kind: OwnedSheetKind; builder: SheetBuilder }[] = [];

  if (model.reportSheets.length > 0) {
    const sums = new SourceSums(model, nameOf("keys"));
    sums.define("category");
    sums.define("costCentre");
    sums.define("class");
    built.push({ kind: "variance", builder: varianceSheet(model, analysis.variance, sums, language, nameOf("variance"), snapshot.date1904) });
    built.push({ kind: "variance-detail", builder: costCentreSheet(model, analysis.costCentres, sums, language, nameOf("variance-detail")) });
    if (model.measures.length > 0) {
      built.push({ kind: "measures", builder: measuresSheet(model, snapshot, measureFollowUp(model), language, nameOf("measures")) });
    }
    built.push({ kind: "hired-staff", builder: hiredStaffSheet(model, analysis.hiredStaff, sums, language, nameOf("hired-staff"), snapshot.date1904) });
    built.push({ kind: "findings", builder: findingsSheet(model, analysis.findings, language, nameOf("findings")) });
    const keys = keysSheet(model, sums, language, nameOf("keys"));
    if (keys) built.push({ kind: "keys", builder: keys });
  } else {
    built.push({ kind: "findings", builder: findingsSheet(model, analysis.findings, language, nameOf("findings")) });
  }

  const writtenKinds = new Set(built.map((b) => b.kind));
  const sheets: SheetPlan[] = built.map(({ kind, builder }) =>
    builder.build({
      replaces: naming.targets.get(kind)?.replaces,
      tabColor: kind === "keys" ? "#A6A6A6" : TAB_COLOUR,
      print: kind === "keys" ? undefined : { landscape: true, fitToWidth: true },
    }),
  );
  // A planned kind that turned out unneeded (the keys sheet) removes its sheet from an earlier run.
  const unneeded = [...naming.targets].filter(([kind, target]) => !writtenKinds.has(kind) && target.replaces).map(([, target]) => target.replaces as string);
  return { sheets, remove: [...naming.remove, ...unneeded], styles: STYLES };
}
