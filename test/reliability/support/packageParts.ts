import { contentTypeOf, parseContentTypes, parseRels, relKind, relsPathFor, resolveTarget, type Relationship } from "../../../src/xlsx/opc";
import { ownerMarks } from "../../../src/xlsx/readXlsx";
import { openWorkbookPackage, parseWorkbookXml, type WorkbookPackage } from "../../../src/xlsx/workbookPackage";
import { Tag, XmlScanner } from "../../../src/xlsx/xml";
import { openZip, type ZipReader } from "../../../src/xlsx/zip";

/**
 * Part-by-part comparison of a workbook package before and after Balans wrote into it.
 * Written independently of the writer: the package is read with the zip reader and the
 * relationships followed here; the rules are the ones Balans promises (README, "What
 * Balans guarantees about your data").
 */

const decoder = new TextDecoder();

export interface PackageView {
  readonly zip: ZipReader;
  readonly pkg: WorkbookPackage;
  /** Part name (as stored) → inflated bytes. */
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** Indices (in `<sheets>`) of sheets carrying Balans's owner mark. */
  readonly owned: ReadonlySet<number>;
  /** Parts that only Balans's sheets lead to (their tables, drawings, charts). */
  readonly balansParts: ReadonlySet<string>;
}

function key(name: string): string {
  return name.toLowerCase();
}

export function viewPackage(bytes: Uint8Array): PackageView {
  const zip = openZip(bytes);
  const pkg = openWorkbookPackage(bytes);
  const parts = new Map(zip.entries.map((e) => [e.name, zip.read(e.name)] as const));
  const marks = ownerMarks(pkg.definedNames);
  const owned = new Set([...marks].filter(([, mark]) => mark.startsWith("balans:")).map(([index]) => index));
  const stored = new Map(zip.entries.map((e) => [key(e.name), e.name] as const));
  const targets = (part: string): string[] => {
    const rels = stored.get(key(relsPathFor(part)));
    if (!rels) return [];
    return parseRels(decoder.decode(parts.get(rels)!))
      .filter((r) => !r.external)
      .map((r) => stored.get(key(resolveTarget(part, r.target))))
      .filter((p): p is string => p !== undefined);
  };
  const reach = (roots: readonly string[], stopAt: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const part = queue.pop()!;
      if (seen.has(part) || stopAt.has(part)) continue;
      seen.add(part);
      queue.push(...targets(part));
    }
    return seen;
  };
  const ownedSheetParts = new Set([...owned].map((i) => pkg.sheets[i]?.part).filter((p): p is string => p !== undefined));
  const fromUser = reach([pkg.workbookPart, ...targetsOfRoot(parts, stored)], ownedSheetParts);
  const fromOwned = reach([...ownedSheetParts], new Set());
  const balansParts = new Set<string>();
  for (const part of fromOwned) {
    if (fromUser.has(part)) continue;
    balansParts.add(part);
    const rels = stored.get(key(relsPathFor(part)));
    if (rels) balansParts.add(rels);
  }
  return { zip, pkg, parts, owned, balansParts };
}

function targetsOfRoot(parts: ReadonlyMap<string, Uint8Array>, stored: ReadonlyMap<string, string>): string[] {
  const rels = stored.get("_rels/.rels");
  if (!rels) return [];
  return parseRels(decoder.decode(parts.get(rels)!))
    .filter((r) => !r.external)
    .map((r) => stored.get(key(resolveTarget("", r.target))))
    .filter((p): p is string => p !== undefined);
}

/** Workbook-level parts Balans must edit to add sheets; everything else of the user's stays byte-identical. */
function touchable(view: PackageView): Set<string> {
  const { pkg } = view;
  const relOf = (kind: string) => pkg.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
  const names = [pkg.workbookPart, relsPathFor(pkg.workbookPart), "[Content_Types].xml"];
  for (const kind of ["styles", "calcChain"]) {
    const rel = relOf(kind);
    if (rel) names.push(resolveTarget(pkg.workbookPart, rel.target));
  }
  return new Set(names.map(key));
}

/** Child elements of each container of an XML part, as exact text: `{ cellXfs: ["<xf …/>", …] }`. */
export function childrenOf(xml: string, containers: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const scanner = new XmlScanner(xml);
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    if (kind !== Tag.Open || !containers.includes(scanner.name)) continue;
    const container = scanner.name;
    const children: string[] = [];
    for (let inner = scanner.next(); inner !== Tag.End; inner = scanner.next()) {
      if (inner === Tag.Close) break;
      const start = scanner.tagStart;
      if (inner === Tag.Open) scanner.skip();
      children.push(xml.slice(start, scanner.tagEnd));
    }
    out.set(container, children);
  }
  return out;
}

