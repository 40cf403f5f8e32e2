import { languageOf, outcomeDialogUrl, readOutcome } from "./outcomeUrl";

const message = { sv: "3 fel & 2 varningar: ”Mars 2024” + 50 %?", en: "3 errors & 2 warnings: “March 2024” + 50%?" };

describe("outcome URL", () => {
  test.each(["sv", "en"] as const)("a message in %s survives the trip through the URL unchanged", (language) => {
    const url = outcomeDialogUrl("https://localhost:3000/outcome.html", message, language);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe("https://localhost:3000/outcome.html");
    expect(readOutcome(parsed.search)).toEqual({ language, text: message[language] });
  });

  test("only the chosen language travels", () => {
    const url = outcomeDialogUrl("https://localhost:3000/outcome.html", message, "sv");
    expect(new URL(url).searchParams.has("en")).toBe(false);
    expect(decodeURIComponent(url)).not.toContain("March");
  });

  test("a URL without text still says something, in its language", () => {
    expect(readOutcome("?lang=sv")).toEqual({ language: "sv", text: "Balans har inget att visa." });
    expect(readOutcome("")).toEqual({ language: "en", text: "Balans has nothing to show." });
  });

  test.each([
    ["sv-SE", "sv"],
    ["sv-FI", "sv"],
    ["SV", "sv"],
    ["en-US", "en"],
    ["nb-NO", "en"],
    ["svenska", "en"],
    [undefined, "en"],
    [null, "en"],
  ] as const)("Office language %p is shown in %s", (displayLanguage, expected) => {
    expect(languageOf(displayLanguage)).toBe(expected);
  });
});
