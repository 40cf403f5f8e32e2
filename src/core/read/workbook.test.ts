import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../types";
import { readWorkbook } from "./workbook";

function sheet(name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, top: 0, left: 0, rows, visibility: "visible", ...extra };
}

function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets, date1904: false };
}

const HEADER = ["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Budget månad", "Utfall månad", "Utfall fg år", "Kommentar"];

/** A month sheet in the messy real-world shape: title rows, division written once, totals rows. */
function monthSheet(name: string, scale = 1): SheetSnapshot {
  return sheet(name, [
    ["Region Test – Månadsrapport"],
    ["Belopp i tkr"],
    [],
    HEADER,
    ["Specialistvård", "41010", 7010, "Löner läkare", 1000 * scale, 1100 * scale, 950 * scale, "Fler jourpass"],
    [null, "41010", 6810, "Inhyrda läkare", 100 * scale, 180 * scale, 150 * scale, null],
    [null, "41010", 3010, "Patientavgifter", -50 * scale, -60 * scale, -55 * scale, null],
    ["Summa Specialistvård", null, null, null, 1050 * scale, 1220 * scale, 1045 * scale, null],
    ["Primärvård", "51010", 7010, "Löner läkare", 500 * scale, 480 * scale, 470 * scale, null],
    [null, "51010", 6820, "Inhyrda sjuksköterskor", 20 * scale, 40 * scale, 30 * scale, null],
    ["Summa Primärvård", null, null, null, 520 * scale, 520 * scale, 500 * scale, null],
    ["Totalt", null, null, null, 1570 * scale, 1740 * scale, 1545 * scale, null],
  ]);
}

describe("readWorkbook: one sheet per month", () => {
  const model = readWorkbook(workbook(monthSheet("Januari 2024"), monthSheet("Februari 2024"), sheet("Läs mig", [["Anteckningar"]])));

  test("finds the month sheets, the year, the unit and the sign convention", () => {
    expect(model.reportSheets.map((s) => [s.sheet, s.shape, s.month])).toEqual([
      ["Januari 2024", "month", 1],
      ["Februari 2024", "month", 2],
    ]);
    expect(model.year).toBe(2024);
    expect(model.unit).toBe("tkr");
    expect(model.unitSource).toBe("header");
    expect(model.costSign).toBe("positive");
    expect(model.costSignSource).toBe("detected");
    expect(model.months).toEqual([1, 2]);
    expect(model.latestMonth).toBe(2);
    expect(model.otherSheets).toEqual(["Läs mig"]);
  });

  test("carries a division written once down to its rows and keeps totals rows apart", () => {
    const jan = model.rows.filter((r) => r.month === 1);
    expect(jan.map((r) => [r.division, r.costCentre, r.account, r.row])).toEqual([
      ["Specialistvård", "41010", "7010", 4],
      ["Specialistvård", "41010", "6810", 5],
      ["Specialistvård", "41010", "3010", 6],
      ["Primärvård", "51010", "7010", 8],
      ["Primärvård", "51010", "6820", 9],
    ]);
    const totals = model.totals.filter((t) => t.month === 1);
    expect(totals.map((t) => [t.label, t.row, t.amounts.actual])).toEqual([
      ["Summa Specialistvård", 7, 1220],
      ["Summa Primärvård", 10, 520],
      ["Totalt", 11, 1740],
    ]);
  });

  test("classifies accounts by the default settings and labels categories", () => {
    const byAccount = new Map(model.rows.filter((r) => r.month === 1).map((r) => [r.account, r]));
    expect(byAccount.get("7010")?.accountClass).toBe("ownStaff");
    expect(byAccount.get("6810")?.accountClass).toBe("hiredDoctors");
    expect(byAccount.get("6820")?.accountClass).toBe("hiredNurses");
    expect(byAccount.get("3010")?.accountClass).toBe("income");
    expect(byAccount.get("3010")?.category).toBe("Intäkter");
  });

  test("costs stay positive, income stays negative, comments are kept", () => {
    const income = model.rows.find((r) => r.account === "3010" && r.month === 1);
    expect(income?.amounts.actual).toBe(-60);
    expect(income?.sign).toBe(1);
    const staff = model.rows.find((r) => r.account === "7010" && r.month === 1);
    expect(staff?.amounts).toMatchObject({ budget: 1000, actual: 1100, priorYear: 950, variance: null });
    expect(staff?.comment).toBe("Fler jourpass");
  });

  test("lists the unknown sheet as info over its used range", () => {
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "STRUCT-UNKNOWN-SHEET", sheet: "Läs mig", cell: "A1", severity: "info" }));
  });
});

