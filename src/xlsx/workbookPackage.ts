import type { SheetVisibility } from "../core/types";
import { xlsxError } from "./errors";
import { NS, type ContentTypes, type Relationship, contentTypeOf, parseContentTypes, parseRels, relKind, relsPathFor, resolveTarget } from "./opc";
import { type ZipOptions, type ZipReader, isCompoundFile, openZip } from "./zip";
import { Tag, XmlScanner, decodeXmlBytes } from "./xml";

/** One `<sheet>` of `workbook.xml`, in tab order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly visibility: SheetVisibility;
  readonly relId: string;
  /** Relationship kind: `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`, … */
  readonly kind: string;
  /** The sheet's part, when the relationship resolves to one in the package. */
  readonly part?: string;
}

export interface DefinedName {
  readonly name: string;
  readonly localSheetId?: number;
  readonly hidden: boolean;
  readonly value: string;
}

export interface WorkbookPackage {
  readonly zip: ZipReader;
  readonly contentTypes: ContentTypes;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly WorkbookSheet[];
  readonly definedNames: readonly DefinedName[];
  readonly date1904: boolean;
  /** ISO/IEC 29500 Strict namespaces. */
  readonly strict: boolean;
  /** `<workbookProtection lockStructure="1">`: the user locked adding, deleting and renaming sheets. */
  readonly structureLocked: boolean;
}

export function readPart(zip: ZipReader, part: string): string {
  return decodeXmlBytes(zip.read(part));
}

export function readPartIfPresent(zip: ZipReader, part: string): string | undefined {
  return zip.entry(part) ? readPart(zip, part) : undefined;
}

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);

/** UTF-16LE `EncryptionInfo`: the stream an encrypted OOXML file keeps in its compound file. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  const limit = Math.min(bytes.length, 1 << 20) - needle.length;
  outer: for (let at = 0; at <= limit; at++) {
    for (let k = 0; k < needle.length; k++) if (bytes[at + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function rejectCompoundFile(bytes: Uint8Array): never {
  if (hasUtf16(bytes, "EncryptionInfo")) throw xlsxError("encrypted");
  if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) {
    throw xlsxError("not-a-workbook", {
      sv: "Det är det gamla .xls-formatet; spara den som .xlsx i Excel.",
      en: "It is the old .xls format; save it as .xlsx in Excel.",
    });
  }
  throw xlsxError("encrypted");
}

/** Opens the package and finds the workbook, its sheets and names. Throws only XlsxError. */
export function openWorkbookPackage(bytes: Uint8Array, options?: ZipOptions): WorkbookPackage {
  if (isCompoundFile(bytes)) rejectCompoundFile(bytes);
  const zip = openZip(bytes, options);
  if (!zip.entry("[Content_Types].xml")) throw xlsxError("not-a-workbook");
  const contentTypes = parseContentTypes(readPart(zip, "[Content_Types].xml"));

  const rootRels = zip.entry("_rels/.rels") ? parseRels(readPart(zip, "_rels/.rels")) : [];
  const officeDocument = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
  const workbookPart = officeDocument ? resolveTarget("", officeDocument.target) : "xl/workbook.xml";
  const workbookEntry = zip.entry(workbookPart);
  if (!workbookEntry) throw xlsxError("not-a-workbook");
  const type = contentTypeOf(contentTypes, workbookEntry.name);
  if (type !== undefined && !WORKBOOK_TYPES.has(type)) {
    if (type.includes("sheet.binary")) {
      throw xlsxError("not-a-workbook", { sv: "Binära arbetsböcker (.xlsb) stöds inte; spara som .xlsx.", en: "Binary workbooks (.xlsb) are not supported; save as .xlsx." });
    }
    throw xlsxError("not-a-workbook");
  }

  const workbookXml = readPart(zip, workbookEntry.name);
  const relsPart = relsPathFor(workbookEntry.name);
  const workbookRels = zip.entry(relsPart) ? parseRels(readPart(zip, relsPart)) : [];
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const parsed = parseWorkbookXml(workbookXml);
  const sheets = parsed.sheets.map((sheet): WorkbookSheet => {
    const rel = relById.get(sheet.relId);
    const entry = rel && !rel.external ? (zip.entry(resolveTarget(workbookEntry.name, rel.target)) ?? zip.entry(resolveTarget(workbookEntry.name, rel.target, false))) : undefined;
    return { ...sheet, kind: rel ? relKind(rel.type) : "missing", part: entry?.name };
  });
  return {
    zip,
    contentTypes,
    workbookPart: workbookEntry.name,
    workbookXml,
    workbookRels,
    sheets,
    definedNames: parsed.definedNames,
    date1904: parsed.date1904,
    strict: parsed.namespace === NS.strictMain,
    structureLocked: parsed.structureLocked,
  };
}

interface ParsedWorkbook {
  readonly namespace: string;
  readonly sheets: Omit<WorkbookSheet, "kind" | "part">[];
  readonly definedNames: DefinedName[];
  readonly date1904: boolean;
  readonly structureLocked: boolean;
}

function xmlBoolean(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

export function parseWorkbookXml(xml: string): ParsedWorkbook {
  const scanner = new XmlScanner(xml);
  let namespace = "";
  let date1904 = false;
  let structureLocked = false;
  const sheets: Omit<WorkbookSheet, "kind" | "part">[] = [];
  const definedNames: DefinedName[] = [];
  let root = true;
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (kind === Tag.Close) continue;
    if (root) {
      root = false;
      if (scanner.name !== "workbook") throw xlsxError("not-a-workbook");
      const prefixed = /^<([\w.-]+):/.exec(xml.slice(scanner.tagStart, scanner.tagEnd));
      namespace = scanner.attributes().find((a) => a.name === (prefixed ? `xmlns:${prefixed[1]}` : "xmlns"))?.value ?? "";
      continue;
    }
    switch (scanner.name) {
      case "workbookPr":
        date1904 = xmlBoolean(scanner.attr("date1904"));
        break;
      case "workbookProtection":
        structureLocked = xmlBoolean(scanner.attr("lockStructure"));
        break;
      case "sheet": {
        const state = scanner.attr("state");
        sheets.push({
          name: scanner.attr("name") ?? "",
          sheetId: Number(scanner.attr("sheetId") ?? "0"),
          visibility: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
          relId: scanner.attr("id") ?? "",
        });
        break;
      }
      case "definedName": {
        const name = scanner.attr("name") ?? "";
        const local = scanner.attr("localSheetId");
        const hidden = xmlBoolean(scanner.attr("hidden"));
        definedNames.push({ name, localSheetId: local === undefined ? undefined : Number(local), hidden, value: scanner.text() });
        break;
      }
      case "extLst":
      case "AlternateContent":
        if (kind === Tag.Open) scanner.skip();
        break;
    }
  }
  return { namespace, sheets, definedNames, date1904, structureLocked };
}
