import { countFindings, failureMessage, outcomeMessage } from "./checkMessages";

describe("outcomeMessage", () => {
  test.each([
    [{ errors: 1, warnings: 1, infos: 1 }, "1 fel, 1 varning och 1 upplysning", "1 error, 1 warning and 1 note"],
    [{ errors: 3, warnings: 2, infos: 5 }, "3 fel, 2 varningar och 5 upplysningar", "3 errors, 2 warnings and 5 notes"],
    [{ errors: 0, warnings: 0, infos: 4 }, "0 fel, 0 varningar och 4 upplysningar", "0 errors, 0 warnings and 4 notes"],
  ])("%o is told in both languages with the right plurals", (counts, sv, en) => {
    const message = outcomeMessage(counts);
    expect(message.sv).toBe(`Balans har kontrollerat arbetsboken: ${sv}. Öppna Balans för att se var.`);
    expect(message.en).toBe(`Balans checked the workbook: ${en}. Open Balans to see where.`);
  });

  test("nothing found is said plainly, without pointing to details", () => {
    const message = outcomeMessage({ errors: 0, warnings: 0, infos: 0 });
    expect(message.sv).toMatch(/inga fel, varningar eller upplysningar/);
    expect(message.en).toMatch(/no errors, warnings or notes/);
    expect(message.en).not.toMatch(/see where/);
  });
});

describe("failureMessage", () => {
  test("a Balans error's own bilingual message is used as is", () => {
    const userMessage = { sv: "Inga månadsrapporter.", en: "No monthly reports." };
    expect(failureMessage(Object.assign(new Error("x"), { userMessage }))).toEqual(userMessage);
  });

  test("known Office error codes get a specific message", () => {
    const message = failureMessage({ code: "InvalidOperationInCellEditMode", message: "…" });
    expect(message.sv).toMatch(/redigerar en cell/);
    expect(message.en).toMatch(/editing a cell/);
  });

  test("unknown codes are named, messages are not", () => {
    const message = failureMessage({ code: "ItemNotFound", message: "Objektet hittades inte" });
    expect(message.sv).toContain("ItemNotFound");
    expect(message.en).toContain("ItemNotFound");
    expect(message.sv).not.toContain("Objektet");
  });

  test.each([[new Error("boom")], ["text"], [undefined], [{ code: 42 }]])("anything else (%p) gets the generic message", (error) => {
    const message = failureMessage(error);
    expect(message.sv).toBe("Balans kunde inte kontrollera arbetsboken. Försök igen, eller öppna Balans.");
    expect(message.en).toBe("Balans could not check the workbook. Try again, or open Balans.");
  });
});

describe("countFindings", () => {
  test("counts each severity", () => {
    const severities = ["error", "info", "warning", "error", "info", "info"] as const;
    expect(countFindings(severities.map((severity) => ({ severity })))).toEqual({ errors: 2, warnings: 1, infos: 3 });
  });

  test("no findings, no counts", () => {
    expect(countFindings([])).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });
});