describe("readWorkbook: sign conventions", () => {
  test("statutory signs (costs negative, income positive) are normalised to costs positive", () => {
    const negative = sheet("Mars 2024", [
      ["Ansvar", "Konto", "Budget", "Utfall"],
      ["41010", 7010, -1000, -1100],
      ["41010", 3010, 50, 60],
    ]);
    const model = readWorkbook(workbook(negative));
    expect(model.costSign).toBe("negative");
    expect(model.rows.map((r) => [r.account, r.amounts.actual, r.sign])).toEqual([
      ["7010", 1100, -1],
      ["3010", -60, -1],
    ]);
  });

  test("reports showing costs and income both positive get income made negative", () => {
    const allPositive = sheet("Mars 2024", [
      ["Ansvar", "Konto", "Budget", "Utfall"],
      ["41010", 7010, 1000, 1100],
      ["41010", 3010, 50, 60],
    ]);
    const model = readWorkbook(workbook(allPositive));
    expect(model.costSign).toBe("positive");
    expect(model.rows.map((r) => [r.account, r.amounts.actual, r.sign])).toEqual([
      ["7010", 1100, 1],
      ["3010", -60, -1],
    ]);
  });

  test("the settings sheet decides when it says so", () => {
    const settings = sheet("Balans inställningar", [
      ["Inställning", "Värde"],
      ["Teckenkonvention", "kostnader negativa"],
      ["Enhet", "mnkr"],
      ["År", 2023],
    ]);
    const model = readWorkbook(workbook(settings, sheet("Mars", [["Konto", "Utfall"], [7010, 5]])));
    expect(model.costSign).toBe("negative");
    expect(model.costSignSource).toBe("settings");
    expect(model.unit).toBe("mnkr");
    expect(model.unitSource).toBe("settings");
    expect(model.year).toBe(2023);
    expect(model.rows[0].amounts.actual).toBe(-5);
  });
});

describe("readWorkbook: cells as real workbooks hold them", () => {
  const messy = sheet(
    "Mars 2024",
    [
      ["Konto", "Budget", "Utfall", "Extra"],
      [3010, "1 234,5", "\u22122 500", "x"],
      [3011, { error: "#REF!" }, "(1 234)", null],
      [7012, "", "tolv", null],
      [7013, true, "12,5 %", null],
      [null, null, null, null],
      ["Här står en anteckning", null, null, null],
      [7014, 10, 20, null, "stray"],
    ],
    { top: 4, left: 1 },
  );
  const model = readWorkbook(workbook(messy));
  const at = (cell: string) => model.findings.filter((f) => f.sheet === "Mars 2024" && f.cell === cell).map((f) => f.rule);

  test("grid offsets give sheet addresses", () => {
    expect(model.reportSheets[0].headerRow).toBe(4);
    expect(model.reportSheets[0].columns).toEqual({ account: 1, budget: 2, actual: 3 });
    expect(model.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 11]);
  });

  test("text numbers are read and warned about", () => {
    expect(model.costSign).toBe("positive");
    expect(model.rows[0].amounts).toMatchObject({ budget: 1234.5, actual: -2500 });
    expect(model.rows[0].textNumbers).toBe(0b11);
    expect(at("C6")).toEqual(["READ-TEXT-NUMBER"]);
    expect(at("D6")).toEqual(["READ-TEXT-NUMBER"]);
    expect(model.rows[1].amounts.actual).toBe(-1234);
  });

  test("errors, words, booleans and percentages in amount columns are findings", () => {
    expect(at("C7")).toEqual(["READ-ERROR-VALUE"]);
    expect(model.rows[1].amounts.budget).toBeNull();
    expect(at("D8")).toEqual(["READ-NOT-A-NUMBER"]);
    expect(at("C9")).toEqual(["READ-NOT-A-NUMBER"]);
    expect(at("D9")).toEqual(["READ-NOT-A-NUMBER"]);
    expect(model.rows[2].amounts.budget).toBeNull();
  });

  test("notes and unused columns are listed, not dropped", () => {
    expect(at("B11")).toEqual(["READ-NOTE-ROW"]);
    expect(at("E5:E6")).toEqual(["READ-EXTRA-COLUMN"]);
    expect(at("F12")).toEqual(["READ-EXTRA-COLUMN"]);
  });

  test("messages come in Swedish and English", () => {
    const text = model.findings.find((f) => f.cell === "C6");
    expect(text?.message.sv).toContain("1\u00a0234,5");
    expect(text?.message.en).toContain("1,234.5");
  });
});

