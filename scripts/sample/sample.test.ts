import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseA1 } from "../../src/core/address";
import { RULES } from "../../src/core/rules";
import { englishAmountText, MINUS, NBSP, swedishAmountText } from "./amountText";
import { MEASURES, PROGRAMME_HIRED, PROGRAMME_SV } from "./catalogue";
import { generateRegion, SAMPLE_OPTIONS, type SampleSheet, type SampleValue, type SampleWorkbook } from "./generate";
import { DEFAULT_OUT, parseArgs, plantedJsonOf, plantedPath } from "./main";
import { writeWorkbook } from "./writeWorkbook";

jest.setTimeout(180_000);

type Grid = SampleValue[][];

/** Rows as arrays from column A, trailing empty cells dropped, so two sources compare equal. */
function trimmed(values: readonly SampleValue[]): SampleValue[] {
  const out = values.map((v) => (v === undefined ? null : v));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

function gridOf(sheet: SampleSheet): Grid {
  return Array.from(sheet.rows, (row) => trimmed(row.values));
}

function sheetNamed(book: SampleWorkbook, name: string): SampleSheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function fromExcel(value: ExcelJS.CellValue): SampleValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "object" && "error" in value) return { error: value.error };
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

function gridOfWorksheet(worksheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const values: SampleValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(fromExcel(row.getCell(c).value));
    grid.push(trimmed(values));
  }
  return grid;
}

async function readXlsx(path: string): Promise<Map<string, Grid>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return new Map(workbook.worksheets.map((w) => [w.name, gridOfWorksheet(w)]));
}

function at(grid: Grid, cell: string): SampleValue {
  const place = parseA1(cell);
  if (!place) throw new Error(`bad address ${cell}`);
  return grid[place.row]?.[place.column] ?? null;
}

/** A reading of the planted text forms of our own, independent of the engine's reader. */
function textToNumber(text: string): number {
  let t = text.replace(/[ \u00a0]/g, "").replace(MINUS, "-");
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  t = /^-?[\d,]+\.\d$/.test(t) ? t.replace(/,/g, "") : t.replace(",", ".");
  const n = Number(t);
  if (Number.isNaN(n)) throw new Error(`not a number: ${text}`);
  return sign * n;
}

const AMOUNT_COLUMNS = { budget: 6, actual: 7, variance: 8, first: 6, last: 14 };
const isTotals = (row: readonly SampleValue[]) => typeof row[0] === "string" && /^(Summa|Totalt) /.test(row[0]);
const isDetail = (row: readonly SampleValue[], index: number) => index >= 4 && row.length > 0 && !isTotals(row);
const numberIn = (value: SampleValue): number | null =>
  typeof value === "number" ? value : typeof value === "string" ? textToNumber(value) : null;
const close = (a: number, b: number) => Math.abs(a - b) < 0.05;
const isMonthSheet = (name: string) => / 2024$/.test(name);

