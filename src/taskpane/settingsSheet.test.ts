import { DEFAULT_SETTINGS, readSettingsSheet } from "../core/read/settings";
import type { CellValue, PlanCell, Settings, SheetSnapshot } from "../core/types";
import { settingsSheetPlan, SETTINGS_SHEET_NAME } from "./settingsSheet";
import { parseRules } from "./settingsText";
import { settings } from "./testing/fixtures";

/** The sheet's two columns as key → cell. */
function rowsOf(plan: ReturnType<typeof settingsSheetPlan>): Map<string, PlanCell> {
  const cells = plan.sheets[0].blocks[0].cells;
  return new Map(cells.map((row) => [(row[0] as { text: string }).text, row[1]]));
}

describe("settingsSheetPlan", () => {
  it("writes one owned settings sheet with the reader's header and Swedish keys, leaving other sheets alone", () => {
    const plan = settingsSheetPlan(settings, [{ name: "Mars 2024" }, { name: "Balans avvikelse", ownerMark: "balans:variance" }]);
    expect(plan.sheets).toHaveLength(1);
    expect(plan.remove).toEqual([]);
    expect(plan.sheets[0]).toMatchObject({ kind: "settings", name: SETTINGS_SHEET_NAME });
    expect(plan.sheets[0].replaces).toBeUndefined();
    const rows = rowsOf(plan);
    expect(rows.get("Inställning")).toEqual({ text: "Värde" });
    expect(rows.get("Teckenkonvention")).toEqual({ text: "auto" });
    expect(rows.get("Mål hyrpersonal")).toEqual({ number: 0.02 });
    expect(rows.get("Nämnare hyrpersonal")).toEqual({ text: "egen personal" });
    expect(rows.get("Kommentarsgräns belopp")).toEqual({ number: 500 });
    // Unit and year left to the workbook are not written, so the reader decides them.
    expect(rows.has("Enhet")).toBe(false);
    expect(rows.has("År")).toBe(false);
  });

  it("writes account rules as text that reads back to the same rules, never as formulas", () => {
    const rows = rowsOf(settingsSheetPlan(settings, []));
    const doctors = rows.get("Inhyrda läkare") as { text: string };
    expect(doctors).toEqual({ text: "6810-6819; hyrläkare" });
    expect(parseRules(doctors.text)).toEqual(settings.accounts.hiredDoctors);
  });

  it("writes the chosen unit, year, sign and denominator", () => {
    const rows = rowsOf(settingsSheetPlan({ ...settings, unit: "mnkr", year: 2025, costSign: "negative", hiredShareDenominator: "allStaff" }, []));
    expect(rows.get("Enhet")).toEqual({ text: "mnkr" });
    expect(rows.get("År")).toEqual({ number: 2025 });
    expect(rows.get("Teckenkonvention")).toEqual({ text: "kostnader negativa" });
    expect(rows.get("Nämnare hyrpersonal")).toEqual({ text: "all personal" });
  });

  it("formats the shares as percentages", () => {
    const plan = settingsSheetPlan(settings, []);
    const cells = plan.sheets[0].blocks[0].cells;
    const percentRows = plan.sheets[0].styleRuns.filter((run) => run.style !== "balansSettingsHeader").map((run) => (cells[run.range.top][0] as { text: string }).text);
    expect(percentRows).toEqual(["Mål hyrpersonal", "Grön från", "Gul från", "Kommentarsgräns andel", "Språngsgräns"]);
    expect(plan.styles.balansSettingsPercent.numberFormat).toBe("0.0 %");
  });

  it("replaces Balans's own settings sheet under its name", () => {
    const plan = settingsSheetPlan(settings, [{ name: "Inställningar Balans", ownerMark: "balans:settings" }]);
    expect(plan.sheets[0]).toMatchObject({ name: "Inställningar Balans", replaces: "Inställningar Balans" });
  });

  it("never takes the name of a user's sheet", () => {
    const plan = settingsSheetPlan(settings, [{ name: "balans INSTÄLLNINGAR" }, { name: "Balans inställningar (2)" }]);
    expect(plan.sheets[0].name).toBe("Balans inställningar (3)");
    expect(plan.sheets[0].replaces).toBeUndefined();
  });
});

describe("the settings sheet read back by the reader", () => {
  /** The plan's cells as a host would hand them back: text and numbers as they were written. */
  function asSnapshot(plan: ReturnType<typeof settingsSheetPlan>): SheetSnapshot {
    const rows = plan.sheets[0].blocks[0].cells.map((row) =>
      row.map((cell): CellValue => (cell === null ? null : "text" in cell ? cell.text : "number" in cell ? cell.number : null)),
    );
    return { name: plan.sheets[0].name, top: 0, left: 0, rows, visibility: "visible", ownerMark: "balans:settings" };
  }

  it("gives back exactly the settings saved, without findings", () => {
    const saved: Settings = {
      ...DEFAULT_SETTINGS,
      unit: "tkr",
      costSign: "negative",
      year: 2024,
      accounts: { ...DEFAULT_SETTINGS.accounts, hiredDoctors: [{ kind: "range", from: 6810, to: 6815 }, { kind: "name", contains: "stafettläkare" }] },
      hiredShareTarget: 0.035,
      hiredShareDenominator: "allStaff",
      statusThresholds: { green: 0.85, yellow: 0.4 },
      commentThresholdAmount: 750,
      commentThresholdShare: 0.15,
      jumpShare: 0.6,
      jumpMinAmount: 250,
    };
    const read = readSettingsSheet(asSnapshot(settingsSheetPlan(saved, [])));
    expect(read.findings).toEqual([]);
    expect(read.settings).toEqual(saved);
  });

  it("leaves unit and year to the workbook when the pane leaves them open", () => {
    const read = readSettingsSheet(asSnapshot(settingsSheetPlan(DEFAULT_SETTINGS, [])));
    expect(read.findings).toEqual([]);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
  });
});
