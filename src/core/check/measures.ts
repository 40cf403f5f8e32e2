/** Measures (åtgärder) and programmes: each measure must land on report rows, once, in the report year. */
import { a1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { AccountClass, AccountRange, Finding, Measure, MeasureField, WorkbookModel } from "../types";
import type { CheckInput } from "./input";
import { ACCOUNT_CLASSES, rowIndex } from "./rowIndex";
import { listText, money, nameKey } from "./text";

/** Division values that mean "every division" (compared as `nameKey`). */
const ALL_DIVISIONS: ReadonlySet<string> = new Set(["alla", "all", "samtliga", "allaförvaltningar", "alldivisions"]);

/**
 * Category names a measure may use for a class when the workbook has no category
 * column: the reader's labels (`Inhyrd personal`, …) and the English and per-profession
 * names a controller might write. Compared as `nameKey`.
 */
const CLASS_NAMES: Readonly<Record<AccountClass, readonly string[]>> = {
  ownStaff: ["Personalkostnader", "Egen personal", "Own staff", "Personnel costs"],
  hiredDoctors: ["Inhyrd personal", "Inhyrda läkare", "Hyrläkare", "Hired staff", "Hired doctors"],
  hiredNurses: ["Inhyrd personal", "Inhyrda sjuksköterskor", "Hyrsjuksköterskor", "Hired staff", "Hired nurses"],
  hiredOther: ["Inhyrd personal", "Övrig inhyrd personal", "Hyrpersonal", "Hired staff", "Other hired staff"],
  consultants: ["Konsulter", "Consultants"],
  income: ["Intäkter", "Income"],
  otherCost: ["Övriga kostnader", "Other costs"],
};
const CLASS_KEYS = new Map<AccountClass, readonly string[]>(
  (Object.keys(CLASS_NAMES) as AccountClass[]).map((cls) => [cls, CLASS_NAMES[cls].map(nameKey)]),
);

function isAllDivisions(division: string): boolean {
  return division.trim() === "" || ALL_DIVISIONS.has(nameKey(division));
}

function measureCell(measure: Measure, ...fields: MeasureField[]): string {
  for (const field of fields) {
    const cell = measure.cells[field];
    if (cell) return cell;
  }
  return a1(measure.row, 0);
}

function measureName(measure: Measure): string {
  return measure.id ? measure.id : measure.description;
}

/** What the report rows offer measures: divisions, and per division the accounts and categories. */
interface RowCatalogue {
  readonly divisions: ReadonlySet<string>;
  /** Per division key ("" = all divisions): sorted distinct account numbers. */
  readonly accounts: ReadonlyMap<string, Float64Array>;
  /** Per division key ("" = all divisions): category keys, the row's own and its class's names. */
  readonly categories: ReadonlyMap<string, ReadonlySet<string>>;
}

function accountNumber(account: string): number {
  const match = /^\s*(\d{1,10})(?:[.,]0+)?(?!\d)/.exec(account);
  return match ? Number(match[1]) : NaN;
}

const catalogues = new WeakMap<WorkbookModel, RowCatalogue>();

/**
 * One pass over the rows on integer ids (division × account, division × category,
 * classes per division), turned into per-division lists afterwards: per-row string sets
 * would dominate the checks' time at 600 000 rows.
 */
function catalogue(model: WorkbookModel): RowCatalogue {
  const cached = catalogues.get(model);
  if (cached) return cached;
  const index = rowIndex(model);
  const divisionCount = index.divisionKeys.length;
  const accountCount = index.accountKeys.length;
  const divisionAccounts = new Set<number>();
  const divisionCategories = new Set<number>();
  const classes = new Int32Array(divisionCount);
  for (let i = 0; i < index.divisionIds.length; i++) {
    const division = index.divisionIds[i];
    divisionAccounts.add(division * accountCount + index.accountIds[i]);
    divisionCategories.add(index.categoryIds[i] * divisionCount + division);
    classes[division] |= 1 << index.classes[i];
  }
  // Per division key, and "" for all divisions together.
  const accountSets = new Map<string, Set<number>>([["", new Set()]]);
  const categories = new Map<string, Set<string>>([["", new Set()]]);
  const forDivision = <T>(map: Map<string, Set<T>>, key: string): Set<T>[] => {
    if (!map.has(key)) map.set(key, new Set());
    return key === "" ? [map.get("") as Set<T>] : [map.get("") as Set<T>, map.get(key) as Set<T>];
  };
  const accountNumbers = index.accountKeys.map(accountNumber);
  for (const composite of divisionAccounts) {
    const number = accountNumbers[composite % accountCount];
    if (Number.isNaN(number)) continue;
    for (const set of forDivision(accountSets, index.divisionKeys[Math.floor(composite / accountCount)])) set.add(number);
  }
  for (const composite of divisionCategories) {
    const key = index.categoryKeys[Math.floor(composite / divisionCount)];
    if (key === "") continue;
    for (const set of forDivision(categories, index.divisionKeys[composite % divisionCount])) set.add(key);
  }
  classes.forEach((bits, division) => {
    for (let c = 0; c < ACCOUNT_CLASSES.length; c++) {
      if (!(bits & (1 << c))) continue;
      const cls = ACCOUNT_CLASSES[c];
      for (const set of forDivision(categories, index.divisionKeys[division])) for (const name of CLASS_KEYS.get(cls) ?? []) set.add(name);
    }
  });
  const divisions = new Set(index.divisionKeys.filter((key) => key !== ""));
  const accounts = new Map<string, Float64Array>();
  for (const [key, set] of accountSets) accounts.set(key, Float64Array.from(set).sort());
  const result = { divisions, accounts, categories };
  catalogues.set(model, result);
  return result;
}

/** True when some value of the sorted array lies in [from, to]. */
function anyInRange(sorted: Float64Array, range: AccountRange): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < range.from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= range.to;
}

