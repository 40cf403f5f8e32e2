import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CellValue } from "../../src/core/types";
import { createFakeExcel } from "../../src/excel/fake/fakeExcel";
import { createOfficeActions } from "../../src/taskpane/officeActions";
import { createRunLock } from "../../src/taskpane/runLock";
import { parseContentTypes } from "../../src/xlsx/opc";
import { decodeEntities } from "../../src/xlsx/xml";
import { HOSTILE_SHEET_NAMES, HOSTILE_TEXTS, formulaProblems, isHostile } from "./support/injection";
import { allRelationships, balansSheets, viewPackage } from "./support/packageParts";
import { PROGRAMME_ROWS } from "./support/report";

/**
 * Nothing let in: cell text, sheet names, measure ids, divisions and comments that look
 * like formulas, DDE commands or links out are written back as text, in the file and
 * through the Office adapter; no formula Balans writes carries them outside a string
 * literal, and no link out of the workbook appears.
 */

const H = HOSTILE_TEXTS;
const at = (i: number) => H[i % H.length];

/** Month rows where every division, account name and comment is hostile. */
function hostileMonth(month: number): CellValue[][] {
  return [
    ["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Budget", "Utfall", "Utfall fg år", "Kommentar"],
    ...H.map((_, i) => [at(i), String(1000 + i), 7010 + i, at(i + 3), 100 * month + i, 120 * month + i, 90 * month, at(i + 5)] as CellValue[]),
    [at(0), "2000", 6810, "Inhyrda läkare", 50 * month, 80 * month, 40 * month, at(7)],
  ];
}

function hostileMeasures(): CellValue[][] {
  return [
    ["ID", "Åtgärd", "Förvaltning", "Program", "Konton", "Planerad effekt helår", "Startmånad", "Kommentar"],
    ...H.map((_, i) => [at(i), at(i + 1), at(i), i % 2 ? "Bemanning" : at(i + 2), "6810", 120, 1, at(i + 4)] as CellValue[]),
  ];
}

const SHEETS: { name: string; rows: CellValue[][] }[] = [
  { name: "Januari 2024", rows: hostileMonth(1) },
  { name: "Februari 2024", rows: hostileMonth(2) },
  { name: "Åtgärder", rows: hostileMeasures() },
  { name: "Program", rows: PROGRAMME_ROWS },
  ...HOSTILE_SHEET_NAMES.map((name, i) => ({ name, rows: [[at(i)], [at(i + 1)]] as CellValue[][] })),
];

