import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { BROKEN_CORPUS, VALID_CORPUS, entityDeclarations, type CorpusFile } from "./corpus";
import { builtCli, runCli, wellBehaved, type CliRun } from "./support/cli";
import { balansSheets, userDataChanges, viewPackage } from "./support/packageParts";

/**
 * `balans check` on every workbook of the corpus, as a child process with a time limit
 * and a heap cap: it completes or exits 2 with a one-line reason, never a stack trace;
 * on exit 2 it writes nothing; on exit 0 every part of the user's workbook is kept, and a
 * second run on the result changes nothing further.
 */

jest.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), "balans-corpus-"));
const LIMITS = { timeoutMs: 60_000, maxOldSpaceMb: 512 };
/** Peak memory allowed for any corpus file (the bombs included): the heap cap plus room for buffers. */
const MAX_RSS = 900 * 1024 * 1024;

const paths = new Map<string, string>();

beforeAll(async () => {
  builtCli();
  for (const entry of [...VALID_CORPUS, ...BROKEN_CORPUS]) {
    const folder = join(dir, entry.file.replace(/\.\w+$/, ""));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, entry.file);
    writeFileSync(path, await entry.build());
    paths.set(entry.name, path);
  }
});

function check(input: string, out: string): CliRun {
  const run = runCli(["check", input, "--out", out], LIMITS);
  expect({ input, problems: wellBehaved(run) }).toEqual({ input, problems: [] });
  expect(run.maxRss).toBeLessThan(MAX_RSS);
  return run;
}

function resultName(entry: CorpusFile, n: number): string {
  return entry.file.replace(/(\.\w+)$/, `-resultat${n}$1`);
}

describe.each(VALID_CORPUS.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
  test(entry.expect.outcome === "completes" ? "completes, keeps every part of the user's, and a second run changes nothing" : "is refused with a reason and nothing written", () => {
    const input = paths.get(entry.name)!;
    const folder = join(input, "..");
    const out1 = join(folder, resultName(entry, 1));
    const first = check(input, out1);
    if (entry.expect.outcome === "refused") {
      expect(first.code).toBe(2);
      expect(first.stderr).toMatch(entry.expect.reason);
      expect(readdirSync(folder)).toEqual([entry.file]);
      return;
    }
    expect(first.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([entry.file, resultName(entry, 1)].sort());

    const before = viewPackage(new Uint8Array(readFileSync(input)));
    const once = viewPackage(new Uint8Array(readFileSync(out1)));
    expect(userDataChanges(before, once)).toEqual([]);
    const written = balansSheets(once);
    expect(written.size).toBeGreaterThanOrEqual(4);

    // The second run reads the first's result under the original file name (the sheets name the workbook).
    const again = join(folder, "igen");
    mkdirSync(again);
    copyFileSync(out1, join(again, entry.file));
    const out2 = join(again, resultName(entry, 2));
    const second = check(join(again, entry.file), out2);
    expect(second.code).toBe(0);
    const twice = viewPackage(new Uint8Array(readFileSync(out2)));
    expect(userDataChanges(once, twice)).toEqual([]);
    const rewritten = balansSheets(twice);
    expect([...rewritten.keys()]).toEqual([...written.keys()]);
    expect([...written].filter(([name, xml]) => rewritten.get(name) !== xml).map(([name]) => name)).toEqual([]);
  });
});

describe.each(BROKEN_CORPUS.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
  test("exits 2 with a one-line reason, in bounded time and memory, and writes nothing", () => {
    const input = paths.get(entry.name)!;
    const folder = join(input, "..");
    const run = check(input, join(folder, resultName(entry, 1)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^balans: .+\n?$/);
    if (entry.expect.outcome === "refused") expect(run.stderr).toMatch(entry.expect.reason);
    expect(readdirSync(folder)).toEqual([entry.file]);
    expect(existsSync(join(folder, resultName(entry, 1)))).toBe(false);
  });
});

test("entity declarations are not expanded: no file is read through them, no text multiplied", () => {
  const sheet = readXlsx(entityDeclarations()).sheets.find((s) => s.name === "Entiteter")!;
  expect(sheet.rows).toEqual([["&xxe;", "&i;"]]);
});
