import { formatPercentInput, formatRules, parseAmount, parsePercent, parseRules } from "./settingsText";

describe("account rules as text", () => {
  it("reads numbers, ranges and words separated by semicolons or commas", () => {
    expect(parseRules("6810-6819; hyrläkare ,6830; Inhyrd läkare")).toEqual([
      { kind: "range", from: 6810, to: 6819 },
      { kind: "name", contains: "hyrläkare" },
      { kind: "range", from: 6830, to: 6830 },
      { kind: "name", contains: "inhyrd läkare" },
    ]);
  });

  it("accepts an en dash and spaces in a range, and empty parts", () => {
    expect(parseRules(" 6810 – 6819 ;; ")).toEqual([{ kind: "range", from: 6810, to: 6819 }]);
    expect(parseRules("")).toEqual([]);
  });

  it("rejects a reversed range and a range cut short", () => {
    expect(parseRules("6819-6810")).toBeNull();
    expect(parseRules("6810-")).toBeNull();
  });

  it("writes what it reads", () => {
    const text = "6810-6819; hyrläkare; 6830";
    expect(formatRules(parseRules(text) ?? [])).toBe(text);
  });
});

describe("numbers as typed", () => {
  it.each([
    ["500", 500],
    ["1 234,5", 1234.5],
    ["1234.5", 1234.5],
    ["0", 0],
  ])("reads the amount %s", (text, value) => expect(parseAmount(text)).toBe(value));

  it.each(["", "abc", "-5", "1,2,3"])("rejects the amount %p", (text) => expect(parseAmount(text)).toBeNull());

  it("reads percentages as shares and rejects those above 100", () => {
    expect(parsePercent("2")).toBe(0.02);
    expect(parsePercent("2,5 %")).toBe(0.025);
    expect(parsePercent("90")).toBe(0.9);
    expect(parsePercent("101")).toBeNull();
  });

  it("shows a share as a percentage with the language's decimal mark", () => {
    expect(formatPercentInput(0.025, true)).toBe("2,5");
    expect(formatPercentInput(0.025, false)).toBe("2.5");
    expect(formatPercentInput(0.07, false)).toBe("7");
  });
});
