import { absoluteRangeA1, quoteSheetName } from "../core/address";
import { OWNER_NAME, type SheetPlan, type WritePlan, ownerMark } from "../core/types";
import { wrapErrors, xlsxError } from "./errors";
import { CONTENT_TYPE, REL_TYPE, type Relationship, contentTypeOf, partDirectory, relKind, relativeTarget, relsDocument, relsPathFor, resolveTarget } from "./opc";
import { ownerMarks } from "./readXlsx";
import { Tag, XmlScanner } from "./xml";
import { PackageEditor, editContentTypes, editRels, nextRelId } from "./write/packageEditor";
import { DEFAULT_STYLES_XML, StylesEditor } from "./write/stylesEditor";
import { chartXml, drawingXml } from "./write/chartXml";
import { tableColumns, tableName, tableXml } from "./write/tableXml";
import { type NewName, type NewSheet, editWorkbookXml, filterCalcChain } from "./write/workbookEdit";
import { buildGrid, shownValue, worksheetXml } from "./write/worksheetXml";
import { openWorkbookPackage, type WorkbookPackage } from "./workbookPackage";
import type { ZipOptions } from "./zip";

export type ApplyPlanOptions = ZipOptions;

/** Excel compares sheet names without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** The rules Excel has for sheet names. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return "length";
  // eslint-disable-next-line no-control-regex
  if (/[\\/?*[\]:\u0000-\u001f]/.test(name)) return "character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (name.toUpperCase() === "HISTORY") return "reserved";
  return undefined;
}

function validatePlan(plan: WritePlan): void {
  for (const sheet of plan.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) {
      throw xlsxError("invalid-plan", { sv: `Bladnamnet "${sheet.name}" går inte att använda i Excel.`, en: `The sheet name "${sheet.name}" cannot be used in Excel.` });
    }
  }
}

/** Which sheets (indices in `<sheets>`) the plan deletes; each must carry the owner mark. */
function sheetsToRemove(pkg: WorkbookPackage, plan: WritePlan): Set<number> {
  const marks = ownerMarks(pkg.definedNames);
  const remove = new Set<number>();
  const names = [...plan.remove, ...plan.sheets.map((s) => s.replaces).filter((n): n is string => n !== undefined)];
  for (const name of names) {
    const index = pkg.sheets.findIndex((s) => sameName(s.name, name));
    if (index < 0) continue; // already gone: nothing to delete
    if (!marks.get(index)?.startsWith("balans:")) {
      throw xlsxError("not-owned", { sv: `Bladet "${pkg.sheets[index].name}" lämnas orört.`, en: `The sheet "${pkg.sheets[index].name}" is left untouched.` });
    }
    remove.add(index);
  }
  return remove;
}

function reachable(editor: PackageEditor, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length) {
    const part = queue.pop() as string;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const target of editor.targets(part)) if (!seen.has(target)) queue.push(target);
  }
  return seen;
}

/**
 * Writes a plan into a workbook by editing its package: owned sheets named in the plan
 * are deleted (with their parts, names and calculation-chain entries) and the plan's
 * sheets appended. Parts the plan does not concern are copied byte for byte; workbook.xml,
 * its relationships, `[Content_Types].xml`, styles.xml and calcChain.xml change only where
 * they must. The same input and plan always give the same bytes. Throws only XlsxError.
 *
 * calcChain.xml: entries of deleted sheets are dropped (the part too if none remain);
 * new formula cells are not added, as `fullCalcOnLoad` makes Excel rebuild it anyway.
 * docProps/app.xml keeps its old sheet list: Excel does not rely on it.
 */
