/**
 * Test helpers: packages from hand-written XML (for what ExcelJS cannot produce) and
 * workbooks built with ExcelJS (an independent writer and reader).
 */
import ExcelJS from "exceljs";
import { openZip, zipFromMap } from "../zip";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  readonly name: string;
  /** The whole worksheet part, or only the `<sheetData>` children (wrapped for you). */
  readonly xml?: string;
  readonly rows?: string;
  readonly state?: "hidden" | "veryHidden";
  /** `chartsheet` makes a chart sheet part instead of a worksheet. */
  readonly kind?: "worksheet" | "chartsheet";
}

export interface HandPackage {
  readonly sheets: readonly HandSheet[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly workbookPr?: string;
  readonly definedNames?: string;
  /** Extra parts, name → content. */
  readonly extraParts?: Readonly<Record<string, string>>;
}

export function worksheetXml(rows: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export function handPackage(spec: HandPackage): Uint8Array {
  const parts = new Map<string, string>();
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheetEntries: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const chart = sheet.kind === "chartsheet";
    const part = chart ? `xl/chartsheets/sheet${n}.xml` : `xl/worksheets/sheet${n}.xml`;
    parts.set(part, sheet.xml ?? worksheetXml(sheet.rows ?? ""));
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${chart ? "chartsheet" : "worksheet"}+xml"/>`,
    );
    rels.push(`<Relationship Id="rId${n}" Type="${REL_NS}/${chart ? "chartsheet" : "worksheet"}" Target="${part.slice(3)}"/>`);
    sheetEntries.push(`<sheet name="${sheet.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}" sheetId="${n}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${n}"/>`);
  });
  let next = spec.sheets.length + 1;
  if (spec.sharedStrings !== undefined) {
    parts.set("xl/sharedStrings.xml", spec.sharedStrings);
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rId${next++}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    parts.set("xl/styles.xml", spec.styles);
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    rels.push(`<Relationship Id="rId${next++}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  }
  parts.set(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${spec.workbookPr ?? ""}<sheets>${sheetEntries.join("")}</sheets>${spec.definedNames ?? ""}</workbook>`,
  );
  parts.set("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  parts.set(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  for (const [name, content] of Object.entries(spec.extraParts ?? {})) parts.set(name, content);
  const types =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  return zipFromMap(new Map([["[Content_Types].xml", types], ...parts]));
}

export async function excelJsBytes(build: (workbook: ExcelJS.Workbook) => void, options?: { useSharedStrings?: boolean }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: ExcelJS writes "now" otherwise, and tests compare bytes.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = new Date(Date.UTC(2024, 0, 1));
  build(workbook);
  const buffer = await workbook.xlsx.writeBuffer({ useSharedStrings: options?.useSharedStrings ?? true } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function excelJsLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every part of a package, inflated. */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = openZip(bytes);
  return new Map(zip.entries.map((e) => [e.name, zip.read(e.name)]));
}

export function partText(bytes: Uint8Array, part: string): string {
  return new TextDecoder().decode(openZip(bytes).read(part));
}

/** A copy of a package with parts replaced (text or function of the old text), added, or removed (null). */
export function patchPackage(bytes: Uint8Array, edits: Readonly<Record<string, string | Uint8Array | null | ((old: string) => string)>>): Uint8Array {
  const parts = new Map<string, Uint8Array | string>(partsOf(bytes));
  for (const [name, edit] of Object.entries(edits)) {
    if (edit === null) parts.delete(name);
    else if (typeof edit === "function") parts.set(name, edit(new TextDecoder().decode(parts.get(name) as Uint8Array)));
    else parts.set(name, edit);
  }
  return zipFromMap(parts);
}
