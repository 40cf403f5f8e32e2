import { detectWorkbook, runBalans } from "../core/engine";
import { readSettingsSheet } from "../core/read/settings";
import type { RunResult } from "../core/engine";
import type { Settings, WorkbookModel, WorkbookSnapshot, WritePlan } from "../core/types";
import { createFakeExcel } from "../excel/fake/fakeExcel";
import { readSnapshot } from "../excel/readWorkbook";
import { BalansError, type Step } from "./actions";
import { createOfficeActions } from "./officeActions";
import { analysis, settings } from "./testing/fixtures";

// The engine is another module's work; here it stands in so the Office glue is tested on its own.
jest.mock("../core/engine", () => ({ detectWorkbook: jest.fn(), runBalans: jest.fn() }));
const mockedDetect = detectWorkbook as unknown as jest.Mock;
const mockedRun = runBalans as unknown as jest.Mock;

function workbook(extraSheets: { name: string; names?: Record<string, string> }[] = []) {
  return createFakeExcel({
    name: "Region.xlsx",
    sheets: [
      { name: "Mars 2024", cells: [["Förvaltning", "Konto", "Budget", "Utfall"], ["Psykiatri", 7010, 100, 110]] },
      ...extraSheets.map((sheet) => ({ ...sheet, cells: [["x"]] })),
    ],
  });
}

function model(overrides: Partial<WorkbookModel> = {}): WorkbookModel {
  return { ...analysis().model, otherSheets: [], measureSheet: undefined, ...overrides };
}

const plan: WritePlan = {
  sheets: [
    {
      kind: "variance",
      name: "Balans avvikelse",
      blocks: [{ top: 0, left: 0, cells: [[{ text: "Förvaltning" }, { text: "Avvikelse" }], [{ text: "Psykiatri" }, { number: -10 }]] }],
      styleRuns: [],
      columnWidths: [],
      tables: [],
      conditionalFormats: [],
      charts: [],
    },
  ],
  remove: [],
  styles: {},
};

beforeEach(() => {
  mockedDetect.mockReset();
  mockedRun.mockReset();
});

describe("createOfficeActions", () => {
  it("detects from a snapshot of the open workbook", async () => {
    const fake = workbook();
    mockedDetect.mockReturnValue(model());
    const detection = await createOfficeActions(fake.run).detect();
    const snapshot = mockedDetect.mock.calls[0][0] as WorkbookSnapshot;
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Mars 2024"]);
    expect(detection.workbook).toBe("Region Mittland 2024.xlsx");
    expect(detection.settingsEditable).toBe(true);
  });

  it("runs in three reported steps, writes the plan and returns the key figures", async () => {
    const fake = workbook();
    const result = analysis();
    mockedRun.mockReturnValue({ analysis: result, plan, report: {} } as unknown as RunResult);
    const steps: Step[] = [];
    const outcome = await createOfficeActions(fake.run).run({ reportSheets: ["Mars 2024"], year: 2024, unit: "tkr", language: "en" }, (step) => steps.push(step));

    expect(steps).toEqual(["reading", "checking", "writing"]);
    expect(mockedRun).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Region.xlsx" }),
      expect.objectContaining({ language: "en", reportSheets: ["Mars 2024"], settings: { year: 2024, unit: "tkr" } }),
    );
    expect(outcome.sheets).toEqual([{ kind: "variance", name: "Balans avvikelse" }]);
    expect(outcome.keyFigures.varianceYtd).toBe(-12.5);
    const after = await readSnapshot(fake.run);
    expect(after.sheets.find((s) => s.name === "Balans avvikelse")?.ownerMark).toBe("balans:variance");
  });

  it("selects a finding's cell and activates a summary sheet", async () => {
    const fake = workbook([{ name: "Balans avvikelse" }]);
    const actions = createOfficeActions(fake.run);
    await actions.selectCell("Mars 2024", "H12");
    await actions.showSheet("Balans avvikelse");
    expect(fake.stats.selections).toEqual([expect.stringMatching(/Mars 2024'?!H12$/)]);
    expect(fake.stats.activations).toEqual([expect.stringContaining("Balans avvikelse")]);
  });

  it("turns an Office error into a message for the user in both languages", async () => {
    const fake = workbook();
    // The real error goes to the developer console; keep the test output clean.
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = await createOfficeActions(fake.run)
      .selectCell("Borttaget blad", "A1")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BalansError);
    expect((failure as BalansError).userMessage.sv).not.toBe("");
    expect((failure as BalansError).userMessage.en).not.toBe("");
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it("says where Balans works when there is no Excel", async () => {
    const failure = await createOfficeActions(null)
      .detect()
      .catch((error: unknown) => error);
    expect((failure as BalansError).userMessage).toEqual({ sv: "Öppna Balans i Excel.", en: "Open Balans in Excel." });
  });

  it("saves settings to a sheet of its own that the reader reads back, and replaces it on the next save", async () => {
    const fake = workbook();
    mockedDetect.mockReturnValue(model());
    const actions = createOfficeActions(fake.run);
    const first: Settings = { ...settings, hiredShareTarget: 0.03 };
    await actions.saveSettings(first);

    const afterFirst = await readSnapshot(fake.run);
    const written = afterFirst.sheets.filter((s) => s.ownerMark === "balans:settings");
    expect(written.map((s) => s.name)).toEqual(["Balans inställningar"]);
    expect(readSettingsSheet(written[0]).settings).toEqual(first);

    const second: Settings = { ...settings, hiredShareDenominator: "allStaff" };
    await actions.saveSettings(second);
    const afterSecond = await readSnapshot(fake.run);
    const rewritten = afterSecond.sheets.filter((s) => s.ownerMark === "balans:settings");
    expect(rewritten).toHaveLength(1);
    expect(readSettingsSheet(rewritten[0]).settings).toEqual(second);
    expect(afterSecond.sheets.find((s) => s.name === "Mars 2024")?.rows).toEqual(afterFirst.sheets.find((s) => s.name === "Mars 2024")?.rows);
  });

  it("refuses to save over a settings sheet that is the user's own, and writes nothing", async () => {
    const fake = workbook([{ name: "Balans inställningar" }]);
    mockedDetect.mockReturnValue(model({ settingsSheet: "Balans inställningar" }));
    const actions = createOfficeActions(fake.run);
    const detection = await actions.detect();
    expect(detection.settingsEditable).toBe(false);
    await expect(actions.saveSettings(settings)).rejects.toBeInstanceOf(BalansError);
    expect(fake.writes).toEqual([]);
  });
});
