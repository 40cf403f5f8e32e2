import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { readXlsx } from "../src/xlsx/readXlsx";

const SAMPLE = join(__dirname, "..", "samples", "region-mittland-2024.xlsx");

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, new Date(Date.UTC(2026, 10, 22)));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("balans check", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-cli-"));

  test("--json prints the report with the agreed fields and exits 0", () => {
    const { code, out, err } = run(["check", SAMPLE, "--json"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["workbook", "unit", "months", "findings", "variance", "measures", "hiredStaff"]));
    expect(report.findings[0]).toEqual({ severity: "error", rule: expect.any(String), sheet: expect.any(String), cell: expect.any(String), message: { sv: expect.any(String), en: expect.any(String) } });
    expect(report.variance.length).toBeGreaterThan(0);
  });

  test("without --json it prints a short summary in the chosen language", () => {
    expect(run(["check", SAMPLE, "--lang", "en"]).out).toMatch(/^region-mittland-2024\.xlsx: reports through 2024-10 \(tkr\)\nFindings: \d+ errors/);
    expect(run(["check", SAMPLE]).out).toMatch(/Iakttagelser: \d+ fel/);
  });

  test("--out writes the result and leaves the input as it was", () => {
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const out = join(dir, "out", "result.xlsx");
    const { code, out: text } = run(["check", input, "--out", out]);
    expect(code).toBe(0);
    expect(text).toContain(out);
    expect(readFileSync(input).equals(before)).toBe(true);
    const result = readXlsx(new Uint8Array(readFileSync(out)));
    expect(result.sheets.filter((s) => s.ownerMark?.startsWith("balans:")).map((s) => s.name)).toEqual([
      "Balans avvikelse",
      "Balans avvikelse ansvar",
      "Balans åtgärder",
      "Balans hyrpersonal",
      "Balans kontroll",
      "Balans nycklar",
    ]);
    // No temporary file is left beside the result.
    expect(readdirSync(join(dir, "out"))).toEqual(["result.xlsx"]);
  });

  test("--out never overwrites the input; --in-place does", () => {
    const input = join(dir, "same.xlsx");
    copyFileSync(SAMPLE, input);
    const refused = run(["check", input, "--out", input]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--in-place/);
    expect(readFileSync(input).equals(readFileSync(SAMPLE))).toBe(true);
    const inPlace = run(["check", input, "--in-place"]);
    expect(inPlace.code).toBe(0);
    expect(statSync(input).size).toBeGreaterThan(statSync(SAMPLE).size);
    expect(readXlsx(new Uint8Array(readFileSync(input))).sheets.some((s) => s.ownerMark === "balans:variance")).toBe(true);
  });

  test.each([
    ["a missing file", () => join(dir, "missing.xlsx"), /Kan inte läsa/],
    ["a file that is not a workbook", () => { const p = join(dir, "text.xlsx"); writeFileSync(p, "hello"); return p; }, /inte en Excel-arbetsbok/],
    ["an empty file", () => { const p = join(dir, "empty.xlsx"); writeFileSync(p, ""); return p; }, /inte en Excel-arbetsbok/],
    ["a folder", () => dir, /mapp/],
  ])("%s exits 2 with a one-line reason and no stack trace", (_what, path, reason) => {
    const { code, err, out } = run(["check", path()]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toMatch(reason);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test("a workbook without report sheets exits 2 and writes nothing", async () => {
    const input = join(dir, "no-reports.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRow(["Inköpslista", "mjölk"]);
    await workbook.xlsx.writeFile(input);
    const out = join(dir, "none.xlsx");
    const { code, err } = run(["check", input, "--out", out]);
    expect(code).toBe(2);
    expect(err).toMatch(/månadsrapporter/);
    expect(existsSync(out)).toBe(false);
  });

  test.each([[["check"]], [["frobnicate", SAMPLE]], [["check", SAMPLE, "--lang", "de"]], [["check", SAMPLE, "--out"]], [["check", SAMPLE, "--bogus"]], [["check", SAMPLE, "--out", "x.xlsx", "--in-place"]]])(
    "bad arguments %j exit 2",
    (args) => {
      const { code, err } = run(args);
      expect(code).toBe(2);
      expect(err).toMatch(/^balans: /);
    },
  );
});
