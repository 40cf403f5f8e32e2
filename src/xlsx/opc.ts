import { Tag, XmlScanner, escapeXml } from "./xml";

/**
 * Open Packaging Conventions: relationships, content types and part names.
 * Part names are kept without the leading `/` (as zip entries are named).
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export const REL_TYPE = {
  officeDocument: `${REL_BASE}officeDocument`,
  worksheet: `${REL_BASE}worksheet`,
  styles: `${REL_BASE}styles`,
  sharedStrings: `${REL_BASE}sharedStrings`,
  table: `${REL_BASE}table`,
  drawing: `${REL_BASE}drawing`,
  chart: `${REL_BASE}chart`,
  calcChain: `${REL_BASE}calcChain`,
} as const;

export const CONTENT_TYPE = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The last segment of a relationship type, the same in Transitional and Strict: `worksheet`, `styles`, … */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  const scanner = new XmlScanner(xml);
  const out: Relationship[] = [];
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if ((kind === Tag.Open || kind === Tag.Empty) && scanner.name === "Relationship") {
      out.push({
        id: scanner.attr("Id") ?? "",
        type: scanner.attr("Type") ?? "",
        target: scanner.attr("Target") ?? "",
        external: scanner.attr("TargetMode") === "External",
      });
    }
  }
  return out;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself (``) → `_rels/.rels`. */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function partDirectory(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/**
 * Resolves a relationship target against its source part; returns a part name without
 * `/`. Targets are URIs (`%20` for a space); `decode: false` gives the name as written,
 * for packages that store the encoded form as the zip entry name.
 */
export function resolveTarget(sourcePart: string, target: string, decode = true): string {
  let decoded = target;
  try {
    if (decode) decoded = decodeURIComponent(target);
  } catch {
    // a target with a stray % is used as written
  }
  decoded = decoded.replace(/\\/g, "/").replace(/[#?].*$/, "");
  const segments = decoded.startsWith("/") ? [] : partDirectory(sourcePart).split("/").filter(Boolean);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The target to write in `fromPart`'s rels for `toPart`, relative like Excel writes it. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = partDirectory(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function relationshipXml(rel: Relationship): string {
  return `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"${rel.external ? ' TargetMode="External"' : ""}/>`;
}

export function relsDocument(rels: readonly Relationship[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.map(relationshipXml).join("")}</Relationships>`;
}

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  readonly defaults: ReadonlyMap<string, string>;
  /** Part name (lower case, no leading `/`) → content type. */
  readonly overrides: ReadonlyMap<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const scanner = new XmlScanner(xml);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (kind !== Tag.Open && kind !== Tag.Empty) continue;
    if (scanner.name === "Default") defaults.set((scanner.attr("Extension") ?? "").toLowerCase(), scanner.attr("ContentType") ?? "");
    else if (scanner.name === "Override") overrides.set((scanner.attr("PartName") ?? "").replace(/^\/+/, "").toLowerCase(), scanner.attr("ContentType") ?? "");
  }
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const lower = part.toLowerCase();
  const override = types.overrides.get(lower);
  if (override !== undefined) return override;
  const dot = lower.lastIndexOf(".");
  return dot >= 0 ? types.defaults.get(lower.slice(dot + 1)) : undefined;
}