export function applyPlanToXlsx(bytes: Uint8Array, plan: WritePlan, options: ApplyPlanOptions = {}): Uint8Array {
  return wrapErrors(() => {
    const pkg = openWorkbookPackage(bytes, options);
    if (pkg.strict) throw xlsxError("strict-ooxml");
    // Excel would not let Balans add a sheet here either; editing the file must not get round the user's lock.
    if (pkg.structureLocked) throw xlsxError("protected");
    validatePlan(plan);
    const remove = sheetsToRemove(pkg, plan);
    const staying = pkg.sheets.filter((_, i) => !remove.has(i));
    const taken = staying.map((s) => s.name);
    for (const sheet of plan.sheets) {
      if (taken.some((n) => sameName(n, sheet.name))) {
        throw xlsxError("name-taken", { sv: `Namnet "${sheet.name}" används redan.`, en: `The name "${sheet.name}" is already used.` });
      }
      taken.push(sheet.name);
    }

    const editor = new PackageEditor(pkg.zip, options);
    const workbookPart = pkg.workbookPart;
    const workbookDir = partDirectory(workbookPart);
    const contentTypesPart = editor.nameOf("[Content_Types].xml") as string;
    const contentTypesXml = editor.readText(contentTypesPart);
    const workbookRelsPart = relsPathFor(workbookPart);
    const workbookRelsXml = editor.has(workbookRelsPart) ? editor.readText(workbookRelsPart) : relsDocument([]);
    const removedRelIds = new Set<string>();
    const deletedParts: string[] = [];
    const addedTypes: { part: string; type: string }[] = [];
    const addedWorkbookRels: Relationship[] = [];

    // 1. Delete the owned sheets and whatever only they used.
    if (remove.size) {
      const removedSheets = [...remove].map((i) => pkg.sheets[i]);
      for (const sheet of removedSheets) removedRelIds.add(sheet.relId);
      const calcChainRel = pkg.workbookRels.find((r) => relKind(r.type) === "calcChain" && !r.external);
      if (calcChainRel) {
        const calcChainPart = editor.nameOf(resolveTarget(workbookPart, calcChainRel.target));
        if (calcChainPart) {
          const original = editor.readText(calcChainPart);
          const filtered = filterCalcChain(original, new Set(removedSheets.map((s) => s.sheetId)));
          if (filtered === null) {
            editor.delete(calcChainPart);
            deletedParts.push(calcChainPart);
            removedRelIds.add(calcChainRel.id);
          } else {
            editor.setText(calcChainPart, filtered);
          }
        }
      }
      editor.setText(workbookRelsPart, editRels(workbookRelsXml, removedRelIds, []));
      const fromRemoved = reachable(editor, removedSheets.map((s) => s.part).filter((p): p is string => p !== undefined));
      const fromRoot = reachable(editor, [""]);
      for (const part of fromRemoved) {
        if (fromRoot.has(part) || part === "") continue;
        editor.delete(part);
        editor.delete(relsPathFor(part));
        deletedParts.push(part);
      }
    }

    // 2. What the new sheets must not collide with.
    const types = pkg.contentTypes;
    const tableIds = new Set<number>();
    const usedNames = new Set(pkg.definedNames.filter((n) => n.localSheetId === undefined).map((n) => n.name.toUpperCase()));
    for (const part of editor.parts()) {
      if (contentTypeOf(types, part) !== CONTENT_TYPE.table) continue;
      const scanner = new XmlScanner(editor.readText(part));
      for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
        if (kind === Tag.Close || scanner.name !== "table") continue;
        tableIds.add(Number(scanner.attr("id")));
        usedNames.add((scanner.attr("name") ?? "").toUpperCase());
        usedNames.add((scanner.attr("displayName") ?? "").toUpperCase());
        break;
      }
    }
    let nextTableId = Math.max(0, ...[...tableIds].filter(Number.isFinite)) + 1;

    // 3. Styles: edit the workbook's styles.xml, or create one.
    const stylesRel = pkg.workbookRels.find((r) => relKind(r.type) === "styles" && !r.external);
    let stylesPart = stylesRel ? editor.nameOf(resolveTarget(workbookPart, stylesRel.target)) : undefined;
    const stylesOriginal = stylesPart ? editor.readText(stylesPart) : undefined;
    const styles = new StylesEditor(stylesOriginal ?? DEFAULT_STYLES_XML);
    const styleIndex = (key: string) => {
      const style = plan.styles[key];
      return style ? styles.cellStyle(style) : 0;
    };

    // 4. The new sheets.
    const relIds = nextRelId([...pkg.workbookRels.filter((r) => !removedRelIds.has(r.id))]);
    let sheetId = Math.max(0, ...staying.map((s) => s.sheetId)) + 1;
    const newSheets: NewSheet[] = [];
    const newNames: NewName[] = [];
    plan.sheets.forEach((sheet, i) => {
      const part = editor.freeName(`${workbookDir}worksheets/sheet`, ".xml");
      const relId = relIds();
      newSheets.push({ name: sheet.name, sheetId: sheetId++, relId, hidden: sheet.hidden === true });
      newNames.push({ name: OWNER_NAME, localSheetId: staying.length + i, hidden: true, value: `"${ownerMark(sheet.kind)}"` });
      const area = sheet.print?.area;
      if (area) {
        const range = `${quoteSheetName(sheet.name)}!${absoluteRangeA1(area.top, area.left, area.bottom, area.right)}`;
        newNames.push({ name: "_xlnm.Print_Area", localSheetId: staying.length + i, hidden: false, value: range });
      }
      addedWorkbookRels.push({ id: relId, type: REL_TYPE.worksheet, target: relativeTarget(workbookPart, part), external: false });
      writeSheet(editor, sheet, part);
    });

    function writeSheet(ed: PackageEditor, sheet: SheetPlan, part: string): void {
      const sheetRels: Relationship[] = [];
      const grid = buildGrid(sheet, styleIndex);
      // A table's header cells must hold exactly its column names.
      const tables = sheet.tables.map((table) => {
        const columns = tableColumns(table);
        columns.forEach((name, c) => grid.set(table.range.top, table.range.left + c, { text: name }));
        let name = tableName(table.name);
        for (let n = 2; usedNames.has(name.toUpperCase()); n++) name = `${tableName(table.name)}_${n}`;
        usedNames.add(name.toUpperCase());
        return { table, columns, name };
      });
      for (const { table, columns, name } of tables) {
        const tablePart = ed.freeName(`${workbookDir}tables/table`, ".xml");
        ed.write(tablePart, tableXml(table, nextTableId++, name, columns));
        addedTypes.push({ part: tablePart, type: CONTENT_TYPE.table });
        sheetRels.push({ id: `rId${sheetRels.length + 1}`, type: REL_TYPE.table, target: relativeTarget(part, tablePart), external: false });
      }
      const dxfIds = sheet.conditionalFormats.map((format) => styles.dxf(format));
      let drawingRelId: string | undefined;
      if (sheet.charts.length) {
        const drawingPart = ed.freeName(`${workbookDir}drawings/drawing`, ".xml");
        const valueAt = (row: number, column: number) => shownValue(grid.get(row, column)?.cell ?? undefined);
        const drawingRels: Relationship[] = [];
        const charts = sheet.charts.map((chart, i) => {
          const chartPart = ed.freeName(`${workbookDir}charts/chart`, ".xml");
          ed.write(chartPart, chartXml(chart, sheet.name, valueAt));
          addedTypes.push({ part: chartPart, type: CONTENT_TYPE.chart });
          const relId = `rId${i + 1}`;
          drawingRels.push({ id: relId, type: REL_TYPE.chart, target: relativeTarget(drawingPart, chartPart), external: false });
          return { chart, relId };
        });
        ed.write(drawingPart, drawingXml(charts));
        ed.write(relsPathFor(drawingPart), relsDocument(drawingRels));
        addedTypes.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
        drawingRelId = `rId${sheetRels.length + 1}`;
        sheetRels.push({ id: drawingRelId, type: REL_TYPE.drawing, target: relativeTarget(part, drawingPart), external: false });
      }
      ed.write(part, worksheetXml(sheet, grid, { dxfIds, drawingRelId, tableRelIds: sheetRels.filter((r) => r.type === REL_TYPE.table).map((r) => r.id) }));
      if (sheetRels.length) ed.write(relsPathFor(part), relsDocument(sheetRels));
      addedTypes.push({ part, type: CONTENT_TYPE.worksheet });
    }

    // 5. Styles, workbook, relationships, content types.
    const stylesXml = styles.toXml();
    if (stylesPart && stylesOriginal !== undefined) {
      editor.setText(stylesPart, stylesXml);
    } else {
      stylesPart = editor.has(`${workbookDir}styles.xml`) ? editor.freeName(`${workbookDir}styles`, ".xml") : `${workbookDir}styles.xml`;
      editor.write(stylesPart, stylesXml);
      addedTypes.push({ part: stylesPart, type: CONTENT_TYPE.styles });
      addedWorkbookRels.push({ id: relIds(), type: REL_TYPE.styles, target: relativeTarget(workbookPart, stylesPart), external: false });
    }
    editor.setText(workbookPart, editWorkbookXml(pkg.workbookXml, { remove, add: newSheets, names: newNames }));
    const relsBase = editor.has(workbookRelsPart) ? editor.readText(workbookRelsPart) : workbookRelsXml;
    editor.setText(workbookRelsPart, editRels(relsBase, new Set(), addedWorkbookRels));
    editor.setText(contentTypesPart, editContentTypes(contentTypesXml, deletedParts, addedTypes));
    return editor.toBytes();
  });
}