function sameRel(a: Relationship, b: Relationship): boolean {
  return a.id === b.id && a.type === b.type && a.target === b.target && a.external === b.external;
}

/** The workbook.xml text without the parts Balans edits (`<sheets>`, `<definedNames>`, `<calcPr>`). */
function workbookRest(xml: string): string {
  return xml
    .replace(/<(\w+:)?sheets\b[\s\S]*?<\/(\w+:)?sheets>|<(\w+:)?sheets\s*\/>/, "")
    .replace(/<(\w+:)?definedNames\b[\s\S]*?<\/(\w+:)?definedNames>|<(\w+:)?definedNames\s*\/>/, "")
    .replace(/<(\w+:)?calcPr\b[^>]*\/>|<(\w+:)?calcPr\b[\s\S]*?<\/(\w+:)?calcPr>/, "");
}

function attributesOf(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]] as const));
}

/**
 * What Balans changed of the user's that it must not have: an empty list when every user
 * part is byte-identical and the workbook-level parts keep all their original entries.
 */
export function userDataChanges(before: PackageView, after: PackageView): string[] {
  const problems: string[] = [];
  const allowed = touchable(before);
  const afterByKey = new Map([...after.parts].map(([name, bytes]) => [key(name), { name, bytes }] as const));
  const ownedSheetParts = new Set([...before.owned].map((i) => before.pkg.sheets[i]?.part));
  for (const [name, bytes] of before.parts) {
    if (allowed.has(key(name)) || before.balansParts.has(name) || ownedSheetParts.has(name)) continue;
    const now = afterByKey.get(key(name));
    if (!now) problems.push(`part ${name} is gone`);
    else if (Buffer.compare(Buffer.from(now.bytes), Buffer.from(bytes)) !== 0) problems.push(`part ${name} changed`);
  }

  // workbook.xml: every user sheet and name kept as it was, in order; nothing else moved.
  const oldBook = parseWorkbookXml(decoder.decode(before.parts.get(before.pkg.workbookPart)!));
  const newBook = parseWorkbookXml(decoder.decode(after.parts.get(after.pkg.workbookPart)!));
  const userSheets = oldBook.sheets.filter((_, i) => !before.owned.has(i));
  const keptSheets = newBook.sheets.slice(0, userSheets.length);
  if (JSON.stringify(keptSheets) !== JSON.stringify(userSheets)) {
    problems.push(`the user's <sheet> entries changed: ${JSON.stringify(userSheets)} → ${JSON.stringify(keptSheets)}`);
  }
  const sheetName = (book: typeof oldBook, index: number | undefined) => (index === undefined ? undefined : (book.sheets[index]?.name ?? `#${index}`));
  const nameKey = (book: typeof oldBook, n: (typeof oldBook.definedNames)[number]) => JSON.stringify([n.name, sheetName(book, n.localSheetId), n.hidden, n.value]);
  const newNames = new Set(newBook.definedNames.map((n) => nameKey(newBook, n)));
  for (const n of oldBook.definedNames) {
    if (n.localSheetId !== undefined && before.owned.has(n.localSheetId)) continue;
    if (!newNames.has(nameKey(oldBook, n))) problems.push(`defined name ${nameKey(oldBook, n)} was lost or moved`);
  }
  const oldXml = decoder.decode(before.parts.get(before.pkg.workbookPart)!);
  const newXml = decoder.decode(after.parts.get(after.pkg.workbookPart)!);
  if (workbookRest(oldXml) !== workbookRest(newXml) && !viewsOnlyMoved(oldXml, newXml, before.owned.size > 0)) {
    problems.push("workbook.xml changed outside <sheets>, <definedNames> and <calcPr>");
  }
  const oldCalc = /<(?:\w+:)?calcPr\b[^>]*>/.exec(oldXml)?.[0];
  const newCalc = /<(?:\w+:)?calcPr\b[^>]*>/.exec(newXml)?.[0];
  if (oldCalc) {
    const kept = attributesOf(newCalc ?? "");
    for (const [attribute, value] of attributesOf(oldCalc)) {
      if (attribute !== "fullCalcOnLoad" && kept.get(attribute) !== value) problems.push(`calcPr lost ${attribute}="${value}"`);
    }
  }

  // Relationships of the workbook: all of the user's kept.
  const relsName = relsPathFor(before.pkg.workbookPart);
  const newRels = after.pkg.workbookRels;
  const ownedRelIds = new Set([...before.owned].map((i) => before.pkg.sheets[i]?.relId));
  for (const rel of before.pkg.workbookRels) {
    if (ownedRelIds.has(rel.id)) continue;
    if (relKind(rel.type) === "calcChain" && !after.pkg.workbookRels.some((r) => relKind(r.type) === "calcChain")) continue; // emptied and dropped
    if (!newRels.some((r) => sameRel(r, rel))) problems.push(`${relsName}: relationship ${rel.id} (${rel.target}) lost or changed`);
  }

  // Content types: every default kept, every override of a user part kept.
  const oldTypes = parseContentTypes(decoder.decode(before.parts.get("[Content_Types].xml")!));
  const newTypes = parseContentTypes(decoder.decode(after.parts.get("[Content_Types].xml")!));
  for (const [extension, type] of oldTypes.defaults) {
    if (newTypes.defaults.get(extension) !== type) problems.push(`content type default .${extension} lost`);
  }
  for (const [part, type] of oldTypes.overrides) {
    const name = part.replace(/^\//, "");
    if ([...before.balansParts, ...ownedSheetParts].some((p) => p !== undefined && key(p) === key(name))) continue;
    if (!before.parts.has(name) && ![...before.parts.keys()].some((p) => key(p) === key(name))) {
      // An override for a part that is not there: Balans may leave it or not.
      continue;
    }
    if (contentTypeOf(newTypes, name) !== type) problems.push(`content type of ${part} lost`);
  }

  // styles.xml: every original entry still at its index.
  const stylesRel = before.pkg.workbookRels.find((r) => relKind(r.type) === "styles" && !r.external);
  if (stylesRel) {
    const part = resolveTarget(before.pkg.workbookPart, stylesRel.target);
    const stored = [...before.parts.keys()].find((p) => key(p) === key(part));
    const afterPart = [...after.parts.keys()].find((p) => key(p) === key(part));
    if (stored && afterPart) {
      const containers = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "colors"];
      const was = childrenOf(decoder.decode(before.parts.get(stored)!), containers);
      const is = childrenOf(decoder.decode(after.parts.get(afterPart)!), containers);
      for (const [container, children] of was) {
        const now = is.get(container) ?? [];
        children.forEach((child, i) => {
          if (now[i] !== child) problems.push(`styles.xml ${container}[${i}] changed: ${child} → ${now[i]}`);
        });
      }
    } else if (stored) {
      problems.push("styles.xml is gone");
    }
  }

  // calcChain.xml: the user's cells in their order, nothing of Balans's.
  const calcRel = before.pkg.workbookRels.find((r) => relKind(r.type) === "calcChain" && !r.external);
  if (calcRel) {
    const part = resolveTarget(before.pkg.workbookPart, calcRel.target);
    const read = (view: PackageView) => {
      const name = [...view.parts.keys()].find((p) => key(p) === key(part));
      return name ? calcCells(decoder.decode(view.parts.get(name)!)) : [];
    };
    const ownedIds = new Set([...before.owned].map((i) => before.pkg.sheets[i].sheetId));
    const expected = read(before).filter((c) => !ownedIds.has(c.sheetId));
    const actual = read(after);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push("calcChain.xml lost or gained cells");
  }
  return problems;
}

