import { NS } from "../opc";
import { Tag, XmlScanner, escapeXml } from "../xml";
import { type Splice, applySplices, elementEnd, prefixAt, setAttribute } from "./packageEditor";

export interface NewSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly hidden: boolean;
}

export interface NewName {
  readonly name: string;
  /** Index in the final tab order. */
  readonly localSheetId: number;
  readonly hidden: boolean;
  /** The name's formula text as stored, e.g. `"balans:variance"`. */
  readonly value: string;
}

export interface WorkbookEdit {
  /** Indices in `<sheets>` of the sheets to delete. */
  readonly remove: ReadonlySet<number>;
  readonly add: readonly NewSheet[];
  readonly names: readonly NewName[];
}

// Children of <workbook> that come after definedNames / calcPr, in schema order.
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

/** Maps an old sheet index to its index once `remove` are gone (-1 for a removed one). */
export function reindex(remove: ReadonlySet<number>): (index: number) => number {
  const removed = [...remove].sort((a, b) => a - b);
  return (index) => {
    if (remove.has(index)) return -1;
    let below = 0;
    for (const r of removed) if (r < index) below++;
    return index - below;
  };
}

/**
 * Edits workbook.xml in place: removes sheets with their sheet-scoped names, renumbers
 * `localSheetId`, keeps `activeTab`/`firstSheet` on the same sheets, appends new sheets
 * and names, and asks for a full recalculation on load. Everything else is left as
 * written.
 */
