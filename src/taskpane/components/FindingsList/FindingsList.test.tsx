import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Finding } from "../../../core/types";
import { finding, sampleFindings } from "../../testing/fixtures";
import { renderInPane } from "../../testing/render";
import { FindingsList, PAGE_SIZE } from "./FindingsList";

// Plain DOM queries: role queries over hundreds of items are slow in jsdom.
function items(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("ul > li"));
}

async function choose(filterName: string, optionLabel: string) {
  await userEvent.selectOptions(screen.getByRole("combobox", { name: filterName }), optionLabel);
}

describe("FindingsList", () => {
  it("shows each finding with its severity, place, rule and message in the current language", () => {
    renderInPane(<FindingsList findings={sampleFindings} onSelect={jest.fn()} />, "en");
    expect(items()).toHaveLength(5);
    const first = items()[0];
    expect(first.textContent).toContain("Error");
    expect(first.textContent).toContain("Mars 2024!H12");
    expect(first.textContent).toContain("ARITH-TOTAL");
    expect(first.textContent).toContain("The total does not add up: 1,200 against 1,150");
    expect(first.textContent).not.toContain("Summan stämmer inte");
  });

  it("filters by severity, with the count of each severity in the choices", async () => {
    renderInPane(<FindingsList findings={sampleFindings} onSelect={jest.fn()} />, "sv");
    await choose("Allvarlighet", "Varningar (2)");
    expect(items().map((item) => item.textContent)).toEqual([
      expect.stringContaining("Mars 2024!P20"),
      expect.stringContaining("Åtgärdsplan!C4"),
    ]);
    expect(screen.getByText("Visar 2 av 2")).toBeTruthy();
  });

  it("filters by sheet, and by sheet and severity together", async () => {
    renderInPane(<FindingsList findings={sampleFindings} onSelect={jest.fn()} />, "sv");
    await choose("Blad", "Mars 2024");
    expect(items()).toHaveLength(2);
    await choose("Allvarlighet", "Fel (2)");
    expect(items()).toHaveLength(1);
    expect(items()[0].textContent).toContain("Mars 2024!H12");
    await choose("Allvarlighet", "Upplysningar (1)");
    expect(items()).toHaveLength(0);
    expect(screen.getByText("Inga fynd med det här urvalet.")).toBeTruthy();
  });

  it("selects a finding's cell on click", async () => {
    const onSelect = jest.fn();
    renderInPane(<FindingsList findings={sampleFindings} onSelect={onSelect} />, "sv");
    await userEvent.click(within(items()[0]).getByRole("button"));
    expect(onSelect).toHaveBeenCalledWith(sampleFindings[0]);
  });

  it("reaches a finding by keyboard and selects it with Enter", async () => {
    const onSelect = jest.fn();
    renderInPane(<FindingsList findings={sampleFindings} onSelect={onSelect} />, "sv");
    const target = within(items()[2]).getByRole("button");
    for (let i = 0; i < 10 && document.activeElement !== target; i++) await userEvent.tab();
    expect(document.activeElement).toBe(target);
    await userEvent.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith(sampleFindings[2]);
  });

  it("renders cell text as text, never as markup", () => {
    const hostile = finding("warning", "Blad<1>", "A1", '<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">');
    const { container } = renderInPane(<FindingsList findings={[hostile]} onSelect={jest.fn()} />, "sv");
    expect(container.querySelector("img")).toBeNull();
    expect(items()[0].textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("shows a finding about the whole workbook without a button", () => {
    const general = finding("info", "", "", "Antog tkr", "Assumed tkr", "READ-DEFAULTS");
    renderInPane(<FindingsList findings={[general]} onSelect={jest.fn()} />, "sv");
    expect(items()[0].textContent).toContain("Hela arbetsboken");
    expect(within(items()[0]).queryByRole("button")).toBeNull();
  });

  it("renders a long list a page at a time, with a button for the next page", async () => {
    const many: Finding[] = Array.from({ length: PAGE_SIZE * 2 + 50 }, (_, i) =>
      finding("warning", "Mars 2024", `H${i + 1}`, `Varning ${i + 1}`, `Warning ${i + 1}`),
    );
    renderInPane(<FindingsList findings={many} onSelect={jest.fn()} />, "en");
    expect(items()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText(`Showing ${PAGE_SIZE} of ${many.length}`)).toBeTruthy();
    await userEvent.click(screen.getByText(`Show ${PAGE_SIZE} more`));
    expect(items()).toHaveLength(PAGE_SIZE * 2);
    expect(items()[PAGE_SIZE].textContent).toContain(`Warning ${PAGE_SIZE + 1}`);
    await userEvent.click(screen.getByText("Show 50 more"));
    expect(items()).toHaveLength(many.length);
    expect(screen.queryByText(/^Show \d+ more$/)).toBeNull();
  });
});
