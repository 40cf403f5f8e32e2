import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { nodeFiles, type Files } from "../../src/cli/writeResult";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { reportSheets } from "./support/report";

/**
 * A failure half-way through writing leaves the previous result in place and no
 * temporary file behind; writing into the input refuses when the input changed since it
 * was read. The failures are injected through the command line's file operations.
 */

const dir = mkdtempSync(join(tmpdir(), "balans-write-"));
let source: string;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of reportSheets()) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => worksheet.addRow(row.map((v) => (v === null ? undefined : v))));
  }
  source = join(dir, "rapport.xlsx");
  await workbook.xlsx.writeFile(source);
});

function run(args: string[], files: Files = nodeFiles): { code: number; err: string } {
  const err: string[] = [];
  const code = main(args, { out: () => undefined, err: (t) => err.push(t) }, new Date(Date.UTC(2024, 2, 15)), files);
  return { code, err: err.join("\n") };
}

/** A fresh folder holding the report and an earlier result at `result.xlsx`. */
function folderWithEarlierResult(name: string): { folder: string; input: string; result: string; earlier: Buffer } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const input = join(folder, "rapport.xlsx");
  copyFileSync(source, input);
  const result = join(folder, "result.xlsx");
  expect(run(["check", input, "--out", result]).code).toBe(0);
  return { folder, input, result, earlier: readFileSync(result) };
}

const oneLine = (text: string) => expect(text.split("\n")).toHaveLength(1);

describe("a failure while writing the result", () => {
  test("a disk that fills up half-way: the earlier result stays, no temporary file is left, exit 2 with a reason", () => {
    const { folder, input, result, earlier } = folderWithEarlierResult("full-disk");
    const files: Files = {
      ...nodeFiles,
      write: (path, data) => {
        // Half the bytes reach the disk, then it is full.
        writeFileSync(path, data.subarray(0, data.length >> 1));
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    };
    const { code, err } = run(["check", input, "--out", result], files);
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toMatch(/^balans: Kan inte skriva .*result\.xlsx \(ENOSPC\); inget har ändrats\.$/);
    expect(readFileSync(result).equals(earlier)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["rapport.xlsx", "result.xlsx"]);
  });

  test("a rename that fails: the same", () => {
    const { folder, input, result, earlier } = folderWithEarlierResult("rename");
    const files: Files = {
      ...nodeFiles,
      rename: () => {
        throw Object.assign(new Error("EACCES: permission denied, rename"), { code: "EACCES" });
      },
    };
    const { code, err } = run(["check", input, "--out", result, "--lang", "en"], files);
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toMatch(/^balans: Cannot write .*result\.xlsx \(EACCES\); nothing was changed\.$/);
    expect(readFileSync(result).equals(earlier)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["rapport.xlsx", "result.xlsx"]);
  });

  test("in place: the input itself is left as it was", () => {
    const { folder, input } = folderWithEarlierResult("in-place-fails");
    const before = readFileSync(input);
    const files: Files = {
      ...nodeFiles,
      write: () => {
        throw Object.assign(new Error("EROFS"), { code: "EROFS" });
      },
    };
    expect(run(["check", input, "--in-place"], files).code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["rapport.xlsx", "result.xlsx"]);
  });
});

describe("writing into the input (--in-place)", () => {
  test("a workbook saved by someone else while Balans was checking it is not overwritten", () => {
    const { folder, input } = folderWithEarlierResult("changed");
    // Another program saves the workbook just before Balans would replace it.
    const files: Files = {
      ...nodeFiles,
      write: (path, data) => {
        nodeFiles.write(path, data);
        writeFileSync(input, readFileSync(input));
        utimesSync(input, new Date(), new Date(Date.now() + 5000));
      },
    };
    const { code, err } = run(["check", input, "--in-place"], files);
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toMatch(/ändrades medan Balans kontrollerade den; inget har skrivits\. Kör Balans igen\./);
    // What the other program saved is what is there; Balans's sheets are not.
    expect(readXlsx(new Uint8Array(readFileSync(input))).sheets.some((s) => s.ownerMark)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(["rapport.xlsx", "result.xlsx"]);
  });

  test("an unchanged input is written into", () => {
    const { input } = folderWithEarlierResult("unchanged");
    expect(run(["check", input, "--in-place"]).code).toBe(0);
    expect(readXlsx(new Uint8Array(readFileSync(input))).sheets.some((s) => s.ownerMark === "balans:variance")).toBe(true);
  });
});

describe("the result keeps the input's kind", () => {
  test("a workbook without macros is not written to an .xlsm, which Excel would refuse to open", () => {
    const target = join(dir, "fel-typ.xlsm");
    const { code, err } = run(["check", source, "--out", target]);
    expect(code).toBe(2);
    expect(err).toMatch(/\.xlsx/);
    expect(readdirSync(dir)).not.toContain("fel-typ.xlsm");
  });
});
