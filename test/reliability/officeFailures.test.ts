import { runBalans } from "../../src/core/engine";
import { applyPlan } from "../../src/excel/applyPlan";
import { createFakeExcel, type FakeExcel, type FakeOptions } from "../../src/excel/fake/fakeExcel";
import { readSnapshot } from "../../src/excel/readWorkbook";
import type { FakeSheet } from "../../src/excel/fake/fakeState";
import type { RunChoices } from "../../src/taskpane/actions";
import { userMessageOf } from "../../src/taskpane/actions";
import { createOfficeActions } from "../../src/taskpane/officeActions";
import { createRunLock } from "../../src/taskpane/runLock";
import { reportSheets } from "./support/report";

/**
 * Nothing lost in Excel: a re-run that fails at any round trip, once or for good,
 * leaves the previous summary sheets in place and the user's sheets untouched; and no
 * write of any run ever lands on a sheet Balans did not create (the fake records every
 * write with the sheet it went to).
 */

jest.setTimeout(120_000);

// The adapter logs what Excel said for developers; here that is expected noise.
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const choices: RunChoices = { reportSheets: ["Januari 2024", "Februari 2024"], year: 2024, unit: "tkr", language: "sv" };

function workbook(options?: FakeOptions): FakeExcel {
  return createFakeExcel(
    {
      sheets: [
        ...reportSheets().map((s) => ({ name: s.name, cells: s.rows })),
        { name: "Anteckningar", cells: [["egen text", 1]], formulas: { C1: "=B1*2" } },
        // A user's sheet with a Balans name but without the mark: never Balans's.
        { name: "Balans kontroll", cells: [["mina egna kontroller"]] },
        // And one named like the adapter's temporary sheets, without the building mark: never a leftover.
        { name: "Balans~1", cells: [["också min"]] },
      ],
    },
    options,
  );
}

/** Everything of a sheet a user could see: values, formulas, formats, names, tables, charts. */
function digest(sheet: FakeSheet) {
  const used = sheet.usedRect();
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells: used ? sheet.grid2d(used) : [],
    formulas: sheet.formulas().sort((a, b) => a.row - b.row || a.column - b.column),
    names: [...sheet.names.values()].map((n) => ({ ...n })),
    charts: sheet.charts.length,
    conditionalFormats: sheet.conditionalFormats.length,
    formats: sheet.formats.length,
  };
}

/** Sheets under the adapter's temporary names that are not the user's. */
function halfBuilt(fake: FakeExcel, users: ReadonlySet<number>): string[] {
  return fake.workbook.sheets.filter((s) => /^Balans~/.test(s.name) && !users.has(s.id)).map((s) => s.name);
}

const run = (fake: FakeExcel) => createOfficeActions(fake.run, createRunLock()).run(choices, () => undefined);

/** A division added to February between runs, so the re-run's sheets differ from the previous ones. */
function addADivision(fake: FakeExcel): void {
  const february = fake.workbook.sheet("Februari 2024")!;
  ["Psykiatri", "3100", 7010, "Löner läkare", 500, 520, 480].forEach((value, c) => february.setRaw(6, c, value));
}

/** Syncs of the first run, and of a second run after a correction, on a workbook that never fails. */
async function syncCounts(): Promise<{ first: number; second: number }> {
  const fake = workbook();
  await run(fake);
  const first = fake.stats.syncs;
  const previous = fake.workbook.sheets.filter((s) => s.names.has("balansowner")).map(digest);
  addADivision(fake);
  await run(fake);
  // Without a failure the re-run does replace the sheets: what the sweep below protects is real.
  expect(fake.workbook.sheets.filter((s) => s.names.has("balansowner")).map(digest)).not.toEqual(previous);
  return { first, second: fake.stats.syncs - first };
}