describe("the sample generator", () => {
  let book: SampleWorkbook;
  let dir: string;
  let written: Map<string, Grid>;

  beforeAll(async () => {
    book = generateRegion(SAMPLE_OPTIONS);
    dir = mkdtempSync(join(tmpdir(), "balans-sample-"));
    await writeWorkbook(book, join(dir, "sample.xlsx"));
    written = await readXlsx(join(dir, "sample.xlsx"));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is deterministic: the same seed gives the same cells, another seed other amounts", () => {
    const again = generateRegion(SAMPLE_OPTIONS);
    expect(again.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
    book.sheets.forEach((sheet, i) => expect(gridOf(again.sheets[i])).toEqual(gridOf(sheet)));
    expect(again.planted).toEqual(book.planted);

    const other = generateRegion({ ...SAMPLE_OPTIONS, seed: SAMPLE_OPTIONS.seed + 1 });
    expect(gridOf(sheetNamed(other, "Mars 2024"))).not.toEqual(gridOf(sheetNamed(book, "Mars 2024")));
  });

  it("writes what it generated: every cell of the .xlsx equals the description", () => {
    expect([...written.keys()]).toEqual(book.sheets.map((s) => s.name));
    for (const sheet of book.sheets) expect(written.get(sheet.name)).toEqual(gridOf(sheet));
  });

  it("has nine month sheets January–October without June, and the other sheets", () => {
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Läs mig",
      "Januari 2024",
      "Februari 2024",
      "Mars 2024",
      "April 2024",
      "Maj 2024",
      "Juli 2024",
      "Augusti 2024",
      "September 2024",
      "Oktober 2024",
      "Åtgärder",
      "Program",
      "Balans inställningar",
    ]);
    const march = gridOf(sheetNamed(book, "Mars 2024"));
    expect(march[0]).toEqual(["Region Mittland – Månadsrapport mars 2024"]);
    expect(march[1]).toEqual(["Belopp i tkr. Kostnader positiva, intäkter negativa."]);
    expect(march[2]).toEqual([]);
    expect(march[3]).toEqual([
      "Förvaltning",
      "Ansvar",
      "Ansvarsnamn",
      "Konto",
      "Kontonamn",
      "Kostnadsslag",
      "Budget månad",
      "Utfall månad",
      "Avvikelse",
      "Utfall fg år",
      "Budget ack",
      "Utfall ack",
      "Utfall ack fg år",
      "Årsbudget",
      "Helårsprognos",
      "Kommentar",
    ]);
  });

  describe("each planted problem is at its stated cell", () => {
    const planted = (rule: string) => book.planted.filter((p) => p.rule === rule);
    const grid = (sheet: string) => {
      const g = written.get(sheet);
      if (!g) throw new Error(`sheet ${sheet} not written`);
      return g;
    };

    it("lists the seven kinds", () => {
      expect(new Set(book.planted.map((p) => p.rule))).toEqual(
        new Set([
          RULES.textNumber.code,
          RULES.errorValue.code,
          RULES.totalMismatch.code,
          RULES.duplicateRow.code,
          RULES.monthMissing.code,
          RULES.measureUnknownDivision.code,
          RULES.programmeSum.code,
        ]),
      );
    });

    it("text numbers in Mars 2024, Utfall månad, in five written forms that mean the row's amount", () => {
      const texts = planted(RULES.textNumber.code);
      expect(texts).toHaveLength(5);
      const values = texts.map((p) => {
        expect(p.sheet).toBe("Mars 2024");
        expect(p.cell).toMatch(/^H\d+$/);
        const value = at(grid(p.sheet), p.cell);
        expect(typeof value).toBe("string");
        return value as string;
      });
      expect(values.some((v) => v.includes(" ") && /,\d$/.test(v))).toBe(true);
      expect(values.some((v) => v.includes(NBSP))).toBe(true);
      expect(values.some((v) => v.startsWith(MINUS))).toBe(true);
      expect(values.some((v) => /^\(.*\)$/.test(v))).toBe(true);
      expect(values.some((v) => /^\d{1,3}(,\d{3})+\.\d$/.test(v))).toBe(true);
      // Each text means the number the row should have: actual − budget = the row's variance.
      for (const p of texts) {
        const row = grid(p.sheet)[parseA1(p.cell)!.row];
        const budget = row[AMOUNT_COLUMNS.budget] as number;
        expect(close(textToNumber(at(grid(p.sheet), p.cell) as string) - budget, row[AMOUNT_COLUMNS.variance] as number)).toBe(true);
      }
      // The negative forms sit on income rows.
      for (const p of texts.filter((t) => /^[(\u2212]/.test(at(grid(t.sheet), t.cell) as string))) {
        expect(grid(p.sheet)[parseA1(p.cell)!.row][5]).toBe("Intäkter");
      }
    });

    it("a real #REF! error in Augusti 2024, Budget månad", () => {
      const [p] = planted(RULES.errorValue.code);
      expect(p.sheet).toBe("Augusti 2024");
      expect(p.cell).toMatch(/^G\d+$/);
      expect(at(grid(p.sheet), p.cell)).toEqual({ error: "#REF!" });
    });

    it("Summa Primärvård in Maj 2024 is 1 000 off its detail rows", () => {
      const [p] = planted(RULES.totalMismatch.code);
      expect(p.sheet).toBe("Maj 2024");
      const g = grid(p.sheet);
      const { row, column } = parseA1(p.cell)!;
      expect(g[row][0]).toBe("Summa Primärvård");
      expect(column).toBe(AMOUNT_COLUMNS.actual);
      let start = row - 1;
      while (!isTotals(g[start - 1])) start--;
      const details = g.slice(start, row).reduce((s, r) => s + (numberIn(r[column]) ?? 0), 0);
      expect(close((g[row][column] as number) - details, 1000)).toBe(true);
    });

    it("a row in September 2024 copied directly below itself, reported at the copy's Konto", () => {
      const [p] = planted(RULES.duplicateRow.code);
      expect(p.sheet).toBe("September 2024");
      expect(p.cell).toMatch(/^D\d+$/);
      const g = grid(p.sheet);
      const { row } = parseA1(p.cell)!;
      expect(g[row]).toEqual(g[row - 1]);
      expect(typeof g[row][3]).toBe("number");
      expect(g[row + 1]).not.toEqual(g[row]);
    });

    it("June is missing, reported on Juli 2024 A1, and the year-to-date columns still include June", () => {
      const [p] = planted(RULES.monthMissing.code);
      expect(p).toMatchObject({ sheet: "Juli 2024", cell: "A1" });
      expect(written.has("Juni 2024")).toBe(false);
      const may = grid("Maj 2024");
      const july = grid("Juli 2024");
      let withJune = 0;
      let rows = 0;
      for (let r = 4; r < july.length; r++) {
        if (!isDetail(july[r], r) || may[r]?.[3] !== july[r][3] || may[r]?.[1] !== july[r][1]) continue;
        rows++;
        const june = (july[r][11] as number) - (may[r][11] as number) - (july[r][7] as number);
        if (Math.abs(june) > 0.05) withJune++;
      }
      expect(rows).toBeGreaterThan(700);
      expect(withJune / rows).toBeGreaterThan(0.95);
    });

    it("HAB-01 is on a division no report has", () => {
      const [p] = planted(RULES.measureUnknownDivision.code);
      expect(p.sheet).toBe("Åtgärder");
      const g = grid(p.sheet);
      expect(at(g, p.cell)).toBe("Habilitering");
      expect(g[parseA1(p.cell)!.row][0]).toBe("HAB-01");
      const divisions = new Set<SampleValue>();
      for (const [name, sheet] of written) if (isMonthSheet(name)) sheet.forEach((r, i) => isDetail(r, i) && r[0] && divisions.add(r[0]));
      expect([...divisions].sort()).toEqual(["Primärvård", "Psykiatri", "Specialistvård"]);
    });

    it("the measures of Oberoende av hyrpersonal add up to 34 000, not its target 40 000", () => {
      const [p] = planted(RULES.programmeSum.code);
      expect(p.sheet).toBe("Program");
      const program = grid("Program");
      expect(at(program, p.cell)).toBe(40_000);
      expect(program[parseA1(p.cell)!.row][0]).toBe(PROGRAMME_HIRED);
      const measures = grid("Åtgärder").slice(3);
      const sum = (programme: string) => measures.filter((r) => r[3] === programme).reduce((s, r) => s + (r[5] as number), 0);
      expect(sum(PROGRAMME_HIRED)).toBe(34_000);
      expect(sum(PROGRAMME_SV)).toBe(350_000);
      expect(program.find((r) => r[0] === PROGRAMME_SV)?.[1]).toBe(350_000);
    });

    it("keeps row-level problems off the rows a measure works on", () => {
      const rowLevel = [RULES.textNumber.code, RULES.errorValue.code, RULES.duplicateRow.code];
      for (const p of book.planted.filter((x) => rowLevel.includes(x.rule))) {
        const g = grid(p.sheet);
        let r = parseA1(p.cell)!.row;
        const account = g[r][3] as number;
        while (g[r][0] === null || g[r][0] === undefined) r--;
        const touching = MEASURES.filter((m) => m.division === g[r][0] && m.accounts.includes(account));
        expect([p.cell, touching.map((m) => m.id)]).toEqual([p.cell, []]);
      }
    });

    it("large variances left without a comment are empty and above both thresholds", () => {
      expect(book.commentsLeftOut.length).toBeGreaterThanOrEqual(3);
      for (const p of book.commentsLeftOut) {
        expect(p.rule).toBe(RULES.commentMissing.code);
        expect(p.cell).toMatch(/^P\d+$/);
        const row = grid(p.sheet)[parseA1(p.cell)!.row];
        const variance = row[AMOUNT_COLUMNS.variance] as number;
        expect(row[15] ?? null).toBeNull();
        expect(Math.abs(variance)).toBeGreaterThan(500);
        expect(Math.abs(variance)).toBeGreaterThan(0.1 * Math.abs(row[AMOUNT_COLUMNS.budget] as number));
      }
    });
  });

  describe("apart from the planted problems the report sheets are clean", () => {
    const plantedCells = () => new Set(book.planted.map((p) => `${p.sheet}!${p.cell}`));
    const monthSheets = () => [...written].filter(([name]) => isMonthSheet(name));

    it("amount cells are numbers except the planted text numbers and error", () => {
      const expected = plantedCells();
      const odd: string[] = [];
      for (const [name, g] of monthSheets()) {
        g.forEach((row, r) => {
          if (r < 4) return;
          for (let c = AMOUNT_COLUMNS.first; c <= AMOUNT_COLUMNS.last; c++) {
            if (typeof row[c] !== "number") odd.push(`${name}!${String.fromCharCode(65 + c)}${r + 1}`);
          }
        });
      }
      expect(odd.length).toBeGreaterThan(0);
      for (const cell of odd) expect(expected).toContain(cell);
    });

    it("every totals row adds up, but the planted one and where the error hides a budget", () => {
      const expected = plantedCells();
      const errorSheet = book.planted.find((p) => p.rule === RULES.errorValue.code)!.sheet;
      let checked = 0;
      for (const [name, g] of monthSheets()) {
        const region = new Array<number>(AMOUNT_COLUMNS.last + 1).fill(0);
        let division = new Array<number>(AMOUNT_COLUMNS.last + 1).fill(0);
        g.forEach((row, r) => {
          if (isDetail(row, r)) {
            for (let c = AMOUNT_COLUMNS.first; c <= AMOUNT_COLUMNS.last; c++) division[c] += numberIn(row[c]) ?? 0;
            return;
          }
          if (!isTotals(row)) return;
          const sums = (row[0] as string).startsWith("Totalt") ? region : division;
          for (let c = AMOUNT_COLUMNS.first; c <= AMOUNT_COLUMNS.last; c++) {
            const cell = `${name}!${String.fromCharCode(65 + c)}${r + 1}`;
            const hidden = name === errorSheet && c === AMOUNT_COLUMNS.budget;
            if (expected.has(cell) || hidden) {
              if (expected.has(cell)) expect(close(row[c] as number, sums[c])).toBe(false);
              continue;
            }
            expect([cell, close(row[c] as number, sums[c])]).toEqual([cell, true]);
            checked++;
          }
          if (sums === division) {
            division.forEach((v, c) => (region[c] += v));
            division = new Array<number>(AMOUNT_COLUMNS.last + 1).fill(0);
          }
        });
      }
      expect(checked).toBeGreaterThan(9 * 3 * 8);
    });

    it("variance is actual − budget, and year to date adds up month by month", () => {
      const sheets = monthSheets();
      for (const [name, g] of sheets) {
        g.forEach((row, r) => {
          if (!isDetail(row, r) || typeof row[AMOUNT_COLUMNS.budget] !== "number") return;
          const actual = numberIn(row[AMOUNT_COLUMNS.actual]) as number;
          expect([name, r + 1, close(actual - (row[AMOUNT_COLUMNS.budget] as number), row[AMOUNT_COLUMNS.variance] as number)]).toEqual([name, r + 1, true]);
        });
      }
      const jan = written.get("Januari 2024")!;
      const feb = written.get("Februari 2024")!;
      for (let r = 4; r < jan.length; r++) {
        if (!isDetail(jan[r], r)) continue;
        expect(close(jan[r][11] as number, jan[r][7] as number)).toBe(true);
        expect(close(feb[r][11] as number, (jan[r][11] as number) + (feb[r][7] as number))).toBe(true);
        expect(close(feb[r][10] as number, (jan[r][10] as number) + (feb[r][6] as number))).toBe(true);
        expect(close(feb[r][12] as number, (jan[r][12] as number) + (feb[r][9] as number))).toBe(true);
      }
    });

    it("most large variances have a comment", () => {
      let large = 0;
      let commented = 0;
      for (const [, g] of monthSheets()) {
        g.forEach((row, r) => {
          if (!isDetail(row, r) || typeof row[AMOUNT_COLUMNS.budget] !== "number") return;
          const variance = row[AMOUNT_COLUMNS.variance] as number;
          if (Math.abs(variance) > 500 && Math.abs(variance) > 0.1 * Math.abs(row[AMOUNT_COLUMNS.budget] as number)) {
            large++;
            if (typeof row[15] === "string" && row[15] !== "") commented++;
          }
        });
      }
      expect(large).toBeGreaterThanOrEqual(15);
      expect(large - commented).toBe(book.commentsLeftOut.length);
    });
  });

  describe("magnitudes follow the domain notes", () => {
    interface Sums {
      cost: number;
      income: number;
      own: number;
      hired: number;
      forecastCost: number;
      centres: Map<SampleValue, number>;
    }
    const byDivision = (): Map<string, Sums> => {
      const g = gridOf(sheetNamed(book, "Oktober 2024"));
      const out = new Map<string, Sums>();
      let division = "";
      g.forEach((row, r) => {
        if (!isDetail(row, r)) return;
        if (typeof row[0] === "string") division = row[0];
        const s = out.get(division) ?? { cost: 0, income: 0, own: 0, hired: 0, forecastCost: 0, centres: new Map() };
        out.set(division, s);
        const account = row[3] as number;
        const ytd = row[11] as number;
        if (account < 4000) s.income += ytd;
        else {
          s.cost += ytd;
          s.forecastCost += row[14] as number;
        }
        if (account >= 7000 && account <= 7699) s.own += ytd;
        if (account >= 6800 && account <= 6899) s.hired += ytd;
        s.centres.set(row[1], (s.centres.get(row[1]) ?? 0) + 1);
      });
      return out;
    };

    it("annual costs, own staff, income and cost centres per division", () => {
      const sums = byDivision();
      const expected: [string, number, number][] = [
        ["Specialistvård", 6_000_000, 20],
        ["Primärvård", 1_500_000, 12],
        ["Psykiatri", 900_000, 8],
      ];
      for (const [name, annual, centres] of expected) {
        const s = sums.get(name)!;
        expect(s.forecastCost).toBeGreaterThan(annual * 0.9);
        expect(s.forecastCost).toBeLessThan(annual * 1.1);
        expect(s.own / s.cost).toBeGreaterThanOrEqual(0.55);
        expect(s.own / s.cost).toBeLessThanOrEqual(0.61);
        expect(-s.income / s.cost).toBeGreaterThanOrEqual(0.05);
        expect(-s.income / s.cost).toBeLessThanOrEqual(0.1);
        expect(s.centres.size).toBe(centres);
        for (const rows of s.centres.values()) {
          expect(rows).toBeGreaterThanOrEqual(18);
          expect(rows).toBeLessThanOrEqual(26);
        }
      }
    });

    it("hired staff as a share of own staff costs: specialist care 3–4 %, primary care 7–9 %, psychiatry about 5 %", () => {
      const sums = byDivision();
      const share = (name: string) => sums.get(name)!.hired / sums.get(name)!.own;
      expect(share("Specialistvård")).toBeGreaterThanOrEqual(0.03);
      expect(share("Specialistvård")).toBeLessThanOrEqual(0.04);
      expect(share("Primärvård")).toBeGreaterThanOrEqual(0.07);
      expect(share("Primärvård")).toBeLessThanOrEqual(0.09);
      expect(share("Psykiatri")).toBeGreaterThanOrEqual(0.045);
      expect(share("Psykiatri")).toBeLessThanOrEqual(0.055);
      const hiredPerYear = [...sums.values()].reduce((s, d) => s + d.hired, 0) * (12 / 10);
      expect(hiredPerYear).toBeGreaterThan(150_000);
      expect(hiredPerYear).toBeLessThan(400_000);
    });

    it("uses at least 25 accounts, sorted by cost centre then account", () => {
      const g = gridOf(sheetNamed(book, "Mars 2024"));
      const accounts = new Set<SampleValue>();
      let previous: [number, number] = [0, 0];
      g.forEach((row, r) => {
        if (!isDetail(row, r)) return;
        accounts.add(row[3]);
        const current: [number, number] = [row[1] as number, row[3] as number];
        expect(current[0] > previous[0] || (current[0] === previous[0] && current[1] > previous[1])).toBe(true);
        previous = current;
      });
      expect(accounts.size).toBeGreaterThanOrEqual(25);
    });

    it("realises measures on their rows: hired doctors in specialist care fall against last year", () => {
      const g = gridOf(sheetNamed(book, "Oktober 2024"));
      let division = "";
      let actual = 0;
      let prior = 0;
      g.forEach((row, r) => {
        if (!isDetail(row, r)) return;
        if (typeof row[0] === "string") division = row[0];
        if (division === "Specialistvård" && row[3] === 6810) {
          actual += row[11] as number;
          prior += row[12] as number;
        }
      });
      const sv01 = MEASURES.find((m) => m.id === "SV-01")!;
      // Planned Feb–Oct × achievement, give or take the 1 % growth.
      const expected = (sv01.plannedAnnual / 12) * 9 * (sv01.achievement ?? 0);
      expect(prior - actual).toBeGreaterThan(expected * 0.9);
      expect(prior - actual).toBeLessThan(expected * 1.1);
    });
  });

  it("the committed samples/region-mittland-2024.xlsx and its planted list match a fresh generation", async () => {
    const stale = "is out of date with scripts/sample: run `npm run sample` and commit samples/";
    // The committed file lives at the repository root's samples/, whatever jest's working directory.
    const path = join(__dirname, "..", "..", DEFAULT_OUT);
    if (!existsSync(path)) throw new Error(`${DEFAULT_OUT} is missing: run \`npm run sample\``);
    const committed = await readXlsx(path);
    const names = [...committed.keys()];
    if (names.join("|") !== book.sheets.map((s) => s.name).join("|")) throw new Error(`${DEFAULT_OUT} ${stale} (sheets differ)`);
    for (const sheet of book.sheets) {
      const fresh = gridOf(sheet);
      const old = committed.get(sheet.name)!;
      const r = fresh.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(old[i]));
      if (r >= 0 || old.length !== fresh.length) {
        throw new Error(`${DEFAULT_OUT} ${stale} (sheet ${sheet.name}, row ${r >= 0 ? r + 1 : fresh.length + 1})`);
      }
    }
    const json = readFileSync(plantedPath(path), "utf8");
    if (json !== plantedJsonOf(book, DEFAULT_OUT)) throw new Error(`${plantedPath(DEFAULT_OUT)} ${stale}`);
  });
});

