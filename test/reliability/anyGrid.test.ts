import fc from "fast-check";
import { parseA1 } from "../../src/core/address";
import { runBalans } from "../../src/core/engine";
import type { CellValue, Finding, PlanCell, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { applyPlanToXlsx, sheetNameProblem } from "../../src/xlsx/writeXlsx";
import { workbookFromGrids } from "./corpus";
import { HOSTILE_SHEET_NAMES, HOSTILE_TEXTS, formulaProblems } from "./support/injection";
import { balansSheets, userDataChanges, viewPackage } from "./support/packageParts";

/**
 * Any grid: random workbooks of random sheet names, headers, number strings and values
 * go through the whole engine (reader, checks, summaries, write plan) and, fewer of
 * them, through the file host and back. The engine never throws or hangs; every finding
 * points at a real sheet and a valid cell; every cell of a sheet it did not read is
 * covered by a finding; the plan it makes is writable and lets nothing in. (That every
 * unusable cell of a sheet it did read gets a finding is the reader's own property test,
 * src/core/read/read.property.test.ts.)
 */

const HEADERS = [
  "Förvaltning", "Ansvar", "KST", "Konto", "Kontonamn", "Kostnadsslag", "Budget", "Budget månad", "Utfall", "Utfall månad",
  "Avvikelse", "Utfall fg år", "Budget ack", "Utfall ack", "Årsbudget", "Prognos", "Kommentar", "Period", "År", "Månad",
  "ID", "Åtgärd", "Planerad effekt", "Startmånad", "Program", "Mål", "Inställning", "Värde", "Konton", "Förvaltning ", "BUDGET", "",
];

const SHEET_NAMES = [
  "Januari 2024", "Februari 2024", "Mars 2024", "2024-04", "mar-24", "Maj", "Huvudbok", "Åtgärder", "Program", "Programmål",
  "Balans inställningar", "Balans avvikelse", "Balans kontroll", "Blad1", "Бюджет", "予算", "📊 Data", ...HOSTILE_SHEET_NAMES,
];

/** Amounts as people type them: Swedish and English separators, signs, brackets, percent, units, junk. */
const numberString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "-", "−", "+", "("),
    fc.integer({ min: 0, max: 99_999_999 }),
    fc.constantFrom("", ",5", ".25", ",", ".", ",000"),
    fc.constantFrom(" ", "\u00a0", ",", ".", "", "'"),
    fc.constantFrom("", ")", " %", "%", " kr", " tkr", "e3", "E+308", "e999", "-"),
  )
  .map(([sign, n, fraction, group, suffix]) => `${sign}${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group)}${fraction}${suffix}`);

const text = fc.oneof(
  fc.constantFrom("Summa", "Totalt", "Delsumma Primärvård", "Specialistvård", "Alla", "2024-03", "6810-6819", "Inhyrd personal", "-", " ", "NaN", "Infinity"),
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ minLength: 200, maxLength: 400 }),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }) },
  { weight: 3, arbitrary: numberString },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }, { error: "#DIV/0!" }, { error: "#VALUE!" }) },
  { weight: 1, arbitrary: fc.integer({ min: 6800, max: 7700 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) },
);

const sheetName: fc.Arbitrary<string> = fc
  .oneof({ weight: 3, arbitrary: fc.constantFrom(...SHEET_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 31 }) })
  .filter((name) => sheetNameProblem(name) === undefined && name.trim() === name && name.length > 0);

const sheetArb = fc.record({
  name: sheetName,
  top: fc.integer({ min: 0, max: 30 }),
  left: fc.integer({ min: 0, max: 6 }),
  headerAt: fc.integer({ min: 0, max: 5 }),
  header: fc.array(fc.constantFrom(...HEADERS), { maxLength: 10 }),
  rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 16 }),
});

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.array(sheetArb, { minLength: 0, maxLength: 6 }).map((sheets) => {
  const seen = new Set<string>();
  const unique = sheets.filter((s) => !seen.has(s.name.toUpperCase()) && seen.add(s.name.toUpperCase()));
  return {
    name: "slump.xlsx",
    date1904: false,
    sheets: unique.map(({ name, top, left, headerAt, header, rows }): SheetSnapshot => {
      const grid: CellValue[][] = rows.map((r) => [...r]);
      grid.splice(Math.min(headerAt, grid.length), 0, header);
      return { name, top, left, rows: grid, visibility: "visible" };
    }),
  };
});

function validAddress(cellRef: string): boolean {
  if (cellRef === "") return true;
  const [from, to = from, ...rest] = cellRef.split(":");
  return rest.length === 0 && parseA1(from) !== null && parseA1(to) !== null;
}

function covers(findings: readonly Finding[], sheet: string, row: number, column: number): boolean {
  return findings.some((f) => {
    if (f.sheet !== sheet || f.cell === "") return false;
    const [from, to = from] = f.cell.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    return !!a && !!b && row >= a.row && row <= b.row && column >= a.column && column <= b.column;
  });
}