function rangeText(range: AccountRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** `MEASURE-UNKNOWN-DIVISION`: a measure on a division no report row has. */
export function unknownDivisions({ model }: CheckInput): Finding[] {
  if (model.rows.length === 0 || model.measures.length === 0) return [];
  const { divisions } = catalogue(model);
  const out: Finding[] = [];
  for (const measure of model.measures) {
    if (isAllDivisions(measure.division) || divisions.has(nameKey(measure.division))) continue;
    out.push(
      finding(RULES.measureUnknownDivision, measure.sheet, measureCell(measure, "division", "id"), {
        sv: `Åtgärd ${measureName(measure)} gäller förvaltningen ”${measure.division}”, som inte finns i månadsrapporterna: åtgärden kan inte knytas till några rader.`,
        en: `Measure ${measureName(measure)} is on division “${measure.division}”, which the monthly reports do not have: the measure cannot be tied to any rows.`,
      }),
    );
  }
  return out;
}

/**
 * `MEASURE-UNKNOWN-ACCOUNT`: links (account ranges, categories) that match no report
 * row of the measure's division (any division when it is blank, `Alla`, or unknown —
 * the unknown division is reported on its own). One warning per measure, listing them.
 */
export function unknownAccounts({ model }: CheckInput): Finding[] {
  if (model.rows.length === 0 || model.measures.length === 0) return [];
  const rows = catalogue(model);
  const out: Finding[] = [];
  for (const measure of model.measures) {
    const division = nameKey(measure.division);
    const scope = !isAllDivisions(measure.division) && rows.divisions.has(division) ? division : "";
    const accounts = rows.accounts.get(scope) ?? new Float64Array();
    const categories = rows.categories.get(scope) ?? new Set<string>();
    const missing = [
      ...measure.links.accounts.filter((r) => !anyInRange(accounts, r)).map(rangeText),
      ...measure.links.categories.filter((c) => !categories.has(nameKey(c))),
    ];
    if (missing.length === 0) continue;
    const where = (lang: "sv" | "en") =>
      scope === "" ? (lang === "sv" ? "i månadsrapporterna" : "in the monthly reports") : lang === "sv" ? `för förvaltningen ${measure.division}` : `for division ${measure.division}`;
    out.push(
      finding(RULES.measureUnknownAccount, measure.sheet, measureCell(measure, "links", "id"), {
        sv: `Åtgärd ${measureName(measure)}: ${listText(missing.map((m) => `”${m}”`), "sv")} matchar ingen rad ${where("sv")}; den delen av åtgärden kan inte följas upp.`,
        en: `Measure ${measureName(measure)}: ${listText(missing.map((m) => `“${m}”`), "en")} ${missing.length === 1 ? "matches" : "match"} no row ${where("en")}; that part of the measure cannot be followed up.`,
      }),
    );
  }
  return out;
}

/** `MEASURE-NO-LINKS`: a measure with neither accounts nor categories. */
export function noLinks({ model }: CheckInput): Finding[] {
  return model.measures
    .filter((m) => m.links.accounts.length === 0 && m.links.categories.length === 0)
    .map((measure) =>
      finding(RULES.measureNoLinks, measure.sheet, measureCell(measure, "links", "id"), {
        sv: `Åtgärd ${measureName(measure)} anger inga konton eller kostnadsslag: dess utfall kan inte mätas.`,
        en: `Measure ${measureName(measure)} names no accounts or categories: its realised effect cannot be measured.`,
      }),
    );
}

/** `MEASURE-START`: start month missing, or a start in another year than the report's. */
export function startMonths({ model }: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const measure of model.measures) {
    const cell = measureCell(measure, "startMonth", "id");
    if (measure.startMonth === null) {
      out.push(
        finding(RULES.measureStart, measure.sheet, cell, {
          sv: `Åtgärd ${measureName(measure)} saknar startmånad: planerad effekt kan inte fördelas över året.`,
          en: `Measure ${measureName(measure)} has no start month: its planned effect cannot be spread over the year.`,
        }),
      );
    } else if (measure.startYear !== null && measure.startYear !== model.year) {
      const start = (lang: "sv" | "en") => monthName(measure.startMonth ?? 1, lang, measure.startYear ?? undefined);
      const earlier = measure.startYear < model.year;
      out.push(
        finding(RULES.measureStart, measure.sheet, cell, {
          sv: `Åtgärd ${measureName(measure)} startar ${start("sv")}, utanför rapportåret ${model.year}: ${earlier ? "den räknas som aktiv hela året" : "den räknas som inte startad"}.`,
          en: `Measure ${measureName(measure)} starts in ${start("en")}, outside the report year ${model.year}: ${earlier ? "it counts as active all year" : "it counts as not started"}.`,
        }),
      );
    }
  }
  return out;
}

