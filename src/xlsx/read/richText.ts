import { Tag, XmlScanner, decodeOoxmlText } from "../xml";

/**
 * With the scanner on the open tag of an `<si>` or `<is>`: its text, rich-text runs
 * concatenated and phonetic runs (`rPh`) left out; leaves the scanner after the close tag.
 */
export function readRichText(scanner: XmlScanner): string {
  if (scanner.kind !== Tag.Open) return "";
  let out = "";
  let depth = 1;
  while (depth > 0) {
    const kind = scanner.next();
    if (kind === Tag.End) throw new Error("Unterminated string item");
    if (kind === Tag.Open) {
      if (scanner.name === "t") out += scanner.text();
      else if (scanner.name === "rPh" || scanner.name === "rPr") scanner.skip();
      else depth++;
    } else if (kind === Tag.Close) {
      depth--;
    }
  }
  return decodeOoxmlText(out);
}

/** The shared string table, in index order. */
export function readSharedStrings(xml: string): string[] {
  const scanner = new XmlScanner(xml);
  const strings: string[] = [];
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (scanner.name !== "si") continue;
    if (kind === Tag.Open) strings.push(readRichText(scanner));
    else if (kind === Tag.Empty) strings.push("");
  }
  return strings;
}
