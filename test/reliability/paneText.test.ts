/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import userEventDefault from "@testing-library/user-event";
import { createElement } from "react";
import { BalansError } from "../../src/taskpane/actions";
import { App } from "../../src/taskpane/components/App/App";
import { RUN_IN_PROGRESS } from "../../src/taskpane/runLock";
import { detection, fakeActions, finding, outcome } from "../../src/taskpane/testing/fixtures";
import { renderInPane } from "../../src/taskpane/testing/render";

/**
 * The task pane shows the workbook's own text (sheet names, file name) and the findings'
 * messages, which quote cell text: all of it is rendered as text, never as markup, and
 * showing it makes no request anywhere. A run refused because another is in progress
 * says so in the pane's language.
 */

const userEvent = userEventDefault.setup({ delay: null });

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__pwned = 1</script>";
const LINK = '<a href="https://evil.example/">klicka</a>';

const hostileFindings = [
  finding("error", `Mars ${IMG}`, "H12", `Summan ${IMG} stämmer inte`, `The total ${IMG} does not add up`, "ARITH-TOTAL"),
  finding("warning", SCRIPT, "A1", `Kommentar: ${SCRIPT}`, `Comment: ${SCRIPT}`, "PLAUS-COMMENT-MISSING"),
  finding("info", LINK, "A1", `Bladet ${LINK} läses inte`, `Sheet ${LINK} is not read`, "STRUCT-UNKNOWN-SHEET"),
];

const hostileDetection = detection({
  workbook: `${IMG}.xlsx`,
  sheets: [
    { name: "Mars 2024", role: "report", month: 3 },
    { name: `Mars ${IMG}`, role: "other" },
    { name: SCRIPT, role: "other" },
    { name: LINK, role: "other" },
  ],
});

/** Every way the page could reach the network, watched. */
function watchNetwork() {
  const calls: string[] = [];
  const scope = globalThis as unknown as Record<string, unknown>;
  const saved = { fetch: scope.fetch, open: XMLHttpRequest.prototype.open, beacon: navigator.sendBeacon };
  scope.fetch = (input: unknown) => {
    calls.push(`fetch ${String(input)}`);
    return Promise.reject(new Error("no network in this test"));
  };
  XMLHttpRequest.prototype.open = function (method: string, url: string | URL) {
    calls.push(`xhr ${method} ${String(url)}`);
  } as typeof XMLHttpRequest.prototype.open;
  Object.defineProperty(navigator, "sendBeacon", { configurable: true, value: (url: string) => (calls.push(`beacon ${url}`), true) });
  return {
    calls,
    restore() {
      scope.fetch = saved.fetch;
      XMLHttpRequest.prototype.open = saved.open;
      Object.defineProperty(navigator, "sendBeacon", { configurable: true, value: saved.beacon });
    },
  };
}

test("sheet names, the file name and finding messages are shown as text, and nothing is requested", async () => {
  const network = watchNetwork();
  try {
    const actions = fakeActions({
      detect: jest.fn(() => Promise.resolve(hostileDetection)),
      run: jest.fn(() => Promise.resolve(outcome(hostileFindings))),
    });
    const { container } = renderInPane(createElement(App, { actions, initialLanguage: "sv" }), "sv");
    await screen.findByText(`${IMG}.xlsx`);
    await userEvent.click(screen.getByRole("button", { name: "Kontrollera och skriv sammanställningar" }));
    await screen.findAllByText(new RegExp(`Summan ${IMG.replace(/[()]/g, "\\$&")} stämmer inte`));

    expect(container.querySelectorAll("img, script, iframe, object, embed")).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="http"]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    const text = container.textContent ?? "";
    for (const literal of [IMG, SCRIPT, LINK]) expect(text).toContain(literal);
    expect(network.calls).toEqual([]);
  } finally {
    network.restore();
  }
});

test("a run refused because another is in progress says so, in the pane's language", async () => {
  const actions = fakeActions({ run: jest.fn(() => Promise.reject(new BalansError(RUN_IN_PROGRESS))) });
  renderInPane(createElement(App, { actions, initialLanguage: "en" }), "en");
  await screen.findByText("Region Mittland 2024.xlsx");
  await userEvent.click(screen.getByRole("button", { name: "Check and write summaries" }));
  expect(await screen.findByText(RUN_IN_PROGRESS.en)).toBeTruthy();
});
