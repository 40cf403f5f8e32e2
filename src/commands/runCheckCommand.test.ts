import type { Message } from "../core/types";
import type { CheckCounts } from "./checkMessages";
import { createCheckWorkbookHandler, runCheckCommand, type CheckCommandDependencies } from "./runCheckCommand";

/** An event that records how often it was completed, and what had been shown by then. */
function recordingEvent(shown: Message[]) {
  const event = {
    completions: 0,
    shownAtCompletion: [] as number[],
    completed() {
      event.completions++;
      event.shownAtCompletion.push(shown.length);
    },
  };
  return event;
}

function deps(run: () => Promise<CheckCounts>, shown: Message[], notifyFails = false): CheckCommandDependencies {
  return {
    run,
    notify: async (message) => {
      shown.push(message);
      if (notifyFails) throw new Error("dialog blocked");
    },
  };
}

describe("runCheckCommand", () => {
  test("on success tells the counts in both languages, then completes the event once", async () => {
    const shown: Message[] = [];
    const event = recordingEvent(shown);
    const result = await runCheckCommand(event, deps(async () => ({ errors: 2, warnings: 1, infos: 0 }), shown));

    expect(result.ok).toBe(true);
    expect(shown).toEqual([result.message]);
    expect(result.message.sv).toContain("2 fel, 1 varning och 0 upplysningar");
    expect(result.message.en).toContain("2 errors, 1 warning and 0 notes");
    expect(event.completions).toBe(1);
    // Completed only after the message was shown (completing ends the dialog).
    expect(event.shownAtCompletion).toEqual([1]);
  });

  test("when the check throws it shows an error message and still completes the event", async () => {
    const shown: Message[] = [];
    const event = recordingEvent(shown);
    const result = await runCheckCommand(
      event,
      deps(async () => {
        throw Object.assign(new Error("Det gick inte (localized)"), { code: "GeneralException" });
      }, shown),
    );

    expect(result.ok).toBe(false);
    expect(shown).toEqual([result.message]);
    expect(result.message.sv).toContain("GeneralException");
    expect(result.message.en).toContain("GeneralException");
    // Office's localized message is not shown to the user.
    expect(result.message.sv).not.toContain("localized");
    expect(event.completions).toBe(1);
  });

  test("completes the event even when the message cannot be shown", async () => {
    const shown: Message[] = [];
    const event = recordingEvent(shown);
    const result = await runCheckCommand(event, deps(async () => ({ errors: 0, warnings: 0, infos: 0 }), shown, true));

    expect(result.ok).toBe(true);
    expect(shown).toHaveLength(1);
    expect(event.completions).toBe(1);
  });

  test("completes the event when both the check and the message fail", async () => {
    const shown: Message[] = [];
    const event = recordingEvent(shown);
    const result = await runCheckCommand(
      event,
      deps(() => Promise.reject("not an Error"), shown, true),
    );

    expect(result.ok).toBe(false);
    expect(result.message.en).toMatch(/could not check/);
    expect(event.completions).toBe(1);
  });

  test("the handler factory runs the same command for Office's event", async () => {
    const shown: Message[] = [];
    const event = recordingEvent(shown);
    const handler = createCheckWorkbookHandler(deps(async () => ({ errors: 0, warnings: 3, infos: 1 }), shown));

    await handler(event);

    expect(shown.map((m) => m.en)).toEqual(["Balans checked the workbook: 0 errors, 3 warnings and 1 note. Open Balans to see where."]);
    expect(event.completions).toBe(1);
  });
});