/** `MEASURE-DUPLICATE-ID`: an id used before (case- and space-insensitive), at each later use. */
export function duplicateIds({ model }: CheckInput): Finding[] {
  const seen = new Map<string, Measure>();
  const out: Finding[] = [];
  for (const measure of [...model.measures].sort((a, b) => a.row - b.row)) {
    const id = nameKey(measure.id);
    if (id === "") continue;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, measure);
      continue;
    }
    out.push(
      finding(RULES.measureDuplicateId, measure.sheet, measureCell(measure, "id"), {
        sv: `Åtgärds-id ${measure.id} används redan på rad ${first.row + 1}: varje åtgärd behöver ett eget id.`,
        en: `Measure id ${measure.id} is already used on row ${first.row + 1}: every measure needs its own id.`,
      }),
    );
  }
  return out;
}

/** `MEASURE-UNKNOWN-PROGRAMME`: a programme name no programme row has (only when the workbook has programmes). */
export function unknownProgrammes({ model }: CheckInput): Finding[] {
  if (model.programmes.length === 0) return [];
  const names = new Set(model.programmes.map((p) => nameKey(p.name)));
  return model.measures
    .filter((m) => m.programme.trim() !== "" && !names.has(nameKey(m.programme)))
    .map((measure) =>
      finding(RULES.programmeUnknown, measure.sheet, measureCell(measure, "programme", "id"), {
        sv: `Åtgärd ${measureName(measure)} hör till programmet ”${measure.programme}”, som inte finns bland programmen (${listText(model.programmes.map((p) => p.name), "sv")}).`,
        en: `Measure ${measureName(measure)} belongs to programme “${measure.programme}”, which is not among the programmes (${listText(model.programmes.map((p) => p.name), "en")}).`,
      }),
    );
}

/** `MEASURE-PROGRAMME-SUM`: a programme whose measures' planned annual effects do not add up to its target (±0.5). */
export function programmeSums({ model }: CheckInput): Finding[] {
  const planned = new Map<string, number>();
  for (const m of model.measures) {
    const key = nameKey(m.programme);
    if (key === "") continue;
    planned.set(key, (planned.get(key) ?? 0) + (m.plannedAnnual ?? 0));
  }
  const unit = model.unit;
  const out: Finding[] = [];
  for (const programme of model.programmes) {
    const sum = planned.get(nameKey(programme.name)) ?? 0;
    const gap = programme.target - sum;
    if (Math.abs(gap) <= 0.5) continue;
    out.push(
      finding(RULES.programmeSum, programme.sheet, programme.targetCell, {
        sv: `Programmet ${programme.name} har målet ${money(programme.target, "sv", unit)} men dess åtgärder planerar ${money(sum, "sv", unit)} (${gap > 0 ? "saknas" : "över målet"} ${money(Math.abs(gap), "sv", unit)}).`,
        en: `Programme ${programme.name} has a target of ${money(programme.target, "en", unit)} but its measures plan ${money(sum, "en", unit)} (${gap > 0 ? "short by" : "over by"} ${money(Math.abs(gap), "en", unit)}).`,
      }),
    );
  }
  return out;
}

/** `MEASURE-BEHIND`: a measure whose summary status is red. */
export function measuresBehind({ model, measures }: CheckInput): Finding[] {
  const byId = new Map<string, Measure>();
  for (const m of model.measures) if (!byId.has(m.id)) byId.set(m.id, m);
  const unit = model.unit;
  return measures
    .filter((row) => row.status === "red")
    .map((row) => {
      const measure = byId.get(row.id);
      const share = row.plannedYtd === 0 ? null : row.realisedYtd / row.plannedYtd;
      const shareText = (lang: "sv" | "en") => (share === null ? "" : ` (${Math.round(share * 100)}${lang === "sv" ? "\u00a0%" : "%"})`);
      return finding(RULES.measureBehind, measure?.sheet ?? model.measureSheet ?? "", measure ? measureCell(measure, "id") : "", {
        sv: `Åtgärd ${row.id} ligger efter plan: realiserat ${money(row.realisedYtd, "sv", unit)} av planerat ${money(row.plannedYtd, "sv", unit)} hittills i år${shareText("sv")}.`,
        en: `Measure ${row.id} is behind plan: realised ${money(row.realisedYtd, "en", unit)} of planned ${money(row.plannedYtd, "en", unit)} to date${shareText("en")}.`,
      });
    });
}

export const measureChecks = [unknownDivisions, unknownAccounts, noLinks, startMonths, duplicateIds, unknownProgrammes, programmeSums, measuresBehind] as const;