export function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const scanner = new XmlScanner(xml);
  const splices: Splice[] = [];
  const newIndex = reindex(edit.remove);
  let prefix = "";
  let relPrefix: string | undefined;
  let rootClose = -1;
  let sheetCount = 0;
  let sheetsClose = -1;
  let sheetsSelfClosing: { start: number; end: number } | undefined;
  let definedNames: { start: number; end: number; closeStart: number; kept: number } | undefined;
  const topLevel: { name: string; start: number }[] = [];
  let calcPr: { start: number; end: number } | undefined;
  const views: { start: number; end: number }[] = [];

  let depth = 0;
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (kind === Tag.Close) {
      depth--;
      if (depth === 0) rootClose = scanner.tagStart;
      continue;
    }
    if (depth === 0) {
      prefix = prefixAt(xml, scanner.tagStart);
      for (const a of scanner.attributes()) {
        if (a.value === NS.rel && a.name.startsWith("xmlns:")) relPrefix = a.name.slice(6);
      }
      if (kind === Tag.Open) depth = 1;
      continue;
    }
    // depth 1: children of <workbook>
    const name = scanner.name;
    const start = scanner.tagStart;
    topLevel.push({ name, start });
    if (name === "sheets") {
      if (kind === Tag.Empty) {
        sheetsSelfClosing = { start, end: scanner.tagEnd };
        continue;
      }
      for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
        if (inner === Tag.Close) {
          sheetsClose = scanner.tagStart;
          break;
        }
        const sheetStart = scanner.tagStart;
        const end = elementEnd(scanner);
        if (edit.remove.has(sheetCount)) splices.push({ start: sheetStart, end, text: "" });
        sheetCount++;
      }
    } else if (name === "definedNames") {
      if (kind === Tag.Empty) {
        definedNames = { start, end: scanner.tagEnd, closeStart: -1, kept: 0 };
        continue;
      }
      let kept = 0;
      for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
        if (inner === Tag.Close) {
          definedNames = { start, end: scanner.tagEnd, closeStart: scanner.tagStart, kept };
          break;
        }
        const nameStart = scanner.tagStart;
        const openEnd = scanner.tagEnd;
        const local = scanner.attr("localSheetId");
        const tag = xml.slice(nameStart, openEnd);
        const end = elementEnd(scanner);
        const index = local === undefined ? undefined : Number(local);
        if (index !== undefined && Number.isInteger(index)) {
          const moved = newIndex(index);
          if (moved < 0) {
            splices.push({ start: nameStart, end, text: "" });
            continue;
          }
          if (moved !== index) splices.push({ start: nameStart, end: openEnd, text: setAttribute(tag, "localSheetId", String(moved)) });
        }
        kept++;
      }
    } else if (name === "bookViews" && kind === Tag.Open) {
      for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
        if (inner === Tag.Close && scanner.name === "bookViews") break;
        if (inner !== Tag.Close && scanner.name === "workbookView") views.push({ start: scanner.tagStart, end: scanner.tagEnd });
        if (inner === Tag.Open) scanner.skip();
      }
    } else if (name === "calcPr") {
      calcPr = { start, end: scanner.tagEnd };
      if (kind === Tag.Open) scanner.skip();
    } else if (kind === Tag.Open) {
      scanner.skip();
    }
  }
  if (rootClose < 0) throw new Error("workbook.xml has no root close tag");

  // Views keep pointing at the same sheets; one that pointed at a removed sheet goes to the first that stays.
  const remaining = sheetCount - edit.remove.size;
  for (const view of views) {
    let tag = xml.slice(view.start, view.end);
    const original = tag;
    for (const attr of ["activeTab", "firstSheet"]) {
      const m = new RegExp(`\\s${attr}\\s*=\\s*["'](\\d+)["']`).exec(tag);
      if (!m) continue;
      const old = Number(m[1]);
      let moved = newIndex(old);
      if (moved < 0 || moved >= remaining) moved = 0;
      if (moved !== old) tag = setAttribute(tag, attr, String(moved));
    }
    if (tag !== original) splices.push({ start: view.start, end: view.end, text: tag });
  }

  const el = (name: string) => prefix + name;
  const relAttr = relPrefix ?? "r";
  const relDeclaration = relPrefix === undefined ? ` xmlns:r="${NS.rel}"` : "";
  const newSheets = edit.add
    .map((s) => `<${el("sheet")} name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.hidden ? ` state="hidden"` : ""} ${relAttr}:id="${s.relId}"${relDeclaration}/>`)
    .join("");
  if (newSheets) {
    if (sheetsSelfClosing) {
      const open = xml.slice(sheetsSelfClosing.start, sheetsSelfClosing.end).replace(/\s*\/>$/, ">");
      splices.push({ start: sheetsSelfClosing.start, end: sheetsSelfClosing.end, text: `${open}${newSheets}</${el("sheets")}>` });
    } else {
      if (sheetsClose < 0) throw new Error("workbook.xml has no sheets");
      splices.push({ start: sheetsClose, end: sheetsClose, text: newSheets });
    }
  }

  const insertionBefore = (names: readonly string[]) => topLevel.find((t) => names.includes(t.name))?.start ?? rootClose;
  const newNames = edit.names
    .map((n) => `<${el("definedName")} name="${escapeXml(n.name)}" localSheetId="${n.localSheetId}"${n.hidden ? ` hidden="1"` : ""}>${n.value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</${el("definedName")}>`)
    .join("");
  if (definedNames && definedNames.closeStart >= 0) {
    if (definedNames.kept === 0 && !newNames) splices.push({ start: definedNames.start, end: definedNames.end, text: "" });
    else if (newNames) splices.push({ start: definedNames.closeStart, end: definedNames.closeStart, text: newNames });
  } else if (newNames) {
    const at = definedNames ? definedNames.start : insertionBefore(AFTER_DEFINED_NAMES);
    splices.push({ start: at, end: definedNames ? definedNames.end : at, text: `<${el("definedNames")}>${newNames}</${el("definedNames")}>` });
  } else if (definedNames) {
    splices.push({ start: definedNames.start, end: definedNames.end, text: "" });
  }

  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.end);
    if (!/\sfullCalcOnLoad\s*=\s*["'](1|true)["']/.test(tag)) splices.push({ start: calcPr.start, end: calcPr.end, text: setAttribute(tag, "fullCalcOnLoad", "1") });
  } else {
    const at = insertionBefore(AFTER_CALC_PR);
    splices.push({ start: at, end: at, text: `<${el("calcPr")} fullCalcOnLoad="1"/>` });
  }
  return applySplices(xml, splices);
}

/** calcChain.xml without the cells of removed sheets (by sheetId); null when nothing is left. */
export function filterCalcChain(xml: string, removedSheetIds: ReadonlySet<number>): string | null {
  const scanner = new XmlScanner(xml);
  const splices: Splice[] = [];
  let current = -1;
  let kept = 0;
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (kind === Tag.Close || scanner.name !== "c") continue;
    const i = scanner.attr("i");
    if (i !== undefined) current = Number(i);
    const start = scanner.tagStart;
    const end = elementEnd(scanner);
    if (removedSheetIds.has(current)) splices.push({ start, end, text: "" });
    else kept++;
  }
  return kept === 0 ? null : applySplices(xml, splices);
}