test("no write of a first or second run lands on a sheet Balans did not create", async () => {
  const fake = workbook();
  const users = new Map(fake.workbook.sheets.map((s) => [s.id, digest(s)] as const));
  await run(fake);
  await run(fake);
  expect(fake.writes.filter((w) => users.has(w.sheetId))).toEqual([]);
  const created = new Set(fake.writes.filter((w) => w.kind === "addSheet").map((w) => w.sheetId));
  expect(fake.writes.filter((w) => !created.has(w.sheetId))).toEqual([]);
  for (const sheet of fake.workbook.sheets.filter((s) => users.has(s.id))) expect(digest(sheet)).toEqual(users.get(sheet.id));
  // The user's "Balans kontroll" stayed; Balans's went beside it.
  expect(fake.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Balans kontroll", "Balans kontroll (2)"]));
});

describe("a re-run that fails at any round trip", () => {
  let counts: { first: number; second: number };
  beforeAll(async () => {
    counts = await syncCounts();
    expect(counts.second).toBeGreaterThan(4);
  });

  test.each([
    ["once (Excel recovers)", 1],
    ["for good (Excel is gone)", Infinity],
  ])("%s: the previous summary sheets stay, the user's sheets are untouched", async (_label, failTimes) => {
    for (let k = 0; k < counts.second; k++) {
      const fake = workbook({ failOn: { failAfterSyncs: counts.first + k, failTimes } });
      await run(fake);
      const users = new Set(fake.workbook.sheets.filter((s) => !s.names.has("balansowner")).map((s) => s.id));
      const previous = fake.workbook.sheets.filter((s) => s.names.has("balansowner")).map(digest);
      addADivision(fake);
      const writesBefore = fake.writes.length;

      const error = await run(fake).then(
        () => null,
        (e: unknown) => e,
      );

      const where = `failing from sync ${k + 1} of the re-run`;
      expect({ where, failed: error !== null }).toEqual({ where, failed: true });
      // The user is told something in both languages, never a stack trace.
      const message = userMessageOf(error);
      expect({ where, sv: message.sv.length > 0, en: message.en.length > 0 }).toEqual({ where, sv: true, en: true });
      const marked = fake.workbook.sheets.filter((s) => s.names.has("balansowner")).map(digest);
      expect({ where, sheets: marked }).toEqual({ where, sheets: previous });
      const newWrites = fake.writes.slice(writesBefore);
      expect({ where, onUserSheets: newWrites.filter((w) => users.has(w.sheetId)) }).toEqual({ where, onUserSheets: [] });
      if (failTimes === 1) {
        // Excel came back for the clean-up: nothing half-built is left.
        expect({ where, left: halfBuilt(fake, users) }).toEqual({ where, left: [] });
      }
    }
  });
});

/** Request budget for the sweep: small enough that building and deleting fall in different requests. */
const SMALL_REQUESTS = 4096;

describe("a re-run written in many small requests that fails between any two of them", () => {
  // Small requests put the building of new sheets and the deletion of old ones in different
  // round trips, so a failure can fall between them: the old sheets must still be there.
  // "For a while" fails the clean-up too (three requests in a row), as when the connection
  // drops: half-built sheets may then stay under temporary names, and the next run clears them.
  test.each([
    ["once", 1],
    ["for a while", 3],
  ])("%s: the previous summary sheets stay", async (_label, failTimes) => {
    const probe = workbook();
    await run(probe);
    const firstRun = probe.stats.syncs;
    addADivision(probe);
    const plan = runBalans(await readSnapshot(probe.run), { language: "sv", reportSheets: choices.reportSheets, today: { year: 2024, month: 3 } }).plan;
    const before = probe.stats.syncs;
    await applyPlan(probe.run, plan, { maxBytesPerRequest: SMALL_REQUESTS });
    const batches = probe.stats.syncs - before;
    expect(batches).toBeGreaterThan(10);

    const finalNames = (fake: FakeExcel) => fake.workbook.sheets.filter((s) => s.names.has("balansowner") && !/^Balans~/.test(s.name));
    for (let k = 0; k < batches; k++) {
      const fake = workbook({ failOn: { failAfterSyncs: firstRun + k, failTimes } });
      await run(fake);
      addADivision(fake);
      const previous = finalNames(fake).map(digest);
      const users = new Set(fake.workbook.sheets.filter((s) => !s.names.has("balansowner")).map((s) => s.id));
      const error = await applyPlan(fake.run, plan, { maxBytesPerRequest: SMALL_REQUESTS }).then(
        () => null,
        (e: unknown) => e,
      );
      const where = `failing from request ${k + 1} of ${batches}`;
      expect({ where, failed: error !== null }).toEqual({ where, failed: true });
      expect({ where, sheets: finalNames(fake).map(digest) }).toEqual({ where, sheets: previous });
      expect({ where, onUserSheets: fake.writes.filter((w) => users.has(w.sheetId)).length }).toEqual({ where, onUserSheets: 0 });
      const leftovers = halfBuilt(fake, users);
      if (failTimes === 1) expect({ where, leftovers }).toEqual({ where, leftovers: [] });
      // The next run, once Excel is back (the user may have to try again), leaves nothing half-built.
      await run(fake)
        .catch(() => run(fake))
        .catch(() => run(fake));
      expect({ where, after: halfBuilt(fake, users) }).toEqual({ where, after: [] });
      expect({ where, mine: fake.workbook.sheet("Balans~1")?.cell(0, 0).value }).toEqual({ where, mine: "också min" });
    }
  });
});
