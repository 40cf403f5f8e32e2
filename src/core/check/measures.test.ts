import { RULES } from "../rules";
import type { MeasureRow } from "../types";
import { duplicateIds, measuresBehind, noLinks, programmeSums, startMonths, unknownAccounts, unknownDivisions, unknownProgrammes } from "./measures";
import { buildModel, type MeasureSpec } from "./testing/modelBuilder";
import { expectOne, inputOf } from "./testing/expectFinding";

// Test measures sheet `Åtgärder`: A id, B description, C division, D links, E planned, F start month, G programme, H status; measure i on row i + 2.
const reportRows = [
  { division: "Kirurgi", account: "6810", category: "Inhyrd personal", accountClass: "hiredDoctors" as const },
  { division: "Kirurgi", account: "4010", category: "Material" },
  { division: "Medicin", account: "6550", category: "Konsulter", accountClass: "consultants" as const },
];
const withMeasures = (measures: MeasureSpec[], extra: Partial<Parameters<typeof buildModel>[0]> = {}) =>
  buildModel({ sheets: [{ month: 1, rows: reportRows }], measures, ...extra });

describe("MEASURE-UNKNOWN-DIVISION", () => {
  it("reports a division no report row has, at the measure's division cell", () => {
    const model = withMeasures([{ id: "K1", division: "Kirurgi", accounts: [6810] }, { id: "O1", division: "Ortopedi", accounts: [6810] }]);
    expectOne(unknownDivisions(inputOf(model)), { rule: RULES.measureUnknownDivision.code, severity: "error", sheet: "Åtgärder", cell: "C3", words: { sv: ["”Ortopedi”"], en: ["“Ortopedi”"] } });
  });

  it("accepts all-division words and differences in case and spacing (near miss)", () => {
    const model = withMeasures([{ division: "Alla" }, { division: "" }, { division: "Samtliga" }, { division: " kirUrgi " }, { division: "All" }]);
    expect(unknownDivisions(inputOf(model))).toEqual([]);
  });
});

describe("MEASURE-UNKNOWN-ACCOUNT", () => {
  it("lists the links that match no row of the measure's division", () => {
    const model = withMeasures([{ id: "K1", division: "Kirurgi", accounts: [[6800, 6819], 6550, [7000, 7699]], categories: ["Inhyrd personal", "Lokaler"] }]);
    const f = expectOne(unknownAccounts(inputOf(model)), { rule: RULES.measureUnknownAccount.code, severity: "warning", sheet: "Åtgärder", cell: "D2", words: { sv: ["6550"], en: ["6550"] } });
    expect(f.message.sv).toContain("”6550”, ”7000-7699” och ”Lokaler” matchar ingen rad för förvaltningen Kirurgi");
    expect(f.message.en).toContain("“7000-7699”");
  });

  it("looks in every division when the measure's division is unknown", () => {
    const model = withMeasures([{ id: "O1", division: "Ortopedi", accounts: [6550, 9000] }]);
    const f = expectOne(unknownAccounts(inputOf(model)), { rule: RULES.measureUnknownAccount.code, severity: "warning", sheet: "Åtgärder", cell: "D2", words: { sv: ["”9000”", "i månadsrapporterna"], en: ["in the monthly reports"] } });
    expect(f.message.sv).not.toContain("6550");
  });

  it("matches categories by class label and any division for Alla (near miss)", () => {
    const model = withMeasures([
      { division: "Alla", accounts: [6550, [6810, 6810]], categories: ["inhyrd  personal", "Hired staff", "Konsulter"] },
      { division: "Kirurgi", accounts: [[4000, 4999]], categories: ["Inhyrda läkare", "material"] },
    ]);
    expect(unknownAccounts(inputOf(model))).toEqual([]);
  });
});

describe("MEASURE-NO-LINKS", () => {
  it("warns for a measure without accounts or categories", () => {
    const model = withMeasures([{ id: "K1", accounts: [6810] }, { id: "K2" }]);
    expectOne(noLinks(inputOf(model)), { rule: RULES.measureNoLinks.code, severity: "warning", sheet: "Åtgärder", cell: "D3", words: { sv: ["K2"], en: ["K2"] } });
  });
});