describe("readWorkbook: one ledger sheet with a period column", () => {
  const ledger = (header: string[], periods: CellValue[][]) =>
    sheet("Huvudbok", [header, ...periods.map((p, i) => [...p, "41010", 7010 + i, 100 + i, 110 + i])]);

  test.each([
    ["text 2024-03", ["Period"], [["2024-02"], ["2024-03"]]],
    ["number 202403", ["Period"], [[202402], [202403]]],
    ["date serials", ["Datum"], [[45337], [45382]]],
    ["month number plus year", ["År", "Månad"], [[2024, 2], [2024, 3]]],
    ["month names plus year", ["År", "Månad"], [[2024, "februari"], [2024, "mars"]]],
  ])("%s", (_, periodHeaders, periods) => {
    const model = readWorkbook(workbook(ledger([...periodHeaders, "Ansvar", "Konto", "Budget", "Utfall"], periods as CellValue[][])));
    expect(model.reportSheets[0].shape).toBe("ledger");
    expect(model.year).toBe(2024);
    expect(model.months).toEqual([2, 3]);
    expect(model.rows.map((r) => r.month)).toEqual([2, 3]);
  });

  test("rows of other years are left out with one finding", () => {
    const model = readWorkbook(workbook(ledger(["Period", "Ansvar", "Konto", "Budget", "Utfall"], [["2023-12"], ["2024-01"], ["2024-02"], ["x"]])));
    expect(model.year).toBe(2024);
    expect(model.rows.map((r) => r.month)).toEqual([1, 2]);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-OTHER-YEAR", cell: "A2" }));
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-BAD-PERIOD", cell: "A5" }));
  });
});

describe("readWorkbook: structure", () => {
  test("a second sheet for the same month is not read", () => {
    const model = readWorkbook(workbook(monthSheet("Mars 2024"), monthSheet("2024-03")));
    expect(model.reportSheets.map((s) => s.sheet)).toEqual(["Mars 2024"]);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "STRUCT-MONTH-DUPLICATE", sheet: "2024-03" }));
  });

  test("a sheet named after a month without a header is reported", () => {
    const model = readWorkbook(workbook(monthSheet("Mars 2024"), sheet("April 2024", [["bara text"]])));
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-NO-HEADER", sheet: "April 2024", cell: "A1" }));
  });

  test("the month can come from the title when the sheet name has none", () => {
    const titled = sheet("Rapport", [["Månadsrapport maj 2024"], ["Konto", "Utfall"], [7010, 5]]);
    const model = readWorkbook(workbook(titled));
    expect(model.reportSheets[0]).toMatchObject({ shape: "month", month: 5 });
    expect(model.year).toBe(2024);
  });

  test("sheets of another year are not read", () => {
    const model = readWorkbook(workbook(monthSheet("December 2023"), monthSheet("Januari 2024")));
    expect(model.reportSheets.map((s) => s.sheet)).toEqual(["Januari 2024"]);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-OTHER-YEAR", sheet: "December 2023" }));
  });

  test("no year anywhere: today's year is assumed and said", () => {
    const model = readWorkbook(workbook(sheet("Mars", [["Konto", "Utfall"], [7010, 5]])), { today: { year: 2031, month: 4 } });
    expect(model.year).toBe(2031);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-DEFAULTS", sheet: "Mars" }));
  });

  test("no report sheets at all is an error", () => {
    const model = readWorkbook(workbook(sheet("Blad1", [["hej"]])));
    expect(model.reportSheets).toEqual([]);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-NO-REPORT-SHEETS", severity: "error" }));
  });

  test("the caller can choose the report sheets", () => {
    const model = readWorkbook(workbook(monthSheet("Mars 2024"), monthSheet("April 2024")), { reportSheets: ["April 2024"] });
    expect(model.reportSheets.map((s) => s.sheet)).toEqual(["April 2024"]);
    expect(model.otherSheets).toEqual(["Mars 2024"]);
  });

  test("sheets Balans wrote are recognised by their mark, whatever their name, and not read as input", () => {
    const owned = { ...monthSheet("Maj 2024"), ownerMark: "balans:variance" };
    const model = readWorkbook(workbook(monthSheet("Mars 2024"), owned));
    expect(model.ownedSheets).toEqual([{ name: "Maj 2024", kind: "variance" }]);
    expect(model.reportSheets.map((s) => s.sheet)).toEqual(["Mars 2024"]);
  });

  test("a sheet with a Balans-like name but no mark is the user's", () => {
    const model = readWorkbook(workbook(monthSheet("Mars 2024"), sheet("Balans avvikelse", [["mine"]])));
    expect(model.ownedSheets).toEqual([]);
    expect(model.otherSheets).toEqual(["Balans avvikelse"]);
  });
});

