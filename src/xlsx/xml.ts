/**
 * A small, fast pull scanner for the XML in OPC packages, plus escaping both ways.
 *
 * It is not a general XML parser: no DTDs, no external entities (a DOCTYPE is skipped),
 * only the five predefined entities and character references. Namespace prefixes are
 * dropped from element and attribute names (`x:c` is `c`), which is how we read
 * documents from writers that prefix the SpreadsheetML namespace, and ISO Strict files.
 */

export enum Tag {
  End = 0,
  Open = 1,
  Close = 2,
  /** A self-closing tag: `<c r="A1"/>`. */
  Empty = 3,
}

export class XmlScanner {
  readonly xml: string;
  /** Where scanning continues. */
  pos = 0;
  kind: Tag = Tag.End;
  /** Local name (prefix dropped) of the current tag. */
  name = "";
  /** Start (the `<`) and end (after the `>`) of the current tag. */
  tagStart = 0;
  tagEnd = 0;
  /** The attribute text of the current tag. */
  attrStart = 0;
  attrEnd = 0;

  constructor(xml: string, from = 0) {
    this.xml = xml;
    this.pos = from;
  }

  /** Moves to the next element tag, skipping text, comments, processing instructions, CDATA and DOCTYPE. */
  next(): Tag {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = xml.length;
        this.kind = Tag.End;
        return Tag.End;
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.pos = skipSpecial(xml, lt);
        continue;
      }
      this.tagStart = lt;
      const close = c === 47; /* / */
      let i = close ? lt + 2 : lt + 1;
      const nameStart = i;
      let colon = -1;
      for (;;) {
        const ch = xml.charCodeAt(i);
        if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13 || Number.isNaN(ch)) break;
        if (ch === 58) colon = i;
        i++;
      }
      this.name = xml.slice(colon >= 0 ? colon + 1 : nameStart, i);
      this.attrStart = i;
      const gt = findTagEnd(xml, i);
      if (gt < 0) throw new Error("Unterminated tag");
      this.tagEnd = gt + 1;
      this.pos = gt + 1;
      if (close) {
        this.attrEnd = i;
        this.kind = Tag.Close;
      } else if (xml.charCodeAt(gt - 1) === 47) {
        this.attrEnd = gt - 1;
        this.kind = Tag.Empty;
      } else {
        this.attrEnd = gt;
        this.kind = Tag.Open;
      }
      return this.kind;
    }
  }

  /** The value of an attribute of the current tag by local name, entity-decoded. */
  attr(local: string): string | undefined {
    const xml = this.xml;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      let ch = xml.charCodeAt(i);
      while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = xml.charCodeAt(++i);
      if (i >= end) break;
      const nameStart = i;
      let colon = -1;
      while (i < end && ch !== 61 /* = */ && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
        if (ch === 58) colon = i;
        ch = xml.charCodeAt(++i);
      }
      const nameEnd = i;
      while (i < end && xml.charCodeAt(i) !== 61) i++;
      i++;
      while (i < end && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++;
      const quote = xml.charCodeAt(i);
      const valueStart = i + 1;
      const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > end) return undefined;
      i = valueEnd + 1;
      const localStart = colon >= 0 ? colon + 1 : nameStart;
      if (nameEnd - localStart === local.length && xml.startsWith(local, localStart)) {
        return decodeEntities(xml.slice(valueStart, valueEnd));
      }
    }
    return undefined;
  }

  /** All attributes of the current tag with their qualified names, in document order. */
  attributes(): { name: string; value: string; start: number; end: number }[] {
    const out: { name: string; value: string; start: number; end: number }[] = [];
    const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    re.lastIndex = 0;
    const text = this.xml.slice(this.attrStart, this.attrEnd);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ name: m[1], value: decodeEntities(m[3] ?? m[4] ?? ""), start: this.attrStart + m.index, end: this.attrStart + m.index + m[0].length });
    }
    return out;
  }

  /**
   * After an Open tag: all text inside the element (its descendants' too), entities
   * decoded, CDATA included; leaves the scanner after the matching close tag.
   * After an Empty tag: "".
   */
  text(): string {
    if (this.kind !== Tag.Open) return "";
    const xml = this.xml;
    let depth = 1;
    let out = "";
    let from = this.pos;
    for (;;) {
      const lt = xml.indexOf("<", from);
      if (lt < 0) throw new Error("Unterminated element");
      if (lt > from) out += decodeEntities(xml.slice(from, lt));
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 && xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new Error("Unterminated CDATA");
        out += xml.slice(lt + 9, end);
        from = end + 3;
        continue;
      }
      if (c === 33 || c === 63) {
        from = skipSpecial(xml, lt);
        continue;
      }
      this.pos = lt;
      const kind = this.next();
      from = this.pos;
      if (kind === Tag.Open) depth++;
      else if (kind === Tag.Close && --depth === 0) return out;
    }
  }

  /** After an Open tag: moves past the matching close tag. */
  skip(): void {
    if (this.kind !== Tag.Open) return;
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === Tag.End) throw new Error("Unterminated element");
      if (kind === Tag.Open) depth++;
      else if (kind === Tag.Close && --depth === 0) return;
    }
  }
}

/** End of a tag starting its attributes at `from`: the `>` not inside a quoted value. */
function findTagEnd(xml: string, from: number): number {
  const length = xml.length;
  for (let i = from; i < length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith("<!--", lt)) {
    const end = xml.indexOf("-->", lt + 4);
    return end < 0 ? xml.length : end + 3;
  }
  if (xml.startsWith("<![CDATA[", lt)) {
    const end = xml.indexOf("]]>", lt + 9);
    return end < 0 ? xml.length : end + 3;
  }
  if (xml.startsWith("<?", lt)) {
    const end = xml.indexOf("?>", lt + 2);
    return end < 0 ? xml.length : end + 2;
  }
  // <!DOCTYPE …> possibly with an internal subset in brackets: its entities are not used.
  const bracket = xml.indexOf("[", lt);
  const gt = xml.indexOf(">", lt);
  if (bracket >= 0 && bracket < gt) {
    const end = xml.indexOf("]>", bracket);
    return end < 0 ? xml.length : end + 2;
  }
  return gt < 0 ? xml.length : gt + 1;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/**
 * OOXML's `_xHHHH_` escape: characters XML 1.0 cannot carry (control characters, lone
 * surrogates, U+FFFE/U+FFFF), and carriage returns (XML parsers turn them into line feeds),
 * are written as `_xHHHH_`; a literal `_xHHHH_` in the text gets its underscore escaped.
 * The result still needs `escapeXml`.
 */
export function encodeOoxmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /_(?=x[0-9a-fA-F]{4}_)|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** Undoes `_xHHHH_` escapes (in shared strings, inline strings and string results). */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Decodes a part's bytes: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
