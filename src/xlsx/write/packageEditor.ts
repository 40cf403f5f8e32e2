import { CONTENT_TYPE, type Relationship, parseRels, relationshipXml, relsPathFor, resolveTarget } from "../opc";
import { Tag, XmlScanner, decodeXmlBytes, escapeXml } from "../xml";
import { type ZipOptions, type ZipOutputEntry, type ZipReader, normaliseName, writeZip } from "../zip";

/** A replacement of `xml.slice(start, end)` by `text`. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const splice of sorted) {
    if (splice.start < at) throw new Error("Overlapping edits");
    out += xml.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return out + xml.slice(at);
}

/** The qualified-name prefix (`x:` or ``) of the element whose tag starts at `tagStart`. */
export function prefixAt(xml: string, tagStart: number): string {
  const m = /^<\/?([A-Za-z_][\w.-]*:)?/.exec(xml.slice(tagStart, tagStart + 64));
  return m?.[1] ?? "";
}

/** Sets (or adds) an attribute in a start tag's text. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, (_m, head: string) => `${head}"${escapeXml(value)}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeXml(value)}"${tag.slice(end)}`;
}

/** Span of the element starting at the scanner's current tag, close tag included. */
export function elementEnd(scanner: XmlScanner): number {
  if (scanner.kind === Tag.Empty) return scanner.tagEnd;
  scanner.skip();
  return scanner.tagEnd;
}

/**
 * A package being edited: the parts in their original order, each either untouched
 * (copied as stored when written) or replaced. New parts go at the end in the order they
 * are added, so the same edits always give the same bytes.
 */
export class PackageEditor {
  private readonly zip: ZipReader;
  private readonly order: string[] = [];
  private readonly names = new Map<string, string>(); // normalised → as stored
  private readonly replaced = new Map<string, Uint8Array>();

  constructor(
    zip: ZipReader,
    private readonly options: ZipOptions = {},
  ) {
    this.zip = zip;
    for (const entry of zip.entries) {
      this.order.push(entry.name);
      this.names.set(normaliseName(entry.name), entry.name);
    }
  }

  has(part: string): boolean {
    return this.names.has(normaliseName(part));
  }

  /** The stored name of a part (case as in the package), if present. */
  nameOf(part: string): string | undefined {
    return this.names.get(normaliseName(part));
  }

  parts(): readonly string[] {
    return this.order;
  }

  read(part: string): Uint8Array {
    const name = this.nameOf(part);
    if (name === undefined) throw new Error(`No part ${part}`);
    return this.replaced.get(name) ?? this.zip.read(name);
  }

  readText(part: string): string {
    return decodeXmlBytes(this.read(part));
  }

  write(part: string, content: Uint8Array | string): void {
    const data = typeof content === "string" ? new TextEncoder().encode(asUtf8Declared(content)) : content;
    let name = this.nameOf(part);
    if (name === undefined) {
      name = part;
      this.order.push(name);
      this.names.set(normaliseName(name), name);
    }
    this.replaced.set(name, data);
  }

  /**
   * Sets a part's text; when that is exactly what the package had, the part goes back to
   * being copied as stored, so a part edited and edited back stays untouched.
   */
  setText(part: string, text: string): void {
    const name = this.nameOf(part);
    if (name !== undefined && this.zip.entry(name) && decodeXmlBytes(this.zip.read(name)) === text) {
      this.replaced.delete(name);
      return;
    }
    this.write(part, text);
  }

  delete(part: string): void {
    const name = this.nameOf(part);
    if (name === undefined) return;
    this.names.delete(normaliseName(name));
    this.replaced.delete(name);
    this.order.splice(this.order.indexOf(name), 1);
  }

  /** A free part name `${stem}${n}${ext}` with the smallest n ≥ 1. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  rels(part: string): Relationship[] {
    const relsPart = relsPathFor(part);
    return this.has(relsPart) ? parseRels(this.readText(relsPart)) : [];
  }

  /** Parts `part` points at through its relationships (internal targets that exist). */
  targets(part: string): string[] {
    return this.rels(part)
      .filter((r) => !r.external)
      .map((r) => this.nameOf(resolveTarget(part, r.target)) ?? this.nameOf(resolveTarget(part, r.target, false)))
      .filter((t): t is string => t !== undefined);
  }

