import { runBalans } from "../engine";
import { readWorkbook } from "../read/workbook";
import type { CellValue, PlanCell, SheetPlan, SheetSnapshot, WorkbookSnapshot } from "../types";
import { numberLiteral, stringLiteral, sumOfTerms } from "./formula";
import { styleRuns } from "./sheetBuilder";
import { contiguousRuns, SourceSums } from "./sourceSums";

const sheet = (name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name, top: 0, left: 0, rows, visibility: "visible", ...extra });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "t.xlsx", sheets, date1904: false });
const options = { language: "sv" as const, today: { year: 2024, month: 12 } };

function cells(plan: SheetPlan): PlanCell[] {
  return plan.blocks.flatMap((b) => b.cells.flatMap((r) => [...r]));
}
function formulas(plan: SheetPlan): string[] {
  return cells(plan).flatMap((c) => (c && "formula" in c ? [c.formula] : []));
}

describe("formula text", () => {
  test("string literals double their quotes", () => {
    expect(stringLiteral('a "b" c')).toBe('"a ""b"" c"');
  });
  test("numbers never use exponent notation", () => {
    expect(numberLiteral(1e-7)).toBe("0.0000001");
    expect(numberLiteral(1234.5)).toBe("1234.5");
    expect(numberLiteral(1e21)).not.toMatch(/e/i);
  });
  test("signed terms", () => {
    expect(sumOfTerms([])).toBe("0");
    expect(sumOfTerms([{ sign: -1, text: "A" }, { sign: 1, text: "B" }, { sign: -1, text: "C" }])).toBe("-A+B-C");
  });
  test("contiguous runs", () => {
    expect(contiguousRuns([4, 5, 6, 9, 11, 12])).toEqual([[4, 6], [9, 9], [11, 12]]);
  });
});

describe("SourceSums: formulas that sum exactly what the engine sums", () => {
  const report = sheet("Mars 2024", [
    ["Förvaltning", "Ansvar", "Konto", "Budget", "Utfall"],
    ["A", "1", 7010, 10, 11], // row 2
    ["A", "1", 3010, -5, -6], // income
    ["A", "2", 7010, 20, "21,5"], // text number in actual
    ["B", "3", 7010, 30, 31],
    ["A", "4", 7010, { error: "#N/A" }, 41], // error in budget: no key, direct reference for actual
    ["Summa", null, null, 100, 200],
    ["A", "5", 7010, 50, 51],
  ]);
  const model = readWorkbook(book(report), options);
  const sums = new SourceSums(model, "Balans nycklar");
  sums.define("costCentre");
  sums.define("class");

  test("rows that sit together are summed as a range", () => {
    expect(sums.sum("costCentre", "A\u00001", 3, "actual")).toEqual({ formula: "SUM('Mars 2024'!$E$2:$E$3)", value: 5 });
  });

  test("a number stored as text is added as a constant, since SUM skips text", () => {
    expect(sums.sum("costCentre", "A\u00002", 3, "actual")).toEqual({ formula: "SUM('Mars 2024'!$E$4:$E$4)+21.5", value: 21.5 });
  });

  test("a row with an error cell is referenced cell by cell, the error cell left out", () => {
    expect(sums.sum("costCentre", "A\u00004", 3, "actual")).toEqual({ formula: "'Mars 2024'!E6", value: 41 });
    expect(sums.sum("costCentre", "A\u00004", 3, "budget")).toEqual({ formula: "0", value: 0 });
  });

  test("scattered rows use SUMIFS over a numeric helper key; totals rows have no key", () => {
    const ownStaffA = sums.sum("class", "A\u0000ownStaff", 3, "actual");
    expect(ownStaffA.value).toBe(11 + 21.5 + 41 + 51);
    // Rows 2, 4, 8 (row 6 has an error cell and is referenced directly).
    expect(ownStaffA.formula).toBe("'Mars 2024'!E6+SUM('Mars 2024'!$E$2:$E$2,'Mars 2024'!$E$4:$E$4,'Mars 2024'!$E$8:$E$8)+21.5");
    const [keys] = sums.keyColumns();
    expect(keys).toBeUndefined();
  });

  test("more than three runs switch to SUMIFS and write the keys beside the source rows", () => {
    const rows: CellValue[][] = [["Förvaltning", "Konto", "Utfall"]];
    for (let i = 0; i < 8; i++) rows.push(["A", i % 2 === 0 ? 7010 : 4010, i]);
    const m = readWorkbook(book(sheet("April 2024", rows)), options);
    const s = new SourceSums(m, "Balans nycklar");
    s.define("class");
    const staff = s.sum("class", "A\u0000ownStaff", 4, "actual");
    // The ranges run from the group's first row (2) to its last (8), the keys beside them.
    expect(staff).toEqual({ formula: "SUMIFS('April 2024'!$C$2:$C$8,'Balans nycklar'!$A$3:$A$9,104)", value: 0 + 2 + 4 + 6 });
    // Only the rows a formula asks for carry a key: the other class's rows are summed by no SUMIFS.
    expect(s.keyColumns()[0].keys).toEqual([104, null, 104, null, 104, null, 104, null]);
    const other = s.sum("class", "A\u0000otherCost", 4, "actual");
    expect(other).toEqual({ formula: "SUMIFS('April 2024'!$C$3:$C$9,'Balans nycklar'!$A$4:$A$10,204)", value: 1 + 3 + 5 + 7 });
    expect(s.keyColumns()[0].keys).toEqual([104, 204, 104, 204, 104, 204, 104, 204]);
  });

  test("a class whose rows are exactly one category's rows sums through that category's keys", () => {
    const rows: CellValue[][] = [["Förvaltning", "Konto", "Kostnadsslag", "Utfall"]];
    // Own staff (Personal) and other costs (Övrigt) alternate; a hired-doctor row shares Övrigt.
    for (let i = 0; i < 8; i++) rows.push(["A", i % 2 === 0 ? 7010 : 4010, i % 2 === 0 ? "Personal" : "Övrigt", i]);
    rows.push(["A", 6810, "Övrigt", 100]);
    const m = readWorkbook(book(sheet("April 2024", rows)), options);
    const s = new SourceSums(m, "K");
    s.define("category");
    s.define("class");
    // Own staff = every Personal row: the category's key (Personal is category group 1).
    expect(s.sum("class", "A\u0000ownStaff", 4, "actual")).toEqual({ formula: "SUMIFS('April 2024'!$D$2:$D$8,'K'!$A$3:$A$9,104)", value: 0 + 2 + 4 + 6 });
    // Other costs are Övrigt without the hired row: a key column of the class's own.
    expect(s.sum("class", "A\u0000otherCost", 4, "actual")).toEqual({ formula: "SUMIFS('April 2024'!$D$3:$D$9,'K'!$B$4:$B$10,204)", value: 1 + 3 + 5 + 7 });
    const [category, cls] = s.keyColumns();
    expect([category.grouping, cls.grouping]).toEqual(["category", "class"]);
    expect(category.keys).toEqual([104, null, 104, null, 104, null, 104, null, null]);
    expect(cls.keys).toEqual([null, 204, null, 204, null, 204, null, 204, null]);
  });

  test("rows whose sign was flipped get negative keys and a subtracted term", () => {
    const rows: CellValue[][] = [["Förvaltning", "Konto", "Utfall"]];
    // Statutory signs: costs negative. Eight scattered own-staff rows.
    for (let i = 0; i < 8; i++) rows.push(["A", i % 2 === 0 ? 7010 : 4010, -(i + 1)]);
    const m = readWorkbook(book(sheet("April 2024", rows)), options);
    expect(m.costSign).toBe("negative");
    const s = new SourceSums(m, "K");
    s.define("class");
    expect(s.sum("class", "A\u0000ownStaff", 4, "actual")).toEqual({ formula: "-SUMIFS('April 2024'!$C$2:$C$8,'K'!$A$3:$A$9,-104)", value: 1 + 3 + 5 + 7 });
  });
});