/** A workbook view's activeTab may move when a sheet before it was deleted; nothing else may. */
function viewsOnlyMoved(oldXml: string, newXml: string, sheetsRemoved: boolean): boolean {
  if (!sheetsRemoved) return false;
  const strip = (xml: string) => workbookRest(xml).replace(/\s(activeTab|firstSheet)="\d+"/g, "");
  return strip(oldXml) === strip(newXml);
}

function calcCells(xml: string): { cell: string; sheetId: number }[] {
  const cells: { cell: string; sheetId: number }[] = [];
  let sheetId = -1;
  for (const m of xml.matchAll(/<c\b([^>]*)\/?>/g)) {
    const attrs = attributesOf(m[1]);
    if (attrs.has("i")) sheetId = Number(attrs.get("i"));
    cells.push({ cell: attrs.get("r") ?? "", sheetId });
  }
  return cells;
}

/** Balans's sheets by name → their worksheet XML. */
export function balansSheets(view: PackageView): Map<string, string> {
  const out = new Map<string, string>();
  for (const index of view.owned) {
    const sheet = view.pkg.sheets[index];
    if (sheet?.part) out.set(sheet.name, decoder.decode(view.parts.get(sheet.part)!));
  }
  return out;
}

/** Every relationship in the package with its source part. */
export function allRelationships(view: PackageView): { source: string; rel: Relationship }[] {
  const out: { source: string; rel: Relationship }[] = [];
  for (const [name, bytes] of view.parts) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
    if (!m) continue;
    for (const rel of parseRels(decoder.decode(bytes))) out.push({ source: `${m[1]}${m[2]}`, rel });
  }
  return out;
}
