import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBalans } from "../core/engine";
import { readXlsx } from "../xlsx/readXlsx";
import { readModel } from "./readModel";

const SAMPLE = join(__dirname, "..", "..", "samples", "region-mittland-2024.xlsx");
const options = { language: "en" as const, today: { year: 2024, month: 11 } };

describe("readModel", () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const { snapshot, model } = readModel(bytes, "region.xlsx", options);

  it("keeps every sheet but empties the report sheets", () => {
    const full = readXlsx(bytes, { name: "region.xlsx" });
    expect(snapshot.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
    const reports = new Set(model.reportSheets.map((s) => s.sheet));
    expect(reports.size).toBeGreaterThan(0);
    for (const sheet of snapshot.sheets) {
      if (reports.has(sheet.name)) expect(sheet.rows).toEqual([]);
      else expect(sheet.rows.length).toBeGreaterThan(0);
    }
  });

  it("gives the run the same report and plan as the whole snapshot", () => {
    const full = runBalans(readXlsx(bytes, { name: "region.xlsx" }), options);
    const slim = runBalans(snapshot, options, model);
    expect(slim.report).toEqual(full.report);
    expect(slim.plan).toEqual(full.plan);
  });
});