describe("style runs", () => {
  test("merge equal styles into rectangles", () => {
    const grid = [["title"], [], ["header", "header"], ["amount", "amount"], ["amount", "amount"], [undefined, "amount"]] as never;
    expect(styleRuns(grid)).toEqual([
      { range: { top: 0, left: 0, bottom: 0, right: 0 }, style: "title" },
      { range: { top: 2, left: 0, bottom: 2, right: 1 }, style: "header" },
      { range: { top: 3, left: 0, bottom: 4, right: 1 }, style: "amount" },
      { range: { top: 5, left: 1, bottom: 5, right: 1 }, style: "amount" },
    ]);
  });
});

const REPORT_HEADER = ["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Budget", "Utfall", "Utfall fg år", "Kommentar"];
function monthSheet(name: string, division = "Specialistvård", comment = ""): SheetSnapshot {
  return sheet(name, [
    REPORT_HEADER,
    [division, "41010", 7010, "Löner", 1000, 1100, 950, comment],
    [division, "41010", 6810, "Inhyrda läkare", 100, 180, 150, null],
    [division, "41020", 7010, "Löner", 500, 480, 470, null],
  ]);
}

describe("the write plan", () => {
  test("text from the user's cells is written as text, never inside a formula", () => {
    const evil = ['=HYPERLINK("http://x.example","klick")', "+1+1", "-2", "@SUM(A1)", "=WEBSERVICE(\"http://x\")", "=cmd|'/c calc'!A0"];
    const snapshot = book(
      monthSheet("Mars 2024", evil[0], evil[3]),
      sheet("Åtgärder", [
        ["ID", "Åtgärd", "Förvaltning", "Konton", "Planerad effekt", "Startmånad", "Ansvarig"],
        [evil[1], evil[4], evil[0], "6810", 100, "2024-01", evil[5]],
      ]),
    );
    const { plan } = runBalans(snapshot, options);
    const texts = plan.sheets.flatMap(cells).flatMap((c) => (c && "text" in c ? [c.text] : []));
    // Division, id, description and owner reach the sheets (the comment is not summarised).
    for (const e of [evil[0], evil[1], evil[4], evil[5]]) expect(texts).toContain(e);
    const all = plan.sheets.flatMap(formulas).join("\n");
    expect(all).not.toMatch(/WEBSERVICE|cmd\||@SUM|http:\/\/x/);
  });

  test("sheet names with quotes are quoted in formulas and links", () => {
    const { plan } = runBalans(book(monthSheet("Mars '24")), options);
    const variance = plan.sheets.find((s) => s.kind === "variance") as SheetPlan;
    expect(formulas(variance).some((f) => f.includes("'Mars ''24'!"))).toBe(true);
  });

  test("a user's sheet with a Balans name is left alone: Balans writes beside it and says so", () => {
    const result = runBalans(book(monthSheet("Mars 2024"), sheet("Balans avvikelse", [["mitt eget"]])), options);
    const variance = result.plan.sheets.find((s) => s.kind === "variance") as SheetPlan;
    expect(variance.name).toBe("Balans avvikelse (2)");
    expect(variance.replaces).toBeUndefined();
    expect(result.plan.remove).toEqual([]);
    expect(result.analysis.findings).toContainEqual(expect.objectContaining({ rule: "STRUCT-NAME-TAKEN", sheet: "Balans avvikelse" }));
    const findingsSheet = result.plan.sheets.find((s) => s.kind === "findings") as SheetPlan;
    expect(cells(findingsSheet)).toContainEqual({ text: "STRUCT-NAME-TAKEN" });
  });

  test("on a re-run the owned sheets are replaced, whatever they are called now, and unneeded ones removed", () => {
    const owned = (name: string, kind: string) => sheet(name, [["old"]], { ownerMark: `balans:${kind}` });
    const snapshot = book(monthSheet("Mars 2024"), owned("Balans variance", "variance"), owned("Balans åtgärder", "measures"), owned("Balans inställningar", "settings"));
    const { plan } = runBalans(snapshot, options);
    const variance = plan.sheets.find((s) => s.kind === "variance") as SheetPlan;
    expect(variance).toMatchObject({ name: "Balans avvikelse", replaces: "Balans variance" });
    // No measures this time: the old measures sheet goes; the settings sheet stays.
    expect(plan.remove).toEqual(["Balans åtgärder"]);
    expect(plan.sheets.some((s) => s.kind === "settings")).toBe(false);
  });

  test("the same workbook gives the same plan", () => {
    const snapshot = book(monthSheet("Mars 2024"), monthSheet("April 2024"));
    expect(runBalans(snapshot, options).plan).toEqual(runBalans(snapshot, options).plan);
  });

  test("every formula's cached value is the engine's figure in the JSON report", () => {
    const { plan, report } = runBalans(book(monthSheet("Mars 2024"), monthSheet("April 2024")), options);
    const variance = plan.sheets.find((s) => s.kind === "variance") as SheetPlan;
    const cached = cells(variance).flatMap((c) => (c && "formula" in c && typeof c.value === "number" ? [c.value] : []));
    const april = report.variance.filter((r) => r.month === "2024-04");
    for (const r of april) {
      expect(cached).toContain(r.budgetYtd);
      expect(cached).toContain(r.actualYtd);
    }
  });
});

