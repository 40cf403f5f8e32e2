import { OWNER_NAME, type SheetSnapshot, type WorkbookSnapshot } from "../core/types";
import { wrapErrors, xlsxError } from "./errors";
import { readCellFormats } from "./numberFormats";
import { relKind, resolveTarget } from "./opc";
import { readSharedStrings } from "./read/richText";
import { readWorksheet } from "./read/worksheet";
import { type DefinedName, openWorkbookPackage, readPartIfPresent } from "./workbookPackage";
import type { ZipOptions } from "./zip";

/** `limits` bound what a file may declare (zip bombs); `inflateRaw` may be a native inflater. */
export interface ReadXlsxOptions extends ZipOptions {
  /** The workbook's name in the snapshot (the file name); defaults to `workbook.xlsx`. */
  readonly name?: string;
}

/**
 * The text of a string-literal defined name (`"balans:variance"`, also with a leading
 * `=`); undefined for anything else (a reference, a formula).
 */
export function stringLiteral(value: string): string | undefined {
  const m = /^\s*=?\s*"((?:[^"]|"")*)"\s*$/.exec(value);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** The owner mark of each sheet (by index in `<sheets>`), from sheet-scoped `BalansOwner` names. */
export function ownerMarks(names: readonly DefinedName[]): Map<number, string> {
  const marks = new Map<number, string>();
  for (const name of names) {
    if (name.localSheetId === undefined || name.name.toLowerCase() !== OWNER_NAME.toLowerCase()) continue;
    const mark = stringLiteral(name.value);
    if (mark !== undefined) marks.set(name.localSheetId, mark);
  }
  return marks;
}

/**
 * Reads an .xlsx (or .xlsm) into a snapshot: every worksheet's used range as values
 * (formulas give their cached results), number formats where not General, visibility and
 * owner marks. Chart sheets, dialog and macro sheets are left out. Parts are inflated and
 * parsed one at a time. Throws only `XlsxError`.
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookSnapshot {
  return wrapErrors(() => {
    const pkg = openWorkbookPackage(bytes, options);
    const { zip, workbookPart } = pkg;
    const partOf = (kind: string) => {
      const rel = pkg.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
      return rel ? resolveTarget(workbookPart, rel.target) : undefined;
    };
    const sharedStringsPart = partOf("sharedStrings");
    const stylesPart = partOf("styles");
    const sharedStrings = sharedStringsPart ? readSharedStrings(readPartIfPresent(zip, sharedStringsPart) ?? "") : [];
    const stylesXml = stylesPart ? readPartIfPresent(zip, stylesPart) : undefined;
    const cellFormats = stylesXml ? readCellFormats(stylesXml) : [];
    const marks = ownerMarks(pkg.definedNames);

    // One buffer, as large as the largest worksheet, serves every sheet in turn.
    const largest = Math.max(0, ...pkg.sheets.map((s) => (s.kind === "worksheet" && s.part ? (zip.entry(s.part)?.size ?? 0) : 0)));
    const scratch = new Uint8Array(largest);
    const sheets: SheetSnapshot[] = [];
    pkg.sheets.forEach((sheet, index) => {
      if (sheet.kind !== "worksheet") return;
      if (!sheet.part) throw xlsxError("corrupt", { sv: `Bladet ${sheet.name} saknas i filen.`, en: `Sheet ${sheet.name} is missing from the file.` });
      // The grid keeps nothing of the part's bytes (texts are decoded copies), so the scratch buffer can be reused.
      const grid = readWorksheet(zip.read(sheet.part, scratch), { sharedStrings, cellFormats, date1904: pkg.date1904 });
      const mark = marks.get(index);
      sheets.push({
        name: sheet.name,
        top: grid.top,
        left: grid.left,
        rows: grid.rows,
        ...(grid.numberFormats ? { numberFormats: grid.numberFormats } : {}),
        visibility: sheet.visibility,
        ...(mark !== undefined ? { ownerMark: mark } : {}),
      });
    });
    return { name: options.name ?? "workbook.xlsx", sheets, date1904: pkg.date1904 };
  });
}
