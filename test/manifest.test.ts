import { REQUIRED_EXCEL_API } from "../src/excel/host";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validateXML } from "xmllint-wasm";

/**
 * The add-in manifest: valid against the Office schema (offline, when the schema folder
 * is there), and the things the schema cannot see: https everywhere, icons that exist at
 * the size they claim, requirement sets we document, every resource id resolved, every
 * string in Swedish and English.
 */

const ROOT = path.join(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
// Overridable so the skip branch can be tried: BALANS_SCHEMA_DIR=/nowhere npx jest test/manifest.test.ts
const SCHEMA_DIR = process.env.BALANS_SCHEMA_DIR ?? path.join(ROOT, "..", "shared", "office-manifest-xsd");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEV_ORIGIN = "https://localhost:3000/";

const manifestXml = fs.readFileSync(MANIFEST_PATH, "utf8");
const schemaPresent = fs.existsSync(path.join(SCHEMA_DIR, MAIN_SCHEMA));
const SKIP_REASON = `Schema validation not run: ${path.join(SCHEMA_DIR, MAIN_SCHEMA)} is absent (see ../shared/office-manifest-xsd/README.md).`;

// ---- a minimal XML tree: enough for our own manifest, no DTDs or CDATA -----------------

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly parent: XmlElement | null;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function parseXml(xml: string): XmlElement {
  const source = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "", parent: null };
  let current = root;
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const [, closing, name, attributeText, selfClosing, text] = m;
    if (text !== undefined) {
      current.text += decode(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent as XmlElement;
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attributeText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[a[1]] = decode(a[2]);
      const element: XmlElement = { name, attributes, children: [], text: "", parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
    }
  }
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

const all = descendants(parseXml(manifestXml));
const named = (name: string) => all.filter((e) => e.name === name);
const one = (name: string) => {
  const found = named(name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
/** The one child of the manifest's top element with this name (DisplayName, Description, …). */
const top = (name: string) => {
  const found = one("OfficeApp").children.filter((e) => e.name === name);
  if (found.length !== 1) throw new Error(`expected one <OfficeApp><${name}>, found ${found.length}`);
  return found[0];
};

/** Resources by id, with the list they are defined in (bt:Images, bt:Urls, …). */
const resources = new Map(
  named("bt:Images")
    .concat(named("bt:Urls"), named("bt:ShortStrings"), named("bt:LongStrings"))
    .flatMap((list) => list.children.map((r) => [r.attributes.id, { list: list.name, element: r }] as const)),
);

// ---- PNG header ---------------------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `https://localhost:3000/assets/icon-32.png` → `<repo>/assets/icon-32.png`. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length));
}

// ---- schema ------------------------------------------------------------------------------

async function validateAgainstSchema(xml: string) {
  const schemaFile = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), "utf8") });
  const imports = fs
    .readdirSync(SCHEMA_DIR)
    .filter((n) => n.endsWith(".xsd") && n !== MAIN_SCHEMA)
    .map(schemaFile);
  return validateXML({ xml: [{ fileName: "manifest.xml", contents: xml }], schema: [schemaFile(MAIN_SCHEMA)], preload: imports });
}

function runValidateScript(manifest: string) {
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js"), manifest, SCHEMA_DIR], { encoding: "utf8" });
}

