import { RULES } from "../rules";
import { duplicateRows, keyChanges, keyGaps } from "./masterData";
import { buildModel } from "./testing/modelBuilder";
import { expectOne, inputOf, ofRule } from "./testing/expectFinding";

describe("MASTER-DUPLICATE-ROW", () => {
  it("reports the later copy of a key in the same month at its account cell", () => {
    const model = buildModel({
      sheets: [{ month: 1, rows: [{ account: "4010", budget: 1 }, { account: "4020", budget: 2 }, { account: "4010", budget: 3 }] }],
    });
    const f = expectOne(duplicateRows(inputOf(model)), { rule: RULES.duplicateRow.code, severity: "error", sheet: "Januari", cell: "C4", words: { sv: ["rad 2", "4010"], en: ["row 2", "count twice"] } });
    expect(f.message.sv).toContain("januari");
  });

  it("reports the copy lower on the sheet even when the model lists it first", () => {
    const model = buildModel({ sheets: [{ month: 1, rows: [{ account: "4010", row: 9 }, { account: "4010", row: 4 }] }] });
    expectOne(duplicateRows(inputOf(model)), { rule: RULES.duplicateRow.code, severity: "error", sheet: "Januari", cell: "C10", words: { sv: ["rad 5"], en: ["row 5"] } });
  });

  it("compares names case- and space-insensitively, and points at the cost centre without an account column", () => {
    const model = buildModel({
      sheets: [{ month: 1, columns: ["division", "costCentre", "budget", "actual"], rows: [{ division: "Kirurgi", costCentre: "1001", account: "" }, { division: " KIRURGI", costCentre: "1001", account: "" }] }],
    });
    expectOne(duplicateRows(inputOf(model)), { rule: RULES.duplicateRow.code, severity: "error", sheet: "Januari", cell: "B3" });
  });

  it("accepts the same key in other months, divisions or sheets (near miss)", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ account: "4010" }, { account: "4010", division: "Medicin" }] },
        { month: 2, rows: [{ account: "4010" }] },
        { month: 2, name: "Februari (2)", rows: [{ account: "4010" }] },
      ],
    });
    expect(duplicateRows(inputOf(model))).toEqual([]);
  });
});

describe("MASTER-KEY-CHANGED", () => {
  it("reports a cost centre that moves to another division at the first differing cell", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ costCentre: "1001", division: "Kirurgi" }] },
        { month: 2, rows: [{ costCentre: "1001", division: "kirurgi " }] },
        { month: 3, rows: [{ account: "4020" }, { costCentre: "1001", division: "Medicin" }] },
        { month: 4, rows: [{ costCentre: "1001", division: "Psykiatri" }] },
      ],
    });
    const found = ofRule(keyChanges(inputOf(model)), RULES.keyChanged.code);
    expect(found).toHaveLength(1);
    expect([found[0].severity, found[0].sheet, found[0].cell]).toEqual(["warning", "Mars", "A3"]);
    expect(found[0].message.sv).toContain("”Kirurgi” i januari (Januari!A2) men ”Medicin” i mars");
    expect(found[0].message.en).toContain("“Kirurgi” in January (Januari!A2) but “Medicin” in March");
  });

  it("reports account names and categories that differ, once each", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ account: "6810", accountName: "Inhyrda läkare", category: "Inhyrd personal" }] },
        { month: 2, rows: [{ account: "6810", accountName: "Hyrläkare", category: "Bemanning" }] },
        { month: 3, rows: [{ account: "6810", accountName: "Hyrläkare", category: "Bemanning" }] },
      ],
    });
    const found = ofRule(keyChanges(inputOf(model)), RULES.keyChanged.code);
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Februari", "D2"],
      ["Februari", "E2"],
    ]);
    expect(found[0].message.en).toContain("account name “Inhyrda läkare”");
    expect(found[1].message.sv).toContain("kostnadsslag ”Inhyrd personal”");
  });

  it("ignores blanks and sheets without the column (near miss)", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ account: "6810", accountName: "Inhyrda läkare", category: "X" }] },
        { month: 2, rows: [{ account: "6810", accountName: "", category: " x" }] },
        { month: 3, columns: ["division", "costCentre", "account", "budget", "actual"], rows: [{ account: "6810", accountName: "Annat", category: "Y" }] },
      ],
    });
    expect(keyChanges(inputOf(model))).toEqual([]);
  });
});

describe("MASTER-KEY-GAP", () => {
  it("tells about a cost centre gone from the latest month and one new in it", () => {
    const model = buildModel({
      sheets: [
        { month: 1, rows: [{ costCentre: "1001" }, { costCentre: "2002" }] },
        { month: 2, rows: [{ costCentre: "1001" }, { costCentre: "2002" }] },
        { month: 3, rows: [{ costCentre: "1001" }, { costCentre: "3003" }] },
      ],
    });
    const found = ofRule(keyGaps(inputOf(model)), RULES.keyMissingMonths.code);
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["info", "Februari", "B3"],
      ["info", "Mars", "B3"],
    ]);
    expect(found[0].message.sv).toContain("Ansvar 2002 finns i 2 tidigare månader (senast februari) men inte i mars");
    expect(found[1].message.en).toContain("Cost centre 3003 is new in March");
  });

  it("says nothing for a single month or cost centres in every month (near miss)", () => {
    expect(keyGaps(inputOf(buildModel({ sheets: [{ month: 1, rows: [{ costCentre: "1001" }] }] })))).toEqual([]);
    const model = buildModel({ sheets: [{ month: 1, rows: [{ costCentre: "1001" }] }, { month: 2, rows: [{ costCentre: " 1001" }] }] });
    expect(keyGaps(inputOf(model))).toEqual([]);
  });
});