describe("readWorkbook: measures, programmes and settings", () => {
  const measures = sheet("Åtgärder", [
    ["Åtgärdsplan 2024"],
    [],
    ["ID", "Åtgärd", "Förvaltning", "Program", "Konton", "Planerad effekt helår (tkr)", "Startmånad", "Ansvarig", "Status", "Jan", "Feb", "Mar"],
    ["SV-01", "Minskad hyrläkarbemanning", "Specialistvård", "Kostnadsreduceringar", "6810-6819", 60000, "2024-02", "Chef", "Pågår"],
    ["SV-02", "Köpt vård", "Specialistvård", "Kostnadsreduceringar", "4010; Köpt vård", "12 000", "mars", "Chef", "Pågår", 0, 1000, 2000],
    ["SV-03", "Okänd start", "Specialistvård", "", "", 500, "snart", "", ""],
    [null, null, null, null, null, null, null, null, "lös anteckning"],
  ]);
  const programmes = sheet("Program", [
    ["Program", "Mål (mnkr)", "Kommentar"],
    ["Kostnadsreduceringar", 350, "HSN 2024"],
    ["Trasigt", "mycket", null],
  ]);

  const model = readWorkbook(workbook(monthSheet("Mars 2024"), measures, programmes));

  test("reads measures with links, start, phasing and the unit from the header", () => {
    expect(model.measureSheet).toBe("Åtgärder");
    expect(model.measures.map((m) => [m.id, m.plannedAnnual, m.startMonth, m.startYear])).toEqual([
      ["SV-01", 60000, 2, 2024],
      ["SV-02", 12000, 3, null],
      ["SV-03", 500, null, null],
    ]);
    expect(model.measures[0].links).toEqual({ accounts: [{ from: 6810, to: 6819 }], categories: [] });
    expect(model.measures[1].links).toEqual({ accounts: [{ from: 4010, to: 4010 }], categories: ["Köpt vård"] });
    expect(model.measures[1].phasing?.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(model.measures[0].phasing).toBeNull();
    expect(model.measures[0].cells).toMatchObject({ id: "A4", division: "C4", links: "E4", plannedAnnual: "F4", startMonth: "G4" });
  });

  test("reports unreadable measure fields at their cells", () => {
    const at = (cell: string) => model.findings.filter((f) => f.sheet === "Åtgärder" && f.cell === cell).map((f) => f.rule);
    expect(at("F5")).toEqual(["READ-TEXT-NUMBER"]);
    expect(at("G6")).toEqual(["READ-MEASURE-FIELD"]);
    expect(at("I7")).toEqual(["READ-NOTE-ROW"]);
  });

  test("reads programme targets and converts them to the workbook's unit", () => {
    expect(model.programmes).toEqual([{ name: "Kostnadsreduceringar", target: 350000, sheet: "Program", row: 1, targetCell: "B2" }]);
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-PROGRAMME-FIELD", sheet: "Program", cell: "B3" }));
    expect(model.findings).toContainEqual(expect.objectContaining({ rule: "READ-EXTRA-COLUMN", sheet: "Program", cell: "C1:C2" }));
  });

  test("settings: defaults without a sheet, values and bad values with a sheet", () => {
    expect(model.settings.hiredShareTarget).toBe(0.02);
    expect(model.settings.hiredShareDenominator).toBe("ownStaff");
    const settings = sheet("Balans inställningar", [
      ["Inställning", "Värde"],
      ["Mål hyrpersonal", "3 %"],
      ["Nämnare hyrpersonal", "all personal"],
      ["Inhyrda läkare", "6811; hyrdoktor"],
      ["Grön från", "80 %"],
      ["Språnggräns", "40 %"],
      ["Gul från", "bra"],
      ["Okänd sak", 1],
    ]);
    const withSettings = readWorkbook(workbook(settings, monthSheet("Mars 2024")));
    expect(withSettings.settingsSheet).toBe("Balans inställningar");
    expect(withSettings.settings.hiredShareTarget).toBeCloseTo(0.03, 12);
    expect(withSettings.settings.hiredShareDenominator).toBe("allStaff");
    expect(withSettings.settings.accounts.hiredDoctors).toEqual([
      { kind: "range", from: 6811, to: 6811 },
      { kind: "name", contains: "hyrdoktor" },
    ]);
    expect(withSettings.settings.statusThresholds).toEqual({ green: 0.8, yellow: 0.5 });
    expect(withSettings.settings.jumpShare).toBeCloseTo(0.4, 12);
    expect(withSettings.findings).toContainEqual(expect.objectContaining({ rule: "READ-SETTING-VALUE", cell: "B7" }));
    expect(withSettings.findings).toContainEqual(expect.objectContaining({ rule: "READ-SETTING-UNKNOWN", cell: "A8" }));
    // 6810 is no longer a hired doctor under these settings: it falls to "hired other" (6800-6899).
    expect(withSettings.rows.find((r) => r.account === "6810")?.accountClass).toBe("hiredOther");
  });
});

describe("readWorkbook: rows that cannot be placed", () => {
  const rules = (model: ReturnType<typeof readWorkbook>, rule: string) => model.findings.filter((f) => f.rule === rule).map((f) => f.cell);

  test("READ-MISSING-KEY: amounts on a row with neither account nor cost centre", () => {
    const model = readWorkbook(workbook(sheet("Mars 2024", [["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Utfall"], ["A", null, null, "Löner", 100], ["A", "41010", 7010, "Löner", 50]])));
    expect(rules(model, "READ-MISSING-KEY")).toEqual(["A2"]);
    // The row still counts in its division.
    expect(model.rows.map((r) => [r.division, r.amounts.actual])).toEqual([["A", 100], ["A", 50]]);
  });

  test("READ-MISSING-KEY does not fire on rows with a cost centre only", () => {
    const model = readWorkbook(workbook(sheet("Mars 2024", [["Ansvar", "Konto", "Utfall"], ["41010", null, 100]])));
    expect(rules(model, "READ-MISSING-KEY")).toEqual([]);
  });

  test("READ-UNUSABLE-CELL: a boolean or an error where a key is expected", () => {
    const model = readWorkbook(workbook(sheet("Mars 2024", [["Ansvar", "Konto", "Utfall"], [true, 7010, 1], ["41010", 7011, 2]])));
    expect(rules(model, "READ-UNUSABLE-CELL")).toEqual(["A2"]);
    const clean = readWorkbook(workbook(sheet("Mars 2024", [["Ansvar", "Konto", "Utfall"], [41010, "7010", 1]])));
    expect(rules(clean, "READ-UNUSABLE-CELL")).toEqual([]);
  });

  test("STRUCT-MIXED-MONTHS: a month sheet whose period column names another month", () => {
    const model = readWorkbook(workbook(sheet("Mars 2024", [["Period", "Konto", "Utfall"], ["2024-03", 7010, 1], ["2024-04", 7011, 2], [null, 7012, 3]])));
    expect(rules(model, "STRUCT-MIXED-MONTHS")).toEqual(["A3"]);
    // Rows stay in the sheet's month.
    expect(model.rows.map((r) => r.month)).toEqual([3, 3, 3]);
  });
});