describe("manifest.xml against the Office schema", () => {
  test("is valid", async () => {
    if (!schemaPresent) {
      console.warn(SKIP_REASON);
      expect(SKIP_REASON).toMatch(/office-manifest-xsd/);
      return;
    }
    const result = await validateAgainstSchema(manifestXml);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("npm run validate's script accepts it and rejects a broken copy", () => {
    if (!schemaPresent) {
      console.warn(SKIP_REASON);
      expect(runValidateScript(MANIFEST_PATH).status).toBe(0);
      return;
    }
    const good = runValidateScript(MANIFEST_PATH);
    expect(good.stdout).toMatch(/is valid/);
    expect(good.status).toBe(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "balans-manifest-"));
    try {
      const broken = path.join(dir, "manifest.xml");
      fs.writeFileSync(broken, manifestXml.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
      const bad = runValidateScript(broken);
      expect(bad.stderr).toMatch(/Permissions/);
      expect(bad.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("manifest.xml project rules", () => {
  test("is an Excel task pane add-in with a stable GUID", () => {
    expect(one("OfficeApp").attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(top("Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(named("Host").map((h) => h.attributes.Name ?? h.attributes["xsi:type"])).toEqual(["Workbook", "Workbook"]);
  });

  test("asks for ReadWriteDocument, no more, no less", () => {
    expect(top("Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  test("every URL is https", () => {
    const urls = [
      ...all.flatMap((e) => Object.entries(e.attributes).filter(([name]) => !name.startsWith("xmlns")).map(([, value]) => value)),
      ...all.map((e) => e.text.trim()),
    ].filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  test("every add-in URL points at the dev origin, which the production build rewrites", () => {
    const pages = named("bt:Url")
      .map((u) => u.attributes.DefaultValue)
      .concat(top("DefaultSettings").children.map((e) => e.attributes.DefaultValue))
      .filter((url) => url.startsWith(DEV_ORIGIN));
    expect(pages.map((url) => url.slice(DEV_ORIGIN.length)).sort()).toEqual(["commands.html", "taskpane.html", "taskpane.html"]);
    expect(fs.existsSync(path.join(ROOT, "src", "commands", "commands.html"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "src", "taskpane", "taskpane.html"))).toBe(true);
  });

  test("the add-in icons exist in assets/ at 32 and 64 px", () => {
    for (const [element, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const file = assetFile(top(element).attributes.DefaultValue);
      expect({ element, ...pngSize(file) }).toEqual({ element, width: size, height: size });
    }
  });

  test("every ribbon icon exists in assets/ at the size it is declared with", () => {
    const images = named("bt:Image").filter((e) => e.attributes.size !== undefined);
    expect(images.length).toBeGreaterThanOrEqual(3 * 3);
    for (const image of images) {
      const size = Number(image.attributes.size);
      const resource = resources.get(image.attributes.resid);
      expect(resource?.list).toBe("bt:Images");
      const file = assetFile(resource?.element.attributes.DefaultValue ?? "");
      expect({ resid: image.attributes.resid, ...pngSize(file) }).toEqual({ resid: image.attributes.resid, width: size, height: size });
    }
    // Office requires 16, 32 and 80 for every ribbon icon.
    for (const icon of named("Icon")) {
      expect(icon.children.map((c) => Number(c.attributes.size))).toEqual(expect.arrayContaining([16, 32, 80]));
    }
  });

  test("every referenced resource id exists, in the list its use needs, and every resource is used", () => {
    const listFor: Record<string, string> = {
      "bt:Image": "bt:Images",
      SourceLocation: "bt:Urls",
      FunctionFile: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
    };
    const references = all.filter((e) => e.attributes.resid !== undefined);
    expect(references.length).toBeGreaterThan(10);
    const problems = references
      .map((e) => ({ element: e.name, resid: e.attributes.resid, found: resources.get(e.attributes.resid)?.list ?? "missing" }))
      .filter((r) => r.found !== listFor[r.element]);
    expect(problems).toEqual([]);

    const used = new Set(references.map((e) => e.attributes.resid));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("Swedish by default, every text also in English", () => {
    expect(top("DefaultLocale").text).toBe("sv-SE");
    const texts = [top("DisplayName"), top("Description"), ...named("bt:String")];
    expect(texts.length).toBeGreaterThan(6);
    for (const text of texts) {
      const english = text.children.filter((c) => /(^|:)Override$/.test(c.name) && c.attributes.Locale === "en-US");
      expect({ id: text.attributes.id ?? text.name, english: english.length }).toEqual({ id: text.attributes.id ?? text.name, english: 1 });
      expect(text.attributes.DefaultValue.trim()).not.toBe("");
    }
  });

  test("requires the ExcelApi version documented in the README, which covers what Balans uses", () => {
    const sets = Object.fromEntries(named("Set").map((s) => [s.attributes.Name, s.attributes.MinVersion]));
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## /m).find((s) => s.startsWith("Requirement sets")) ?? "";
    const documented = /`ExcelApi (\d+\.\d+)`/.exec(section);
    expect(documented?.[1]).toBe(sets.ExcelApi);
    // The Office adapter states what it needs (the value-axis number format of charts: 1.8).
    expect(sets.ExcelApi).toBe(REQUIRED_EXCEL_API);
    // The check command reports in a dialog.
    expect(sets.DialogApi).toBe("1.1");
  });

  test("the ribbon's function is the one commands.ts associates", () => {
    const functionName = one("FunctionName").text.trim();
    const commands = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    expect(commands).toContain(`"${functionName}"`);
    expect(commands).toMatch(/Office\.actions\.associate\(/);
  });
});