describe("MEASURE-START", () => {
  it("warns for a missing start and for starts outside the report year", () => {
    const model = withMeasures([
      { id: "K1", startMonth: null },
      { id: "K2", startMonth: 9, startYear: 2023 },
      { id: "K3", startMonth: 2, startYear: 2025 },
      { id: "K4", startMonth: 3, startYear: 2024 },
      { id: "K5", startMonth: 3 },
    ]);
    const found = startMonths(inputOf(model));
    expect(found.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      [RULES.measureStart.code, "warning", "Åtgärder", "F2"],
      [RULES.measureStart.code, "warning", "Åtgärder", "F3"],
      [RULES.measureStart.code, "warning", "Åtgärder", "F4"],
    ]);
    expect(found[0].message.en).toContain("no start month");
    expect(found[1].message.sv).toContain("september 2023, utanför rapportåret 2024: den räknas som aktiv hela året");
    expect(found[2].message.en).toContain("February 2025, outside the report year 2024: it counts as not started");
  });
});

describe("MEASURE-DUPLICATE-ID", () => {
  it("reports the later use of an id", () => {
    const model = withMeasures([{ id: "K1" }, { id: "K2" }, { id: "k1 " }]);
    expectOne(duplicateIds(inputOf(model)), { rule: RULES.measureDuplicateId.code, severity: "error", sheet: "Åtgärder", cell: "A4", words: { sv: ["rad 2"], en: ["row 2"] } });
    expect(duplicateIds(inputOf(withMeasures([{ id: "K1" }, { id: "K11" }])))).toEqual([]);
  });
});

describe("MEASURE-UNKNOWN-PROGRAMME and MEASURE-PROGRAMME-SUM", () => {
  const programmes = [{ name: "Kostnadsreduceringar specialistvård", target: 3000 }];

  it("warns for a programme name not on the programme sheet", () => {
    const model = withMeasures([{ programme: "Kostnadsreduceringar specialistvård" }, { programme: "Okänt program" }], { programmes });
    expectOne(unknownProgrammes(inputOf(model)), { rule: RULES.programmeUnknown.code, severity: "warning", sheet: "Åtgärder", cell: "G3", words: { sv: ["”Okänt program”"], en: ["“Okänt program”"] } });
    expect(unknownProgrammes(inputOf(withMeasures([{ programme: "Okänt program" }])))).toEqual([]);
  });

  it("warns when the measures do not add up to the programme target, with the gap", () => {
    const model = withMeasures(
      [
        { programme: "Kostnadsreduceringar specialistvård", plannedAnnual: 1200 },
        { programme: "kostnadsreduceringar  specialistvård", plannedAnnual: 1000.5 },
        { programme: "Annat", plannedAnnual: 800 },
      ],
      { programmes },
    );
    expectOne(programmeSums(inputOf(model)), { rule: RULES.programmeSum.code, severity: "warning", sheet: "Program", cell: "B2", figures: [3000, 2200.5, 799.5], words: { sv: ["saknas"], en: ["short by"] } });
  });

  it("accepts a gap of at most 0.5 (near miss)", () => {
    const model = withMeasures([{ programme: "Kostnadsreduceringar specialistvård", plannedAnnual: 2999.5 }], { programmes });
    expect(programmeSums(inputOf(model))).toEqual([]);
  });
});

describe("MEASURE-BEHIND", () => {
  const summary = (id: string, status: MeasureRow["status"]): MeasureRow => ({
    id,
    programme: "",
    division: "Kirurgi",
    description: "",
    owner: "",
    plannedAnnual: 1200,
    plannedYtd: 400,
    realisedYtd: 120,
    varianceYtd: -280,
    forecast: 360,
    status,
    share: 1,
    baseline: "priorYear",
  });

  it("tells about each red measure at its id cell", () => {
    const model = withMeasures([{ id: "K1" }, { id: "K2" }]);
    const found = measuresBehind(inputOf(model, { measures: [summary("K1", "yellow"), summary("K2", "red")] }));
    expectOne(found, { rule: RULES.measureBehind.code, severity: "info", sheet: "Åtgärder", cell: "A3", figures: [120, 400, 30] });
    expect(measuresBehind(inputOf(model, { measures: [summary("K1", "green"), summary("K2", "not-started")] }))).toEqual([]);
  });
});
