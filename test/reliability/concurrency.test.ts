import { checkWithActions } from "../../src/commands/checkWithActions";
import { runCheckCommand } from "../../src/commands/runCheckCommand";
import type { Message } from "../../src/core/types";
import { createFakeExcel, type FakeExcel } from "../../src/excel/fake/fakeExcel";
import { fingerprint, WORKBOOK_CHANGED } from "../../src/excel/fingerprint";
import type { ExcelRun } from "../../src/excel/host";
import { readSnapshot } from "../../src/excel/readWorkbook";
import { BalansError, userMessageOf, type RunChoices } from "../../src/taskpane/actions";
import { createOfficeActions } from "../../src/taskpane/officeActions";
import { createRunLock, RUN_IN_PROGRESS, type LeaseStore } from "../../src/taskpane/runLock";
import { reportSheets } from "./support/report";

/**
 * Co-authoring and concurrency: one run at a time (pane and ribbon share a lock), and no
 * summaries written from data that changed between reading and writing.
 */

function mapStore(): LeaseStore & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** A promise and the function that settles it, to hold a run open while the test acts. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function refusal(promise: Promise<unknown>): Promise<Message> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BalansError);
  return userMessageOf(error);
}

describe("the run lock", () => {
  test("refuses a second run in the same runtime while one is in progress, with a message in both languages", async () => {
    const lock = createRunLock();
    const first = gate();
    const running = lock.withLock(() => first.wait.then(() => "first"));
    expect(lock.busy).toBe(true);
    expect(await refusal(lock.withLock(async () => "second"))).toEqual(RUN_IN_PROGRESS);
    expect(RUN_IN_PROGRESS.sv).toMatch(/redan/);
    expect(RUN_IN_PROGRESS.en).toMatch(/already/);
    first.open();
    expect(await running).toBe("first");
    expect(lock.busy).toBe(false);
    await expect(lock.withLock(async () => "third")).resolves.toBe("third");
  });

  test("is released when the run fails", async () => {
    const lock = createRunLock();
    await expect(lock.withLock(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock.withLock(async () => 1)).resolves.toBe(1);
  });

  test("two runtimes sharing storage (pane and ribbon command) hold one lease per document", async () => {
    const store = mapStore();
    const timers = { set: () => 1, clear: () => undefined };
    const options = { store, documentKey: () => "https://contoso/region.xlsx", setInterval: timers.set, clearInterval: timers.clear };
    const pane = createRunLock(options);
    const ribbon = createRunLock(options);
    const otherWorkbook = createRunLock({ ...options, documentKey: () => "https://contoso/other.xlsx" });
    const first = gate();
    const running = pane.withLock(() => first.wait);
    expect(await refusal(ribbon.withLock(async () => undefined))).toEqual(RUN_IN_PROGRESS);
    await expect(otherWorkbook.withLock(async () => "other")).resolves.toBe("other");
    first.open();
    await running;
    expect(store.map.size).toBe(0);
    await expect(ribbon.withLock(async () => "after")).resolves.toBe("after");
  });

  test("a lease left by a runtime that died expires; a live one is renewed", async () => {
    const store = mapStore();
    let now = 1_000_000;
    let renew: (() => void) | undefined;
    const options = {
      store,
      now: () => now,
      leaseMs: 60_000,
      setInterval: (callback: () => void) => ((renew = callback), 1),
      clearInterval: () => undefined,
    };
    const crashed = createRunLock(options);
    void crashed.withLock(() => new Promise(() => undefined)); // never settles: the pane was closed
    const live = createRunLock(options);
    now += 30_000;
    renew?.(); // the crashed runtime's timer is gone in reality; here its last renewal happens now
    now += 59_000;
    expect(await refusal(live.withLock(async () => undefined))).toEqual(RUN_IN_PROGRESS);
    now += 2_000; // no renewal for over a minute
    await expect(live.withLock(async () => "taken over")).resolves.toBe("taken over");
  });

  test("storage that throws (disabled, private mode) never stops a run", async () => {
    const broken: LeaseStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const lock = createRunLock({ store: broken, setInterval: () => 1, clearInterval: () => undefined });
    await expect(lock.withLock(async () => "ran")).resolves.toBe("ran");
  });
});

function fakeWorkbook(): FakeExcel {
  return createFakeExcel({ name: "Region.xlsx", sheets: reportSheets().map((s) => ({ name: s.name, cells: s.rows })) });
}

const choices: RunChoices = { reportSheets: ["Januari 2024", "Februari 2024"], year: 2024, unit: "tkr", language: "sv" };

describe("runs through the Office adapter", () => {
  test("the pane's second run and the ribbon command are refused while a run is in progress; the first completes", async () => {
    const fake = fakeWorkbook();
    const lock = createRunLock();
    // The pane's run is held at its write (its second Excel.run) until the test lets it go.
    const writing = gate();
    const atWrite = gate();
    let calls = 0;
    const paneRun: ExcelRun = async (batch) => {
      if (++calls === 2) {
        atWrite.open();
        await writing.wait;
      }
      return fake.run(batch);
    };
    const actions = createOfficeActions(paneRun, lock);
    const first = actions.run(choices, () => undefined);
    await atWrite.wait;
    // The pane again (a second start that got past the disabled button) and the ribbon command, on the same lock.
    expect(await refusal(actions.run(choices, () => undefined))).toEqual(RUN_IN_PROGRESS);
    const ribbon = await runCheckCommand(
      { completed: () => undefined },
      { run: checkWithActions(createOfficeActions(fake.run, lock), "sv"), notify: async () => undefined },
    );
    expect(ribbon).toEqual({ ok: false, message: RUN_IN_PROGRESS });
    expect(fake.writes).toHaveLength(0);
    writing.open();
    const outcome = await first;
    expect(outcome.sheets.map((s) => s.name)).toContain("Balans avvikelse");
    // Exactly one run's sheets: none doubled as "(2)".
    expect(fake.workbook.sheets.filter((s) => /\(2\)$/.test(s.name))).toHaveLength(0);
  });

  test("a report cell changed between reading and writing: nothing is written and the user is asked to run again", async () => {
    const fake = fakeWorkbook();
    const before = await readSnapshot(fake.run);
    const writesBefore = fake.writes.length;
    const error = await createOfficeActions(fake.run, createRunLock())
      .run(choices, (step) => {
        // A co-author changes an actual while the engine was busy.
        if (step === "writing") fake.workbook.sheet("Februari 2024")!.setRaw(1, 5, 9999);
      })
      .catch((e: unknown) => e);
    expect(userMessageOf(error)).toEqual(WORKBOOK_CHANGED);
    expect(WORKBOOK_CHANGED.sv).toMatch(/Kör Balans igen/);
    expect(fake.writes.length).toBe(writesBefore);
    const after = await readSnapshot(fake.run);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });

  test("a source sheet renamed away, or a measure changed, is a change too", async () => {
    for (const change of [
      (fake: FakeExcel) => fake.workbook.renameSheet(fake.workbook.sheet("Januari 2024")!, "Gamla januari"),
      (fake: FakeExcel) => fake.workbook.sheet("Åtgärder")!.setRaw(1, 5, 1234),
    ]) {
      const fake = fakeWorkbook();
      const error = await createOfficeActions(fake.run, createRunLock())
        .run(choices, (step) => step === "writing" && change(fake))
        .catch((e: unknown) => e);
      expect(userMessageOf(error)).toEqual(WORKBOOK_CHANGED);
      expect(fake.writes).toHaveLength(0);
    }
  });

  test("a change to a sheet the run did not read from does not stop it", async () => {
    const fake = createFakeExcel({
      sheets: [...reportSheets().map((s) => ({ name: s.name, cells: s.rows })), { name: "Anteckningar", cells: [["att göra"]] }],
    });
    const outcome = await createOfficeActions(fake.run, createRunLock()).run(choices, (step) => {
      if (step === "writing") fake.workbook.sheet("Anteckningar")!.setRaw(3, 3, "ny rad");
    });
    expect(outcome.sheets.length).toBeGreaterThan(0);
  });

  test("the fingerprint sees a changed value, a moved block and a new cell, and nothing else", async () => {
    const base = await readSnapshot(fakeWorkbook().run);
    const names = ["Januari 2024"];
    const same = fingerprint(base, names);
    expect(fingerprint(await readSnapshot(fakeWorkbook().run), names)).toBe(same);
    const variants = [
      (f: FakeExcel) => f.workbook.sheet("Januari 2024")!.setRaw(2, 4, 101),
      (f: FakeExcel) => f.workbook.sheet("Januari 2024")!.setRaw(2, 4, "100"),
      (f: FakeExcel) => f.workbook.sheet("Januari 2024")!.setRaw(30, 0, "x"),
      (f: FakeExcel) => f.workbook.sheet("Januari 2024")!.setRaw(1, 7, "kommentar"),
    ];
    for (const change of variants) {
      const fake = fakeWorkbook();
      change(fake);
      expect(fingerprint(await readSnapshot(fake.run), names)).not.toBe(same);
    }
    const elsewhere = fakeWorkbook();
    elsewhere.workbook.sheet("Februari 2024")!.setRaw(2, 4, 1);
    expect(fingerprint(await readSnapshot(elsewhere.run), names)).toBe(same);
  });
});