describe("in the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-injection-"));
  const input = join(dir, "fientlig.xlsx");
  const output = join(dir, "resultat.xlsx");

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    for (const sheet of SHEETS) {
      const worksheet = workbook.addWorksheet(sheet.name);
      sheet.rows.forEach((row) => worksheet.addRow(row.map((v) => (v === null ? undefined : v))));
    }
    // A note holding a formula, too.
    workbook.getWorksheet("Januari 2024")!.getCell("H2").note = at(1);
    await workbook.xlsx.writeFile(input);
    const err: string[] = [];
    const code = main(["check", input, "--out", output], { out: () => undefined, err: (t) => err.push(t) }, new Date(Date.UTC(2024, 2, 15)));
    expect({ code, err }).toEqual({ code: 0, err: [] });
  });

  /** Every cell of Balans's sheets: its type, formula and text. */
  function cells(): { sheet: string; ref: string; type: string; formula?: string; text?: string }[] {
    const out: { sheet: string; ref: string; type: string; formula?: string; text?: string }[] = [];
    const view = viewPackage(new Uint8Array(readFileSync(output)));
    const shared = [...view.parts].find(([name]) => /sharedStrings\.xml$/i.test(name));
    const strings = shared ? [...new TextDecoder().decode(shared[1]).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeEntities(m[1].replace(/<[^>]+>/g, ""))) : [];
    for (const [sheet, xml] of balansSheets(view)) {
      for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1] ?? "?";
        const type = /\bt="(\w+)"/.exec(m[1])?.[1] ?? "n";
        const body = m[2] ?? "";
        const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
        const inline = /<is>([\s\S]*?)<\/is>/.exec(body);
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const text = inline ? decodeEntities(inline[1].replace(/<[^>]+>/g, "")) : type === "s" && v !== undefined ? strings[Number(v)] : type === "str" && v !== undefined ? decodeEntities(v) : undefined;
        out.push({ sheet, ref, type, ...(f ? { formula: decodeEntities(f[1]) } : {}), ...(text !== undefined ? { text } : {}) });
      }
    }
    return out;
  }

  test("no formula Balans wrote carries hostile text outside a string literal, or links out", () => {
    const formulas = cells().filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.flatMap((c) => formulaProblems(c.formula!).map((p) => `${c.sheet}!${c.ref}: ${p}`))).toEqual([]);
  });

  test("hostile text is written as text cells, and the divisions, measure ids and sheet names do arrive", () => {
    const hostile = cells().filter((c) => c.text !== undefined && isHostile(c.text));
    expect(hostile.filter((c) => c.formula !== undefined || (c.type !== "inlineStr" && c.type !== "s"))).toEqual([]);
    const texts = new Set(hostile.map((c) => c.text));
    for (const division of H) expect({ division, written: texts.has(division.trim()) }).toEqual({ division, written: true });
    for (const name of HOSTILE_SHEET_NAMES) expect({ name, written: texts.has(name) }).toEqual({ name, written: true });
  });

  test("no link out of the workbook, no external link part and no new defined name but Balans's own", () => {
    const before = viewPackage(new Uint8Array(readFileSync(input)));
    const after = viewPackage(new Uint8Array(readFileSync(output)));
    const external = (view: typeof before) => allRelationships(view).filter((r) => r.rel.external).map((r) => `${r.source} → ${r.rel.target}`);
    expect(external(after)).toEqual(external(before));
    const types = (view: typeof before) => [...parseContentTypes(new TextDecoder().decode(view.parts.get("[Content_Types].xml")!)).overrides.values()];
    expect(types(after).filter((t) => /externalLink|connections|queryTable/.test(t))).toEqual([]);
    for (const xml of balansSheets(after).values()) expect(xml).not.toMatch(/<hyperlink\b[^>]*r:id=/);
    const added = after.pkg.definedNames.filter((n) => !before.pkg.definedNames.some((o) => o.name === n.name && o.value === n.value));
    expect(added.filter((n) => n.name !== "BalansOwner" && n.name !== "_xlnm.Print_Area")).toEqual([]);
    expect(added.filter((n) => isHostile(n.value) || /evil|WEBSERVICE|cmd\|/.test(n.value))).toEqual([]);
  });
});

describe("through the Office adapter", () => {
  test("hostile text reaches Balans's sheets as text, never as a formula", async () => {
    const fake = createFakeExcel({ sheets: SHEETS.map((s) => ({ name: s.name, cells: s.rows })) });
    const userSheets = new Set(fake.workbook.sheets.map((s) => s.id));
    await createOfficeActions(fake.run, createRunLock()).run(
      { reportSheets: ["Januari 2024", "Februari 2024"], year: 2024, unit: "tkr", language: "sv" },
      () => undefined,
    );
    const written = fake.workbook.sheets.filter((s) => !userSheets.has(s.id));
    expect(written.map((s) => s.name)).toContain("Balans avvikelse");
    const problems: string[] = [];
    const hostileTexts = new Set<string>();
    let formulas = 0;
    for (const sheet of written) {
      const used = sheet.usedRect();
      if (!used) continue;
      for (let r = used.top; r <= used.bottom; r++) {
        for (let c = used.left; c <= used.right; c++) {
          const cell = sheet.cell(r, c);
          if (cell.kind === "formula") {
            formulas++;
            problems.push(...formulaProblems(cell.formula!).map((p) => `${sheet.name} ${r},${c}: ${p}`));
            if (isHostile(cell.formula!.replace(/^=/, "")) && !/"/.test(cell.formula!)) problems.push(`${sheet.name} ${r},${c}: hostile text became a formula: ${cell.formula}`);
          } else if (typeof cell.value === "string" && isHostile(cell.value)) {
            if (cell.kind !== "text") problems.push(`${sheet.name} ${r},${c}: ${cell.kind}`);
            hostileTexts.add(cell.value);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(20);
    for (const division of H) expect({ division, written: hostileTexts.has(division.trim()) }).toEqual({ division, written: true });
    // And no write went to a sheet of the user's.
    expect(fake.writes.filter((w) => userSheets.has(w.sheetId))).toEqual([]);
  });
});