describe("the findings sheet", () => {
  test("lists at most 1 000 findings of a rule and counts the rest in one row", () => {
    const rows: CellValue[][] = [["Konto", "Utfall"]];
    for (let i = 0; i < 1_250; i++) rows.push([7010, "1 000"]);
    const { plan, analysis } = runBalans(book(sheet("Mars 2024", rows)), options);
    expect(analysis.findings.filter((f) => f.rule === "READ-TEXT-NUMBER")).toHaveLength(1_250);
    const findings = plan.sheets.find((s) => s.kind === "findings") as SheetPlan;
    const texts = cells(findings).flatMap((c) => (c && "text" in c ? [c.text] : []));
    expect(texts.filter((x) => x === "READ-TEXT-NUMBER")).toHaveLength(1_001);
    expect(texts.some((x) => x.startsWith("… och 250 till av samma slag"))).toBe(true);
    // The warning count still says 1 250 (plus the rule's other warnings), live: COUNTIF plus those not listed.
    const counts = cells(findings).filter((c): c is { formula: string; value: number } => !!c && "formula" in c && c.formula.startsWith("COUNTIF"));
    const warnings = counts.find((c) => c.formula.includes('"Varning"'));
    expect(warnings?.formula).toMatch(/\+249$/);
    expect(warnings?.value).toBe(analysis.findings.filter((f) => f.severity === "warning").length);
  });

  test("a workbook without reports is told on the user's first sheet, not on an old Balans sheet", () => {
    const old = sheet("Balans kontroll", [["gammal"]], { ownerMark: "balans:findings" });
    const { analysis } = runBalans(book(old, sheet("Blad1", [["hej"]])), options);
    expect(analysis.findings).toContainEqual(expect.objectContaining({ rule: "READ-NO-REPORT-SHEETS", sheet: "Blad1" }));
  });
});
