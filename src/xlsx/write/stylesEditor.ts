import type { CellStyle, ConditionalFormatPlan } from "../../core/types";
import { builtinFormatId } from "../numberFormats";
import { NS } from "../opc";
import { Tag, XmlScanner, escapeXml } from "../xml";
import { type Splice, applySplices, prefixAt } from "./packageEditor";

/** Containers of styles.xml in schema order; a missing one is inserted before the next present one. */
const CONTAINER_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Container = (typeof CONTAINER_ORDER)[number];
type Edited = "numFmts" | "fonts" | "fills" | "cellXfs" | "dxfs";

interface ContainerInfo {
  /** Open (or self-closing) tag span. */
  readonly openStart: number;
  readonly openEnd: number;
  /** Where children end: the close tag's start (or -1 when self-closing). */
  readonly closeStart: number;
  /** Each child element's exact text, in index order. */
  readonly children: string[];
}

/** `#RRGGBB` → `FFRRGGBB`; undefined for anything else. */
export function argb(color: string | undefined): string | undefined {
  const m = color === undefined ? null : /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

export const DEFAULT_STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

/**
 * Adds cell styles and differential formats to an existing styles.xml without moving
 * any existing entry: new fonts, fills, number formats (ids ≥ 164), cell formats and
 * dxfs are appended, and an entry equal to one already there is reused, so applying the
 * same plan twice adds nothing the second time.
 */
export class StylesEditor {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly containers = new Map<Container, ContainerInfo>();
  private readonly added: Record<Edited, string[]> = { numFmts: [], fonts: [], fills: [], cellXfs: [], dxfs: [] };
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;
  private readonly baseFont: { size: string; name: string; extra: string; color: string };
  private readonly cache = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    const scanner = new XmlScanner(xml);
    let prefix = "";
    let root = true;
    for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
      if (kind === Tag.Close) continue;
      if (root) {
        root = false;
        prefix = prefixAt(xml, scanner.tagStart);
        continue;
      }
      const name = scanner.name as Container;
      if (!CONTAINER_ORDER.includes(name)) {
        if (kind === Tag.Open) scanner.skip();
        continue;
      }
      const openStart = scanner.tagStart;
      const openEnd = scanner.tagEnd;
      const children: string[] = [];
      if (kind === Tag.Empty) {
        this.containers.set(name, { openStart, openEnd, closeStart: -1, children });
        continue;
      }
      for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
        if (inner === Tag.Close) break; // the container's own close tag
        const start = scanner.tagStart;
        if (inner === Tag.Open) scanner.skip();
        children.push(xml.slice(start, scanner.tagEnd));
      }
      this.containers.set(name, { openStart, openEnd, closeStart: scanner.tagStart, children });
    }
    this.prefix = prefix;

    for (const numFmt of this.containers.get("numFmts")?.children ?? []) {
      const s = new XmlScanner(numFmt);
      s.next();
      const id = Number(s.attr("numFmtId"));
      const code = s.attr("formatCode");
      if (!Number.isInteger(id)) continue;
      if (code !== undefined && !this.formatIds.has(code)) this.formatIds.set(code, id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
    this.baseFont = readBaseFont(this.containers.get("fonts")?.children[0] ?? "");
  }

  private el(name: string): string {
    return this.prefix + name;
  }

  /** Index of `text` among existing and added children, appending it when new. */
  private intern(container: Edited, text: string): number {
    const existing = this.containers.get(container)?.children ?? [];
    const found = existing.indexOf(text);
    if (found >= 0) return found;
    const added = this.added[container];
    const again = added.indexOf(text);
    if (again >= 0) return existing.length + again;
    added.push(text);
    return existing.length + added.length - 1;
  }

  numberFormatId(code: string): number {
    const builtin = builtinFormatId(code);
    if (builtin !== undefined) return builtin;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.intern("numFmts", `<${this.el("numFmt")} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontXml(style: { bold?: boolean; italic?: boolean; underline?: boolean; fontSize?: number; fontColor?: string }): string {
    const f = (name: string, attrs = "") => `<${this.el(name)}${attrs}/>`;
    const color = argb(style.fontColor);
    return (
      `<${this.el("font")}>` +
      (style.bold ? f("b") : "") +
      (style.italic ? f("i") : "") +
      (style.underline ? f("u") : "") +
      f("sz", ` val="${style.fontSize !== undefined && style.fontSize > 0 ? String(style.fontSize) : this.baseFont.size}"`) +
      (color ? f("color", ` rgb="${color}"`) : this.baseFont.color.replace(/^<(\w+:)?color/, `<${this.el("color")}`)) +
      f("name", ` val="${escapeXml(this.baseFont.name)}"`) +
      this.baseFont.extra.replace(/<(\w+:)?(family|charset|scheme)/g, (_m, _p, n: string) => `<${this.el(n)}`) +
      `</${this.el("font")}>`
    );
  }

  /** The cellXfs index for a plan style (0 when the style asks for nothing). */
  cellStyle(style: CellStyle): number {
    const key = JSON.stringify(style);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const numFmtId = style.numberFormat ? this.numberFormatId(style.numberFormat) : 0;
    const wantsFont = style.bold || style.italic || style.underline || style.fontSize !== undefined || argb(style.fontColor) !== undefined;
    const fontId = wantsFont ? this.intern("fonts", this.fontXml(style)) : 0;
    const fill = argb(style.fill);
    const fillId = fill
      ? this.intern("fills", `<${this.el("fill")}><${this.el("patternFill")} patternType="solid"><${this.el("fgColor")} rgb="${fill}"/><${this.el("bgColor")} indexed="64"/></${this.el("patternFill")}></${this.el("fill")}>`)
      : 0;
    const alignment =
      style.horizontal || style.wrap
        ? `<${this.el("alignment")}${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${style.wrap ? ` wrapText="1"` : ""}/>`
        : "";
    let index = 0;
    if (numFmtId || fontId || fillId || alignment) {
      const attrs =
        `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        (numFmtId ? ` applyNumberFormat="1"` : "") +
        (fontId ? ` applyFont="1"` : "") +
        (fillId ? ` applyFill="1"` : "") +
        (alignment ? ` applyAlignment="1"` : "");
      index = this.intern("cellXfs", alignment ? `<${this.el("xf")} ${attrs}>${alignment}</${this.el("xf")}>` : `<${this.el("xf")} ${attrs}/>`);
    }
    this.cache.set(key, index);
    return index;
  }

  /** The dxf index for a conditional format's look. */
  dxf(format: Pick<ConditionalFormatPlan, "fill" | "fontColor" | "bold">): number {
    const color = argb(format.fontColor);
    const fill = argb(format.fill);
    const font = format.bold || color ? `<${this.el("font")}>${format.bold ? `<${this.el("b")}/>` : ""}${color ? `<${this.el("color")} rgb="${color}"/>` : ""}</${this.el("font")}>` : "";
    const fillXml = fill ? `<${this.el("fill")}><${this.el("patternFill")}><${this.el("bgColor")} rgb="${fill}"/></${this.el("patternFill")}></${this.el("fill")}>` : "";
    return this.intern("dxfs", `<${this.el("dxf")}>${font}${fillXml}</${this.el("dxf")}>`);
  }

  /** The edited styles.xml; the original text when nothing was added. */
  toXml(): string {
    const splices: Splice[] = [];
    for (const container of Object.keys(this.added) as Edited[]) {
      const added = this.added[container];
      if (added.length === 0) continue;
      const info = this.containers.get(container);
      const count = (info?.children.length ?? 0) + added.length;
      const open = (tag: string) => setCount(tag, count);
      if (info && info.closeStart >= 0) {
        splices.push({ start: info.openStart, end: info.openEnd, text: open(this.xml.slice(info.openStart, info.openEnd)) });
        splices.push({ start: info.closeStart, end: info.closeStart, text: added.join("") });
      } else if (info) {
        const tag = this.xml.slice(info.openStart, info.openEnd);
        splices.push({ start: info.openStart, end: info.openEnd, text: `${open(tag.replace(/\s*\/>$/, ">"))}${added.join("")}</${this.el(container)}>` });
      } else {
        const at = this.insertionPoint(container);
        splices.push({ start: at, end: at, text: `<${this.el(container)} count="${count}">${added.join("")}</${this.el(container)}>` });
      }
    }
    return splices.length ? applySplices(this.xml, splices) : this.xml;
  }

  private insertionPoint(container: Container): number {
    for (const later of CONTAINER_ORDER.slice(CONTAINER_ORDER.indexOf(container) + 1)) {
      const info = this.containers.get(later);
      if (info) return info.openStart;
    }
    const close = this.xml.lastIndexOf("</");
    if (close < 0) throw new Error("styles.xml has no root close tag");
    return close;
  }
}

function setCount(tag: string, count: number): string {
  if (/\scount\s*=\s*("[^"]*"|'[^']*')/.test(tag)) return tag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`);
  return tag.replace(/\s*(\/?>)$/, ` count="${count}"$1`);
}

function readBaseFont(fontXml: string): { size: string; name: string; extra: string; color: string } {
  const size = /<(?:\w+:)?sz\s+val="([^"]*)"/.exec(fontXml)?.[1] ?? "11";
  const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(fontXml)?.[1] ?? "Calibri";
  const color = /<(?:\w+:)?color\b[^>]*\/>/.exec(fontXml)?.[0] ?? "";
  const extra = [...fontXml.matchAll(/<(?:\w+:)?(?:family|charset|scheme)\b[^>]*\/>/g)].map((m) => m[0]).join("");
  return { size, name: name.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"), extra, color };
}
