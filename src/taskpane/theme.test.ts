import { languageFromOffice } from "./i18n";
import { isDarkBackground } from "./theme";

describe("isDarkBackground", () => {
  it.each([
    ["#000000", true],
    ["#262626", true],
    ["#444444", true],
    ["#666666", true],
    ["#ffffff", false],
    ["#E6E6E6", false],
    ["#c0c0c0", false],
  ])("%s is dark: %p", (color, dark) => expect(isDarkBackground(color)).toBe(dark));

  it("takes anything it cannot read for light", () => {
    expect(isDarkBackground(undefined)).toBe(false);
    expect(isDarkBackground("black")).toBe(false);
    expect(isDarkBackground("")).toBe(false);
  });
});

describe("languageFromOffice", () => {
  it.each([
    ["sv-SE", "sv"],
    ["sv-FI", "sv"],
    ["SV", "sv"],
    ["en-US", "en"],
    ["fi-FI", "en"],
    ["svx", "en"],
    [undefined, "en"],
  ])("%p → %s", (displayLanguage, language) => expect(languageFromOffice(displayLanguage)).toBe(language));
});
