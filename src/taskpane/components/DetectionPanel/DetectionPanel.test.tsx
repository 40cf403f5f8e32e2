import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { detection } from "../../testing/fixtures";
import { renderInPane } from "../../testing/render";
import { DetectionPanel, initialSetup, parseYear, type RunSetup } from "./DetectionPanel";

/** The panel is controlled; this keeps its state the way the App does and reports every change. */
function Harness({ onChange, disabled }: { onChange: (setup: RunSetup) => void; disabled?: boolean }) {
  const found = detection();
  const [setup, setSetup] = useState(initialSetup(found));
  return (
    <DetectionPanel
      detection={found}
      setup={setup}
      disabled={disabled}
      onChange={(next) => {
        setSetup(next);
        onChange(next);
      }}
    />
  );
}

describe("DetectionPanel", () => {
  it("lists the report sheets ticked, with their months, and the unrecognised sheets unticked", () => {
    renderInPane(<Harness onChange={jest.fn()} />, "sv");
    const march = screen.getByRole("checkbox", { name: "Mars 2024 (mars)" }) as HTMLInputElement;
    const notes = screen.getByRole("checkbox", { name: "Anteckningar" }) as HTMLInputElement;
    expect(march.checked).toBe(true);
    expect(notes.checked).toBe(false);
    expect(screen.getByRole("group", { name: "Månadsrapporter att läsa" })).toBeTruthy();
    // Measures and programmes have a fixed role: named, not choosable.
    expect(screen.queryByRole("checkbox", { name: /Åtgärdsplan/ })).toBeNull();
    expect(screen.getByText("Åtgärdsplan")).toBeTruthy();
    expect(screen.getByText("Programmål")).toBeTruthy();
    expect(screen.getByText("Kostnader positiva")).toBeTruthy();
  });

  it("names months in the current language", () => {
    renderInPane(<Harness onChange={jest.fn()} />, "en");
    expect(screen.getByRole("checkbox", { name: "Mars 2024 (March)" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Monthly reports to read" })).toBeTruthy();
  });

  it("lets the user choose which sheets are reports, keeping the workbook's tab order", async () => {
    const onChange = jest.fn();
    renderInPane(<Harness onChange={onChange} />, "sv");
    await userEvent.click(screen.getByRole("checkbox", { name: "Anteckningar" }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ reportSheets: ["Februari 2024", "Mars 2024", "Anteckningar"] }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Februari 2024 (februari)" }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ reportSheets: ["Mars 2024", "Anteckningar"] }));
  });

  it("lets the user change the year and the unit, and marks a year that cannot be right", async () => {
    const onChange = jest.fn();
    renderInPane(<Harness onChange={onChange} />, "sv");
    const year = screen.getByRole("spinbutton", { name: "År" });
    expect((year as HTMLInputElement).value).toBe("2024");
    await userEvent.clear(year);
    await userEvent.type(year, "1999");
    expect(screen.getByText("Ange ett år mellan 2000 och 2100.")).toBeTruthy();
    await userEvent.clear(year);
    await userEvent.type(year, "2023");
    expect(screen.queryByText("Ange ett år mellan 2000 och 2100.")).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ yearText: "2023" }));

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Enhet" }), "mnkr");
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ unit: "mnkr", yearText: "2023" }));
  });

  it("locks every choice while Balans is running", () => {
    renderInPane(<Harness onChange={jest.fn()} disabled />, "sv");
    expect((screen.getByRole("checkbox", { name: "Mars 2024 (mars)" }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole("spinbutton", { name: "År" }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole("combobox", { name: "Enhet" }) as HTMLSelectElement).disabled).toBe(true);
  });
});

describe("parseYear", () => {
  it.each([
    ["2024", 2024],
    [" 2031 ", 2031],
    ["1999", null],
    ["20245", null],
    ["", null],
    ["20a4", null],
  ])("reads %p as %p", (text, year) => expect(parseYear(text)).toBe(year));
});