  toBytes(): Uint8Array {
    const entries: ZipOutputEntry[] = this.order.map((name) => {
      const data = this.replaced.get(name);
      if (data) return { name, data };
      const entry = this.zip.entry(name);
      if (!entry) throw new Error(`Lost part ${name}`);
      return { name, copy: { entry, raw: this.zip.raw(name) } };
    });
    return writeZip(entries, this.options);
  }
}

/** Text is always written as UTF-8, so a part read from UTF-16 must stop saying otherwise. */
function asUtf8Declared(xml: string): string {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  return text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])(?!utf-8\2)[^"']*\2/i, '$1"UTF-8"');
}

/** `[Content_Types].xml` edits: overrides removed and added, defaults ensured. */
export function editContentTypes(xml: string, remove: readonly string[], add: readonly { part: string; type: string }[]): string {
  const scanner = new XmlScanner(xml);
  const removeSet = new Set(remove.map((p) => normaliseName(p)));
  const splices: Splice[] = [];
  const defaults = new Set<string>();
  const overridden = new Set<string>();
  let closeAt = -1;
  let prefix = "";
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (scanner.name === "Types") {
      if (kind === Tag.Open) prefix = prefixAt(xml, scanner.tagStart);
      if (kind === Tag.Close) closeAt = scanner.tagStart;
      continue;
    }
    if (kind === Tag.Close) continue;
    if (scanner.name === "Default") defaults.add((scanner.attr("Extension") ?? "").toLowerCase());
    if (scanner.name === "Override") {
      const part = normaliseName(scanner.attr("PartName") ?? "");
      const start = scanner.tagStart;
      const end = elementEnd(scanner);
      if (removeSet.has(part)) splices.push({ start, end, text: "" });
      else overridden.add(part);
    }
  }
  if (closeAt < 0) throw new Error("No </Types>");
  let added = "";
  if (!defaults.has("rels")) added += `<${prefix}Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/>`;
  if (!defaults.has("xml")) added += `<${prefix}Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>`;
  for (const { part, type } of add) {
    if (overridden.has(normaliseName(part))) continue;
    added += `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`;
  }
  if (added) splices.push({ start: closeAt, end: closeAt, text: added });
  return applySplices(xml, splices);
}

/** A relationships part with some relationships removed (by id) and others appended. */
export function editRels(xml: string, removeIds: ReadonlySet<string>, add: readonly Relationship[]): string {
  const scanner = new XmlScanner(xml);
  const splices: Splice[] = [];
  let closeAt = -1;
  let selfClosingRoot: { start: number; end: number } | undefined;
  let prefix = "";
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (scanner.name === "Relationships") {
      if (kind === Tag.Open) prefix = prefixAt(xml, scanner.tagStart);
      if (kind === Tag.Close) closeAt = scanner.tagStart;
      if (kind === Tag.Empty) selfClosingRoot = { start: scanner.tagStart, end: scanner.tagEnd };
      continue;
    }
    if (scanner.name === "Relationship" && kind !== Tag.Close) {
      const id = scanner.attr("Id") ?? "";
      const start = scanner.tagStart;
      const end = elementEnd(scanner);
      if (removeIds.has(id)) splices.push({ start, end, text: "" });
    }
  }
  const added = add.map((r) => relationshipXml(r).replace(/^<Relationship/, `<${prefix}Relationship`)).join("");
  if (selfClosingRoot) {
    const tag = xml.slice(selfClosingRoot.start, selfClosingRoot.end);
    const open = tag.slice(0, -2) + ">";
    splices.push({ start: selfClosingRoot.start, end: selfClosingRoot.end, text: `${open}${added}</${prefix}Relationships>` });
  } else if (added) {
    if (closeAt < 0) throw new Error("No </Relationships>");
    splices.push({ start: closeAt, end: closeAt, text: added });
  }
  return applySplices(xml, splices);
}

/** The next `rIdN` after the largest one in use. */
export function nextRelId(rels: readonly Relationship[]): () => string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return () => `rId${++max}`;
}
