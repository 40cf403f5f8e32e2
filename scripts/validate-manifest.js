#!/usr/bin/env node
/**
 * Validates the add-in manifest against the published XML schema, offline.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [schema folder]
 *
 * `office-addin-manifest validate` posts the manifest to an online service, which these
 * machines cannot reach, so we run libxml2 (compiled to WebAssembly: xmllint-wasm) on the
 * schema files kept beside the repository in ../shared/office-manifest-xsd. When that
 * folder is absent (a fresh clone elsewhere) there is nothing to validate against: say so
 * and exit 0 rather than fail every build for a missing reference file.
 *
 * Exit codes: 0 valid or schema absent, 1 invalid, 2 could not run.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { validateXML } = require("xmllint-wasm");

const ROOT = path.join(__dirname, "..");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEFAULT_MANIFEST = path.join(ROOT, "manifest.xml");
const DEFAULT_SCHEMA_DIR = path.join(ROOT, "..", "shared", "office-manifest-xsd");

/**
 * The main schema and the files it imports. xmllint-wasm has no file system of its own,
 * so every imported .xsd is preloaded under its own name (the imports are relative).
 */
function readSchemas(schemaDir) {
  const main = { fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(schemaDir, MAIN_SCHEMA), "utf8") };
  const imports = fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith(".xsd") && name !== MAIN_SCHEMA)
    .sort()
    .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(schemaDir, name), "utf8") }));
  return { main, imports };
}

/** Validates manifest text; resolves `{ valid, errors: string[] }`. */
async function validateManifest(manifestXml, schemaDir, fileName = "manifest.xml") {
  const { main, imports } = readSchemas(schemaDir);
  const result = await validateXML({
    xml: [{ fileName, contents: manifestXml }],
    schema: [main],
    preload: imports,
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => (e.loc ? `${e.loc.fileName}:${e.loc.lineNumber}: ${e.message}` : e.rawMessage)),
  };
}

async function main(argv) {
  const manifestPath = path.resolve(argv[0] ?? DEFAULT_MANIFEST);
  const schemaDir = path.resolve(argv[1] ?? DEFAULT_SCHEMA_DIR);
  if (!fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    console.log(`Manifest not validated: no schema at ${path.join(schemaDir, MAIN_SCHEMA)}.`);
    console.log("The schemas live in ../shared/office-manifest-xsd (see its README); skipping.");
    return 0;
  }
  const name = path.relative(process.cwd(), manifestPath) || manifestPath;
  const { valid, errors } = await validateManifest(fs.readFileSync(manifestPath, "utf8"), schemaDir, path.basename(manifestPath));
  if (valid) {
    console.log(`${name} is valid against ${MAIN_SCHEMA}.`);
    return 0;
  }
  console.error(`${name} is NOT valid against ${MAIN_SCHEMA}:`);
  for (const error of errors) console.error(`  ${error}`);
  return 1;
}

module.exports = { validateManifest, DEFAULT_SCHEMA_DIR };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`Manifest validation could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
