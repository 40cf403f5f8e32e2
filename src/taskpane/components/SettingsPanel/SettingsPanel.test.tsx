import { screen } from "@testing-library/react";
import userEventDefault from "@testing-library/user-event";
import { BalansError } from "../../actions";
import { settings } from "../../testing/fixtures";
import { renderInPane } from "../../testing/render";
import { SettingsPanel } from "./SettingsPanel";

// No pause between keystrokes: the form is long and typing is most of this suite's time.
const userEvent = userEventDefault.setup({ delay: null });

function input(name: string): HTMLInputElement {
  return screen.getByRole("textbox", { name }) as HTMLInputElement;
}

async function retype(name: string, text: string) {
  await userEvent.clear(input(name));
  await userEvent.type(input(name), text);
}

describe("SettingsPanel", () => {
  it("shows the current settings, percentages with a decimal comma in Swedish", () => {
    renderInPane(<SettingsPanel settings={{ ...settings, hiredShareTarget: 0.025 }} editable onSave={jest.fn()} />, "sv");
    expect(input("Mål hyrpersonal (%)").value).toBe("2,5");
    expect(input("Grön från (% av plan)").value).toBe("90");
    expect(input("Kommentar krävs över belopp").value).toBe("500");
    expect(input("Inhyrda läkare").value).toBe("6810-6819; hyrläkare");
    expect((screen.getByRole("radio", { name: "Egna personalkostnader" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("combobox", { name: "Enhet" }) as HTMLSelectElement).value).toBe("auto");
  });

  it("saves what the user changed and keeps the rest", async () => {
    const onSave = jest.fn(() => Promise.resolve());
    renderInPane(<SettingsPanel settings={settings} editable onSave={onSave} />, "sv");
    await retype("Mål hyrpersonal (%)", "2,5");
    await userEvent.click(screen.getByRole("radio", { name: "Alla personalkostnader" }));
    await retype("Inhyrda läkare", "6810-6819; hyrläkare; stafettläkare");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Enhet" }), "mnkr");
    await userEvent.click(screen.getByRole("radio", { name: "Kostnader negativa" }));
    await userEvent.click(screen.getByRole("button", { name: "Spara inställningar" }));

    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({
      ...settings,
      unit: "mnkr",
      costSign: "negative",
      hiredShareTarget: 0.025,
      hiredShareDenominator: "allStaff",
      accounts: {
        ...settings.accounts,
        hiredDoctors: [
          { kind: "range", from: 6810, to: 6819 },
          { kind: "name", contains: "hyrläkare" },
          { kind: "name", contains: "stafettläkare" },
        ],
      },
    });
    expect(await screen.findByText("Inställningarna är sparade.")).toBeTruthy();
  });

  it("marks a field that is not valid and does not save", async () => {
    const onSave = jest.fn(() => Promise.resolve());
    renderInPane(<SettingsPanel settings={settings} editable onSave={onSave} />, "en");
    await retype("Hired-staff target (%)", "two");
    await retype("Hired doctors", "6819-6810");
    expect(screen.getByText("Enter a percentage between 0 and 100.")).toBeTruthy();
    expect(screen.getByText("Write accounts as 6810 or 6810-6819 and words such as locum, separated by semicolons.")).toBeTruthy();
    expect(screen.getByText("Correct the marked fields first.")).toBeTruthy();
    const save = screen.getByRole("button", { name: "Save settings" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.click(save);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("does not accept an empty account list, which the settings sheet would read as the default", async () => {
    renderInPane(<SettingsPanel settings={settings} editable onSave={jest.fn()} />, "sv");
    await userEvent.clear(input("Konsulter"));
    expect(screen.getByText("Ange minst ett konto eller ord; ett tomt fält skulle ge standardvärdet.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Spara inställningar" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("does not accept a yellow limit at or above the green one", async () => {
    renderInPane(<SettingsPanel settings={settings} editable onSave={jest.fn()} />, "sv");
    await retype("Gul från (% av plan)", "95");
    expect(screen.getByText("Gul gräns ska vara lägre än grön.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Spara inställningar" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("tells the user, in the current language, when saving fails", async () => {
    const onSave = jest.fn(() => Promise.reject(new BalansError({ sv: "Arbetsboken är skyddad.", en: "The workbook is protected." })));
    renderInPane(<SettingsPanel settings={settings} editable onSave={onSave} />, "en");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("The workbook is protected.")).toBeTruthy();
    expect(screen.queryByText("The settings are saved.")).toBeNull();
  });

  it("is read-only, and says where to edit, when the settings sheet is the user's own", async () => {
    const onSave = jest.fn(() => Promise.resolve());
    renderInPane(<SettingsPanel settings={settings} editable={false} settingsSheet="Mina inställningar" onSave={onSave} />, "sv");
    expect(screen.getByText("Inställningarna ändras i ditt blad")).toBeTruthy();
    expect(screen.getByText(/bladet ”Mina inställningar”, som är ditt eget/)).toBeTruthy();
    expect(input("Mål hyrpersonal (%)").disabled).toBe(true);
    expect(input("Inhyrda läkare").disabled).toBe(true);
    expect((screen.getByRole("combobox", { name: "Enhet" }) as HTMLSelectElement).disabled).toBe(true);
    const save = screen.getByRole("button", { name: "Spara inställningar" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.click(save);
    expect(onSave).not.toHaveBeenCalled();
  });
});
