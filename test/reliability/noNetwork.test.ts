import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Balans makes no request to any other host: the code that ships (pane, ribbon command,
 * adapters, engine, command line) holds no network call and no address but XML
 * namespace names, and its pages load scripts only from their own origin (office.js
 * included, copied into the build). The stand-alone page's end-to-end tests record every
 * request the running page makes; this is the static half, for the Office pane too.
 */

const ROOT = join(__dirname, "..", "..");
const SHIPPED = ["src/taskpane", "src/commands", "src/excel", "src/core", "src/xlsx", "src/cli"];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry === "__tests__" || entry === "testing" || entry === "fake") continue;
      yield* files(path);
    } else if (/\.(ts|tsx|html)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
      yield path;
    }
  }
}

const sources = SHIPPED.flatMap((dir) => [...files(join(ROOT, dir))]).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }));

/** Names of XML namespaces: identifiers that look like addresses and are never fetched. */
const NAMESPACES = /^https?:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.oclc\.org|purl\.org|www\.w3\.org)\//;

test("the shipped code is all there (the scan below is not vacuous)", () => {
  expect(sources.length).toBeGreaterThan(60);
  expect(sources.some((s) => s.path.endsWith("officeActions.ts"))).toBe(true);
});

test("no network calls in the shipped code", () => {
  const calls = /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+WebSocket|EventSource|importScripts\s*\(|navigator\.connection/;
  expect(sources.filter((s) => calls.test(s.text)).map((s) => s.path)).toEqual([]);
});

test("no address of another host, only XML namespace names", () => {
  const addresses = sources.flatMap((s) => [...s.text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)<>]*/gi)].map((m) => ({ path: s.path, url: m[0] })));
  expect(addresses.filter((a) => /^https?:/.test(a.url) && !NAMESPACES.test(a.url))).toEqual([]);
});

test("the pages load scripts, styles and frames from their own origin only", () => {
  const pages = sources.filter((s) => s.path.endsWith(".html"));
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const references = pages.flatMap((s) => [...s.text.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => ({ path: s.path, url: m[1] })));
  expect(references.filter((r) => /^(?:[a-z]+:)?\/\//i.test(r.url))).toEqual([]);
  expect(references.some((r) => r.url === "office-js/office.js")).toBe(true);
});