describe("other shapes and sizes", () => {
  it("a 12 × 5 000-row workbook is written and has about 5 000 detail rows per month sheet", async () => {
    const book = generateRegion({ seed: 7, rowsPerMonth: 5_000, months: 12, plantProblems: false });
    expect(book.planted).toEqual([]);
    expect(book.commentsLeftOut).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "balans-sample-5k-"));
    try {
      const path = join(dir, "region-5k.xlsx");
      await writeWorkbook(book, path);
      // Read back with the streaming reader, as the benchmarks will.
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache" });
      const details = new Map<string, number>();
      for await (const worksheet of reader) {
        const name = (worksheet as unknown as { name: string }).name;
        if (!isMonthSheet(name)) continue;
        let count = 0;
        for await (const row of worksheet) {
          const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => fromExcel(v ?? null));
          if (row.number > 4 && !isTotals(values)) count++;
        }
        details.set(name, count);
      }
      expect(details.size).toBe(12);
      expect(details.has("Juni 2024")).toBe(true);
      for (const count of details.values()) {
        expect(count).toBeGreaterThan(4_750);
        expect(count).toBeLessThan(5_250);
      }
      expect(new Set(details.values()).size).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("scaled cost centres get numbered names and distinct codes", () => {
    const book = generateRegion({ seed: 3, rowsPerMonth: 3_000, months: 1, plantProblems: false });
    const g = gridOf(sheetNamed(book, "Januari 2024"));
    const names = new Map<SampleValue, SampleValue>();
    g.forEach((row, r) => isDetail(row, r) && names.set(row[1], row[2]));
    expect([...names.values()]).toContain("Kirurgi 2");
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it("the ledger shape is one sheet with a Period column, no totals rows, and its planted cells", () => {
    const book = generateRegion({ seed: 2024, plantProblems: true, shape: "ledger" });
    const reports = book.sheets.filter((s) => isMonthSheet(s.name) || s.name.startsWith("Huvudbok"));
    expect(reports.map((s) => s.name)).toEqual(["Huvudbok 2024"]);
    const g = gridOf(reports[0]);
    expect(g[3].slice(0, 3)).toEqual(["Period", "Förvaltning", "Ansvar"]);
    const periods = new Set(g.slice(4).map((r) => r[0]));
    expect([...periods]).toEqual(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"]);
    expect(g.slice(4).some((r) => typeof r[0] === "string" && /^(Summa|Totalt)/.test(r[0]))).toBe(false);
    expect(g.slice(4).every((r) => typeof r[1] === "string" && r[1] !== "")).toBe(true);
    const rules = book.planted.map((p) => p.rule);
    expect(rules).not.toContain(RULES.totalMismatch.code);
    expect(rules).not.toContain(RULES.monthMissing.code);
    for (const p of book.planted.filter((x) => x.sheet === "Huvudbok 2024")) {
      const value = at(g, p.cell);
      const { row } = parseA1(p.cell)!;
      if (p.rule === RULES.textNumber.code) {
        expect(typeof value).toBe("string");
        expect(g[row][0]).toBe("2024-03");
      }
      if (p.rule === RULES.errorValue.code) expect(value).toEqual({ error: "#REF!" });
      if (p.rule === RULES.duplicateRow.code) expect(g[row]).toEqual(g[row - 1]);
    }
    expect(book.planted.filter((p) => p.sheet === "Huvudbok 2024")).toHaveLength(7);
  });

  it("fewer months plant only what fits, and reject months outside 1–12", () => {
    const book = generateRegion({ seed: 2024, plantProblems: true, months: 4 });
    expect(book.sheets.filter((s) => isMonthSheet(s.name)).map((s) => s.name)).toEqual([
      "Januari 2024",
      "Februari 2024",
      "Mars 2024",
      "April 2024",
    ]);
    expect(book.planted.map((p) => p.rule).sort()).toEqual(
      [RULES.measureUnknownDivision.code, RULES.programmeSum.code, ...Array(5).fill(RULES.textNumber.code)].sort(),
    );
    expect(() => generateRegion({ seed: 1, plantProblems: false, months: 13 })).toThrow(RangeError);
    expect(() => generateRegion({ seed: 1, plantProblems: false, months: 0 })).toThrow(RangeError);
  });
});

describe("amount text forms", () => {
  it.each([
    [12_345, { thousands: " ", decimals: 1, negative: "hyphen" } as const, "1 234,5"],
    [123_450, { thousands: NBSP, decimals: 1, negative: "hyphen" } as const, `12${NBSP}345,0`],
    [-25_000, { thousands: " ", decimals: 0, negative: "minus" } as const, `${MINUS}2 500`],
    [-12_340, { thousands: " ", decimals: 0, negative: "parentheses" } as const, "(1 234)"],
    [-5, { thousands: " ", decimals: 1, negative: "hyphen" } as const, "-0,5"],
    [12_345_678, { thousands: " ", decimals: 1, negative: "hyphen" } as const, "1 234 567,8"],
  ])("%d tenths → %j", (tenths, style, text) => {
    expect(swedishAmountText(tenths, style)).toBe(text);
    expect(textToNumber(text)).toBeCloseTo(tenths / 10, 6);
  });

  it("writes the English form and refuses to drop a decimal", () => {
    expect(englishAmountText(12_345)).toBe("1,234.5");
    expect(englishAmountText(-1_234_567)).toBe("-123,456.7");
    expect(() => swedishAmountText(12_345, { thousands: " ", decimals: 0, negative: "minus" })).toThrow();
  });
});

describe("the command line", () => {
  it("defaults to the committed sample and reads the benchmark flags", () => {
    expect(parseArgs([])).toEqual({ options: { ...SAMPLE_OPTIONS, rowsPerMonth: undefined, months: undefined, shape: "month" }, out: DEFAULT_OUT });
    expect(parseArgs(["--rows", "50000", "--months", "12", "--no-problems", "--shape", "ledger", "--out", "bench/out/x.xlsx"])).toEqual({
      options: { seed: SAMPLE_OPTIONS.seed, rowsPerMonth: 50_000, months: 12, plantProblems: false, shape: "ledger" },
      out: "bench/out/x.xlsx",
    });
    expect(plantedPath("bench/out/x.xlsx")).toBe("bench/out/x.planted.json");
    expect(() => parseArgs(["--rows", "many"])).toThrow(/--rows/);
    expect(() => parseArgs(["--shape", "cube"])).toThrow(/--shape/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/Unknown argument/);
  });
});
