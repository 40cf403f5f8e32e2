import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBalans } from "../src/core/engine";
import { readXlsx } from "../src/xlsx/readXlsx";

/** The committed sample and the problems its generator planted (samples/README.md). */
const SAMPLE = join(__dirname, "..", "samples", "region-mittland-2024.xlsx");
const planted = JSON.parse(readFileSync(SAMPLE.replace(/\.xlsx$/, ".planted.json"), "utf8")) as {
  planted: { rule: string; sheet: string; cell: string; description: string }[];
  commentsLeftOut: { rule: string; sheet: string; cell: string }[];
};

const snapshot = readXlsx(new Uint8Array(readFileSync(SAMPLE)), { name: "region-mittland-2024.xlsx" });
const result = runBalans(snapshot, { language: "sv", today: { year: 2026, month: 11 } });
const { analysis, report } = result;

describe("the bundled sample workbook", () => {
  test.each(planted.planted.map((p) => [p.rule, `${p.sheet}!${p.cell}`, p]))("finds %s at %s", (_rule, _where, p) => {
    expect(analysis.findings).toContainEqual(expect.objectContaining({ rule: p.rule, sheet: p.sheet, cell: p.cell }));
  });

  test.each(planted.commentsLeftOut.map((p) => [`${p.sheet}!${p.cell}`, p]))("finds the missing comment at %s", (_where, p) => {
    expect(analysis.findings).toContainEqual(expect.objectContaining({ rule: p.rule, sheet: p.sheet, cell: p.cell }));
  });

  test("reads nine month sheets of 2024 in tkr, costs positive", () => {
    expect(report.year).toBe(2024);
    expect(report.unit).toBe("tkr");
    expect(report.costSign).toBe("positive");
    expect(report.months).toEqual(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-07", "2024-08", "2024-09", "2024-10"]);
    expect(analysis.model.measures.map((m) => m.id)).toHaveLength(12);
    expect(analysis.model.programmes.map((p) => [p.name, p.target])).toEqual([
      ["Kostnadsreduceringar specialistvård", 350000],
      ["Oberoende av hyrpersonal", 40000],
    ]);
  });

  test("hired staff is above the 2 % target in every division", () => {
    const latest = report.hiredStaff.filter((r) => r.month === "2024-10" && r.profession === "all");
    expect(latest.map((r) => r.division)).toEqual(["Specialistvård", "Primärvård", "Psykiatri", "Region"]);
    for (const row of latest) expect(row.share).toBeGreaterThan(0.02);
    expect(analysis.findings.filter((f) => f.rule === "HIRED-SHARE")).toHaveLength(3);
  });

  test("the not-yet-started measure is not started; the others have a status", () => {
    const status = new Map(report.measures.map((m) => [m.id, m.status]));
    expect(status.get("SV-08")).toBe("not-started");
    expect([...status.values()].filter((s) => s === "not-started")).toHaveLength(1);
    expect(report.programmes.find((p) => p.programme === "Kostnadsreduceringar specialistvård")?.plannedAnnual).toBe(350000);
  });

  test("the JSON report carries the summaries in the agreed field names", () => {
    expect(Object.keys(report.variance[0])).toEqual(expect.arrayContaining(["division", "category", "month", "budget", "actual", "variance", "budgetYtd", "actualYtd", "varianceYtd", "priorYearYtd", "forecast"]));
    expect(Object.keys(report.measures[0])).toEqual(expect.arrayContaining(["id", "programme", "division", "plannedYtd", "realisedYtd", "varianceYtd", "forecast", "status"]));
    expect(Object.keys(report.hiredStaff[0])).toEqual(expect.arrayContaining(["division", "profession", "month", "cost", "costYtd", "ownStaffCostYtd", "share", "priorYearCostYtd"]));
  });

  test("writes the five summary sheets and the helper keys", () => {
    expect(result.plan.sheets.map((s) => [s.kind, s.name])).toEqual([
      ["variance", "Balans avvikelse"],
      ["variance-detail", "Balans avvikelse ansvar"],
      ["measures", "Balans åtgärder"],
      ["hired-staff", "Balans hyrpersonal"],
      ["findings", "Balans kontroll"],
      ["keys", "Balans nycklar"],
    ]);
  });
});
