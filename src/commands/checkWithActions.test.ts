import type { Detection, RunChoices, RunOutcome } from "../taskpane/actions";
import type { Finding, Settings } from "../core/types";
import { checkWithActions, NO_REPORTS } from "./checkWithActions";
import { failureMessage } from "./checkMessages";

function detection(sheets: Detection["sheets"]): Detection {
  return {
    workbook: "Region.xlsx",
    year: 2024,
    unit: "tkr",
    costSign: "positive",
    sheets,
    settings: {} as Settings,
    settingsEditable: true,
  };
}

function finding(severity: Finding["severity"]): Finding {
  return { severity, rule: "TEST", sheet: "Mars 2024", cell: "A1", message: { sv: "x", en: "x" } };
}

function fakeActions(found: Detection, findings: Finding[]) {
  const runs: RunChoices[] = [];
  return {
    runs,
    actions: {
      detect: async () => found,
      run: async (choices: RunChoices) => {
        runs.push(choices);
        return { analysis: { findings }, sheets: [], keyFigures: {} } as unknown as RunOutcome;
      },
    },
  };
}

describe("checkWithActions", () => {
  test("runs on the detected report sheets, year and unit, and counts the findings", async () => {
    const { actions, runs } = fakeActions(
      detection([
        { name: "Jan 2024", role: "report", month: 1 },
        { name: "Åtgärder", role: "measures" },
        { name: "Feb 2024", role: "report", month: 2 },
        { name: "Balans avvikelse", role: "owned" },
      ]),
      [finding("warning"), finding("error"), finding("warning"), finding("info")],
    );

    const counts = await checkWithActions(actions, "sv")();

    expect(runs).toEqual([{ reportSheets: ["Jan 2024", "Feb 2024"], year: 2024, unit: "tkr", language: "sv" }]);
    expect(counts).toEqual({ errors: 1, warnings: 2, infos: 1 });
  });

  test("without report sheets it does not run, and says what to do in both languages", async () => {
    const { actions, runs } = fakeActions(detection([{ name: "Blad1", role: "other" }]), []);

    const error = await checkWithActions(actions, "en")().catch((e: unknown) => e);

    expect(runs).toHaveLength(0);
    expect(failureMessage(error)).toEqual(NO_REPORTS);
  });
});
