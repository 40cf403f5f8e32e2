import { act, screen, within } from "@testing-library/react";
import userEventDefault from "@testing-library/user-event";
import type { Language, Message } from "../../../core/types";
import { BalansError, GENERIC_ERROR, type RunOutcome, type Step } from "../../actions";
import { TEXT } from "../../i18n";
import { detection, fakeActions, outcome, sampleFindings } from "../../testing/fixtures";
import { renderInPane } from "../../testing/render";
import { App } from "./App";

const userEvent = userEventDefault.setup({ delay: null });

const RUN_SV = "Kontrollera och skriv sammanställningar";

async function renderApp(actions = fakeActions(), language: Language = "sv") {
  const view = renderInPane(<App actions={actions} initialLanguage={language} />, language);
  // Wait for the detection to land.
  await screen.findByText("Region Mittland 2024.xlsx");
  return view;
}

/** A run the test finishes by hand, reporting steps in between. */
function controlledRun() {
  let onStep: (step: Step) => void = () => undefined;
  let finish: (value: RunOutcome) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const run = jest.fn((_choices, report: (step: Step) => void) => {
    onStep = report;
    return new Promise<RunOutcome>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return {
    run,
    step: (step: Step) => act(() => onStep(step)),
    finish: (value: RunOutcome) => act(async () => finish(value)),
    fail: (error: unknown) => act(async () => fail(error)),
  };
}

function listedFindings(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("ul > li"));
}

describe("App", () => {
  it("shows that it is reading the workbook until the detection arrives", async () => {
    let resolve: (value: ReturnType<typeof detection>) => void = () => undefined;
    const actions = fakeActions({ detect: jest.fn(() => new Promise((r) => (resolve = r))) });
    renderInPane(<App actions={actions} initialLanguage="sv" />);
    expect(screen.getByText("Läser arbetsboken …")).toBeTruthy();
    expect(screen.queryByRole("button", { name: RUN_SV })).toBeNull();
    await act(async () => resolve(detection()));
    expect(screen.queryByText("Läser arbetsboken …")).toBeNull();
    expect(screen.getByRole("button", { name: RUN_SV })).toBeTruthy();
  });

  it("says clearly when no monthly reports were found, and offers no run", async () => {
    const nothing = detection({
      sheets: [
        { name: "Blad1", role: "other" },
        { name: "Anteckningar", role: "other" },
      ],
    });
    await renderApp(fakeActions({ detect: jest.fn(() => Promise.resolve(nothing)) }));
    expect(screen.getByText("Inga månadsrapporter hittades")).toBeTruthy();
    expect(screen.queryByRole("button", { name: RUN_SV })).toBeNull();
    // Ticking a sheet as a report makes the run possible.
    await userEvent.click(screen.getByRole("checkbox", { name: "Blad1" }));
    expect(screen.getByRole("button", { name: RUN_SV })).toBeTruthy();
    expect(screen.queryByText("Inga månadsrapporter hittades")).toBeNull();
  });

  it("runs with the user's choices and the pane's language", async () => {
    const actions = fakeActions();
    await renderApp(actions, "en");
    await userEvent.click(screen.getByRole("checkbox", { name: "Februari 2024 (February)" }));
    await userEvent.clear(screen.getByRole("spinbutton", { name: "Year" }));
    await userEvent.type(screen.getByRole("spinbutton", { name: "Year" }), "2023");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "kr");
    await userEvent.click(screen.getByRole("button", { name: "Check and write summaries" }));
    expect(actions.run).toHaveBeenCalledWith({ reportSheets: ["Mars 2024"], year: 2023, unit: "kr", language: "en" }, expect.any(Function));
  });

  it("does not run with a year that cannot be right", async () => {
    const actions = fakeActions();
    await renderApp(actions);
    await userEvent.clear(screen.getByRole("spinbutton", { name: "År" }));
    await userEvent.type(screen.getByRole("spinbutton", { name: "År" }), "24");
    const run = screen.getByRole("button", { name: RUN_SV }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
  });

  it("shows a progress bar whose step label follows the run", async () => {
    const control = controlledRun();
    await renderApp(fakeActions({ run: control.run }));
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Steg 1 av 3: Läser arbetsboken …")).toBeTruthy();
    expect((screen.getByRole("button", { name: RUN_SV }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Mars 2024 (mars)" }) as HTMLInputElement).disabled).toBe(true);

    control.step("checking");
    expect(screen.getByText("Steg 2 av 3: Kontrollerar rapporterna …")).toBeTruthy();
    control.step("writing");
    expect(screen.getByText("Steg 3 av 3: Skriver sammanställningarna …")).toBeTruthy();

    await control.finish(outcome());
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("heading", { name: "Resultat" })).toBeTruthy();
  });

  it("shows the counts and the findings after a run, filters them, and jumps to a finding's cell", async () => {
    const actions = fakeActions();
    await renderApp(actions);
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    await screen.findByRole("heading", { name: "Resultat" });
    expect(screen.getByText("2 fel")).toBeTruthy();
    expect(screen.getByText("2 varningar")).toBeTruthy();
    expect(listedFindings()).toHaveLength(5);

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Allvarlighet" }), "Fel (2)");
    expect(listedFindings()).toHaveLength(2);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Mars 2024");
    expect(listedFindings()).toHaveLength(1);

    await userEvent.click(within(listedFindings()[0]).getByRole("button"));
    expect(actions.selectCell).toHaveBeenCalledWith("Mars 2024", "H12");
  });

  it("jumps to a summary sheet from the result", async () => {
    const actions = fakeActions();
    await renderApp(actions);
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    await userEvent.click(await screen.findByRole("button", { name: "Visa bladet Balans avvikelse" }));
    expect(actions.showSheet).toHaveBeenCalledWith("Balans avvikelse");
  });

  it("tells the user when Balans cannot go to a cell", async () => {
    const actions = fakeActions({ selectCell: jest.fn(() => Promise.reject(new Error("ItemNotFound"))) });
    await renderApp(actions, "en");
    await userEvent.click(screen.getByRole("button", { name: "Check and write summaries" }));
    await screen.findByRole("heading", { name: "Result" });
    await userEvent.click(within(listedFindings()[0]).getByRole("button"));
    expect(await screen.findByText("Could not go there. Does the sheet still exist?")).toBeTruthy();
  });

  it("shows a clean result when there are no findings", async () => {
    const actions = fakeActions({ run: jest.fn(() => Promise.resolve(outcome([]))) });
    await renderApp(actions);
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    expect(await screen.findByText("Inga fel, varningar eller upplysningar. Sammanställningarna är skrivna.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Fynd" })).toBeNull();
    expect(listedFindings()).toHaveLength(0);
  });

  it("shows a Balans error in the current language and lets the user run again", async () => {
    const problem: Message = { sv: "Bladet Mars 2024 är skyddat.", en: "The sheet Mars 2024 is protected." };
    const control = controlledRun();
    await renderApp(fakeActions({ run: control.run }), "en");
    await userEvent.click(screen.getByRole("button", { name: "Check and write summaries" }));
    await control.fail(new BalansError(problem));
    expect(screen.getByRole("alert").textContent).toContain("The sheet Mars 2024 is protected.");
    await userEvent.click(screen.getByRole("radio", { name: "Svenska" }));
    expect(screen.getByRole("alert").textContent).toContain("Bladet Mars 2024 är skyddat.");
    // The detection is kept: the run button is there again.
    expect((screen.getByRole("button", { name: RUN_SV }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a generic message for an error that is not Balans's own", async () => {
    const control = controlledRun();
    await renderApp(fakeActions({ run: control.run }), "sv");
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    await control.fail(new TypeError("Cannot read properties of undefined (reading 'values')"));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(GENERIC_ERROR.sv);
    expect(alert.textContent).not.toContain("Cannot read properties");
  });

  it("offers to try again when the workbook could not be read at all", async () => {
    const detect = jest
      .fn()
      .mockImplementationOnce(() => Promise.reject(new BalansError({ sv: "Öppna Balans i Excel.", en: "Open Balans in Excel." })))
      .mockImplementationOnce(() => Promise.resolve(detection()));
    renderInPane(<App actions={fakeActions({ detect })} initialLanguage="en" />);
    expect((await screen.findByRole("alert")).textContent).toContain("Open Balans in Excel.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Check and write summaries" })).toBeTruthy();
    expect(detect).toHaveBeenCalledTimes(2);
  });

  it("switches every visible text when the language is switched", async () => {
    await renderApp(fakeActions(), "sv");
    await userEvent.click(screen.getByRole("button", { name: RUN_SV }));
    await screen.findByRole("heading", { name: "Resultat" });

    // Fixed texts that differ between the languages; texts with figures are checked one by one below.
    const differing = (Object.values(TEXT) as readonly unknown[]).filter((m): m is Message => typeof m === "object" && (m as Message).sv !== (m as Message).en);
    const swedishOnly = differing.map((m) => m.sv);
    const englishOnly = differing.map((m) => m.en);
    const visibleTexts = () => textsOf(document.body);
    // Workbook data (sheet names, months in sheet names) is not UI text and stays as it is.
    expect(visibleTexts().filter((text) => englishOnly.includes(text))).toEqual([]);
    expect(visibleTexts()).toContain("Kontrollera och skriv sammanställningar");
    expect(document.body.textContent).toContain("Summan stämmer inte: 1 200 mot 1 150");

    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(visibleTexts().filter((text) => swedishOnly.includes(text))).toEqual([]);
    expect(visibleTexts()).toContain("Check and write summaries");
    expect(screen.getByRole("heading", { name: "Result" })).toBeTruthy();
    expect(screen.getByText("2 errors")).toBeTruthy();
    expect(screen.getByText("Variance against budget, year to date March 2024")).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "Mars 2024 (March)" })).toBeTruthy();
    expect(document.body.textContent).toContain("The total does not add up: 1,200 against 1,150");
    expect(document.body.textContent).not.toContain("Summan stämmer inte");
    expect(screen.getByRole("combobox", { name: "Severity" })).toBeTruthy();
  });

  it("saves settings from the settings tab", async () => {
    const actions = fakeActions();
    await renderApp(actions, "en");
    await userEvent.click(screen.getByRole("tab", { name: "Settings" }));
    await userEvent.clear(screen.getByRole("textbox", { name: "Hired-staff target (%)" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Hired-staff target (%)" }), "3");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(actions.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ hiredShareTarget: 0.03 }));
    expect(await screen.findByText("The settings are saved.")).toBeTruthy();
    // Back on the check tab, the choices are still there.
    await userEvent.click(screen.getByRole("tab", { name: "Check" }));
    expect(screen.getByRole("button", { name: "Check and write summaries" })).toBeTruthy();
  });

  it("shows the settings read-only when they come from the user's own sheet", async () => {
    const own = detection({
      settingsEditable: false,
      sheets: [...detection().sheets, { name: "Balans inställningar", role: "settings" }],
    });
    const actions = fakeActions({ detect: jest.fn(() => Promise.resolve(own)) });
    await renderApp(actions, "sv");
    await userEvent.click(screen.getByRole("tab", { name: "Inställningar" }));
    expect(screen.getByText(/bladet ”Balans inställningar”, som är ditt eget/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Spara inställningar" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("can be used with the keyboard alone: Tab to the run button, Enter to run, Tab to a finding, Enter to go there", async () => {
    const actions = fakeActions();
    await renderApp(actions, "sv");
    const runButton = screen.getByRole("button", { name: RUN_SV });
    await tabTo(runButton);
    await userEvent.keyboard("{Enter}");
    expect(actions.run).toHaveBeenCalledTimes(1);

    await screen.findByRole("heading", { name: "Resultat" });
    const warning = within(listedFindings()[2]).getByRole("button");
    await tabTo(warning);
    await userEvent.keyboard("{Enter}");
    expect(actions.selectCell).toHaveBeenCalledWith(sampleFindings[2].sheet, sampleFindings[2].cell);
  });
});

/** Every non-empty text node, trimmed: what a reader of the pane sees, piece by piece. */
function textsOf(root: Node): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  return texts;
}

/** Presses Tab until `target` has focus (failing if it never does), as a keyboard user would. */
async function tabTo(target: HTMLElement) {
  for (let presses = 0; presses < 60 && document.activeElement !== target; presses++) await userEvent.tab();
  expect(document.activeElement).toBe(target);
}
