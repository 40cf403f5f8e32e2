import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RunOutcome } from "../../actions";
import { outcome } from "../../testing/fixtures";
import { renderInPane } from "../../testing/render";
import { ResultView } from "./ResultView";

function withFigures(change: Partial<RunOutcome["keyFigures"]>): RunOutcome {
  const base = outcome();
  return { ...base, keyFigures: { ...base.keyFigures, ...change } };
}

describe("ResultView", () => {
  it("shows the counts by severity", () => {
    renderInPane(<ResultView outcome={outcome()} onShowSheet={jest.fn()} />, "sv");
    expect(screen.getByText("2 fel")).toBeTruthy();
    expect(screen.getByText("2 varningar")).toBeTruthy();
    expect(screen.getByText("1 upplysning")).toBeTruthy();
  });

  it("shows the year-to-date variance with its sign and the sign convention", () => {
    renderInPane(<ResultView outcome={outcome()} onShowSheet={jest.fn()} />, "sv");
    expect(screen.getByText("Avvikelse mot budget, ackumulerat t.o.m. mars 2024")).toBeTruthy();
    // 300 budget − 312.5 actual: worse than budget, Swedish minus sign and decimal comma.
    expect(screen.getByText("\u221212,5 tkr")).toBeTruthy();
    expect(screen.getByText("Positivt = bättre än budget")).toBeTruthy();
  });

  it("puts a plus on a variance better than budget", () => {
    renderInPane(<ResultView outcome={withFigures({ varianceYtd: 1234.5 })} onShowSheet={jest.fn()} />, "en");
    expect(screen.getByText("+1,234.5 tkr")).toBeTruthy();
    expect(screen.getByText("Positive = better than budget")).toBeTruthy();
  });

  it("shows realised against planned savings and the hired-staff share against its target, naming the denominator", () => {
    renderInPane(<ResultView outcome={outcome()} onShowSheet={jest.fn()} />, "en");
    expect(screen.getByText("21 of 30 tkr")).toBeTruthy();
    expect(screen.getByText("5.8% of own staff costs (target 2%)")).toBeTruthy();
  });

  it("names the other denominator when the settings say all staff costs", () => {
    renderInPane(<ResultView outcome={withFigures({ hiredShareDenominator: "allStaff", hiredShare: 0.015 })} onShowSheet={jest.fn()} />, "sv");
    // Testing Library compares with white space (the non-breaking spaces too) collapsed to one space.
    expect(screen.getByText("1,5 % av alla personalkostnader (mål 2 %)")).toBeTruthy();
  });

  it("says so when the workbook has no measures", () => {
    const base = outcome();
    const noMeasures: RunOutcome = { ...base, analysis: { ...base.analysis, measures: [], programmes: [] } };
    renderInPane(<ResultView outcome={noMeasures} onShowSheet={jest.fn()} />, "sv");
    expect(screen.getByText("Inga åtgärder i arbetsboken")).toBeTruthy();
  });

  it("jumps to each summary sheet", async () => {
    const onShowSheet = jest.fn();
    renderInPane(<ResultView outcome={outcome()} onShowSheet={onShowSheet} />, "sv");
    await userEvent.click(screen.getByRole("button", { name: "Visa bladet Balans fynd" }));
    expect(onShowSheet).toHaveBeenCalledWith("Balans fynd");
    await userEvent.click(screen.getByRole("button", { name: "Visa bladet Balans avvikelse" }));
    expect(onShowSheet).toHaveBeenLastCalledWith("Balans avvikelse");
  });

  it("says all is well, without count badges, when there are no findings", () => {
    renderInPane(<ResultView outcome={outcome([])} onShowSheet={jest.fn()} />, "en");
    expect(screen.getByText("No errors, warnings or notes. The summaries are written.")).toBeTruthy();
    expect(screen.queryByText(/\d+ errors?$/)).toBeNull();
  });
});
