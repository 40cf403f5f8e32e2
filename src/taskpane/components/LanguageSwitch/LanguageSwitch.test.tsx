import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderInPane } from "../../testing/render";
import { LanguageSwitch } from "./LanguageSwitch";

describe("LanguageSwitch", () => {
  it("shows the current language as chosen, in a group labelled in that language", () => {
    renderInPane(<LanguageSwitch language="sv" onChange={jest.fn()} />, "sv");
    expect(screen.getByRole("radiogroup", { name: "Språk" })).toBeTruthy();
    expect((screen.getByRole("radio", { name: "Svenska" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("radio", { name: "English" }) as HTMLInputElement).checked).toBe(false);
  });

  it("asks for English when English is clicked", async () => {
    const onChange = jest.fn();
    renderInPane(<LanguageSwitch language="sv" onChange={onChange} />, "sv");
    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(onChange).toHaveBeenCalledWith("en");
  });

  it("can be switched with the keyboard alone", async () => {
    const onChange = jest.fn();
    renderInPane(<LanguageSwitch language="en" onChange={onChange} />, "en");
    expect(screen.getByRole("radiogroup", { name: "Language" })).toBeTruthy();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "English" }));
    await userEvent.keyboard("{ArrowLeft}");
    expect(onChange).toHaveBeenCalledWith("sv");
  });
});