const blankish = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Everything wrong with a run's result; empty when nothing is. */
function problemsOf(snapshot: WorkbookSnapshot): { problems: string[]; reports: number } {
  const { analysis, plan } = runBalans(snapshot, { language: "sv", today: { year: 2024, month: 11 } });
  const problems: string[] = [];
  const names = new Set(snapshot.sheets.map((s) => s.name));
  for (const f of analysis.findings) {
    if (f.sheet !== "" && !names.has(f.sheet)) problems.push(`finding ${f.rule} on a sheet that does not exist: ${f.sheet}`);
    if (!validAddress(f.cell)) problems.push(`finding ${f.rule} with an invalid cell ${JSON.stringify(f.cell)}`);
    if (!f.message.sv.trim() || !f.message.en.trim()) problems.push(`finding ${f.rule} without a message in both languages`);
  }
  // Every cell of a sheet the engine did not read is told about.
  for (const name of analysis.model.otherSheets) {
    const sheet = snapshot.sheets.find((s) => s.name === name)!;
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!blankish(value) && !covers(analysis.findings, name, sheet.top + r, sheet.left + c)) problems.push(`${name}!${r},${c} unread without a finding`);
      }),
    );
  }
  // The plan: writable names, nothing of the user's overwritten, finite numbers, formulas that let nothing in.
  const owned = new Set(snapshot.sheets.filter((s) => s.ownerMark?.startsWith("balans:")).map((s) => s.name.toUpperCase()));
  const userNames = new Set(snapshot.sheets.map((s) => s.name.toUpperCase()).filter((n) => !owned.has(n)));
  const planNames = new Set<string>();
  for (const sheet of plan.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) problems.push(`plan sheet name ${sheet.name}: ${problem}`);
    if (userNames.has(sheet.name.toUpperCase())) problems.push(`plan sheet ${sheet.name} takes a user's sheet name`);
    if (planNames.has(sheet.name.toUpperCase())) problems.push(`two plan sheets named ${sheet.name}`);
    planNames.add(sheet.name.toUpperCase());
    for (const block of sheet.blocks) {
      block.cells.forEach((row) =>
        row.forEach((c: PlanCell) => {
          if (c === null) return;
          if ("number" in c && !Number.isFinite(c.number)) problems.push(`${sheet.name}: a number that is not finite`);
          if ("formula" in c) problems.push(...formulaProblems(c.formula).map((p) => `${sheet.name}: ${p}`));
          if ("formula" in c && typeof c.value === "number" && !Number.isFinite(c.value)) problems.push(`${sheet.name}: a cached value that is not finite`);
        }),
      );
    }
  }
  for (const name of plan.remove) if (!owned.has(name.toUpperCase())) problems.push(`plan removes ${name}, which is not Balans's`);
  return { problems, reports: analysis.model.reportSheets.length };
}

describe("the engine on any grid", () => {
  test("never throws, points every finding at a real cell, tells about every unread cell, and plans a writable result", () => {
    let withReports = 0;
    fc.assert(
      fc.property(workbookArb, (snapshot) => {
        const { problems, reports } = problemsOf(snapshot);
        expect(problems).toEqual([]);
        if (reports > 0) withReports++;
      }),
      { numRuns: 400 },
    );
    // The grids are random but not hopeless: many of them hold report sheets the engine reads.
    expect(withReports).toBeGreaterThan(40);
  });
});

describe("the file host on any grid", () => {
  test("writes the result without losing a cell of the user's, and a second run gives the same sheets", () => {
    fc.assert(
      fc.property(workbookArb, (snapshot) => {
        const input = workbookFromGrids(snapshot.sheets.map((s) => ({ name: s.name, rows: padded(s) })));
        const first = readXlsx(input, { name: "slump.xlsx" });
        const result = runBalans(first, { language: "en", today: { year: 2024, month: 11 } });
        // Without a report sheet the hosts write nothing (the command line exits 2, the pane cannot start a run).
        if (result.analysis.model.reportSheets.length === 0) return;
        const output = applyPlanToXlsx(input, result.plan);
        expect(userDataChanges(viewPackage(input), viewPackage(output))).toEqual([]);
        const again = readXlsx(output, { name: "slump.xlsx" });
        expect(again.sheets.filter((s) => !s.ownerMark)).toEqual(first.sheets);
        const second = applyPlanToXlsx(output, runBalans(again, { language: "en", today: { year: 2024, month: 11 } }).plan);
        expect(balansSheets(viewPackage(second))).toEqual(balansSheets(viewPackage(output)));
      }),
      { numRuns: 80 },
    );
  });
});

/** The snapshot's grid placed at its top/left offset, as the sheet holds it. */
function padded(sheet: SheetSnapshot): CellValue[][] {
  const rows: CellValue[][] = Array.from({ length: sheet.top }, () => []);
  for (const row of sheet.rows) rows.push([...new Array<CellValue>(sheet.left).fill(null), ...row]);
  return rows;
}
