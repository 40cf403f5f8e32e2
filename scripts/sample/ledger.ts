/**
 * The region's numbers before they become sheets: one key per (cost centre, account), and
 * per key and month the prior-year actual, the budget and this year's actual. Amounts are
 * integers in tenths of tkr, so sums are exact and every written amount has at most one
 * decimal; they are stored in typed arrays so 50 000 keys × 12 months stay small.
 */
import {
  ACCOUNTS,
  DIVISIONS,
  MEASURES,
  type AccountDef,
  type AccountKind,
  type CostCentreProfile,
  type DivisionDef,
  type MeasureDef,
} from "./catalogue";
import { randomStream, type Random } from "./prng";

export interface CostCentre {
  readonly division: number;
  readonly code: number;
  readonly name: string;
  readonly profile: CostCentreProfile;
}

export interface LedgerKey {
  readonly division: number;
  readonly costCentre: number;
  readonly account: AccountDef;
}

export interface Ledger {
  readonly divisions: readonly DivisionDef[];
  readonly costCentres: readonly CostCentre[];
  /** Sorted by division, cost centre, account: the order of the report rows. */
  readonly keys: readonly LedgerKey[];
  /** Index of the first key of each division, plus the key count at the end. */
  readonly divisionStarts: readonly number[];
  /** Tenths of tkr at `key * 12 + month0`. Costs positive, income negative. */
  readonly priorYear: Float64Array;
  readonly budget: Float64Array;
  readonly actual: Float64Array;
  /** The measure (index into MEASURES) whose rows a key is, or -1. */
  readonly measureOf: Int16Array;
  /** key * 12 + month0 of months with a one-off event (the reason a comment is due). */
  readonly events: ReadonlySet<number>;
}

export const TENTHS = 10;
const ROWS_MIN = 18;
const ROWS_MAX = 26;
/** Shares of the detail rows when a benchmark size is asked for: specialist care, primary care, psychiatry. */
const DIVISION_ROW_SHARES = [0.5, 0.3, 0.2];

/** Month weights (they sum to 12): staff low in July (vacation), hired staff high in summer. */
const SEASON: Readonly<Record<AccountKind, readonly number[]>> = normaliseSeasons({
  staff: [1.0, 0.98, 1.02, 1.0, 1.02, 1.08, 0.78, 0.92, 1.02, 1.03, 1.02, 1.13],
  hired: [1.0, 0.95, 1.0, 0.95, 1.0, 1.1, 1.3, 1.15, 0.95, 0.9, 0.85, 0.85],
  income: [1.02, 1.02, 1.05, 1.0, 1.02, 0.95, 0.7, 0.9, 1.05, 1.08, 1.06, 1.15],
  purchase: [1.0, 0.97, 1.05, 1.0, 1.02, 1.0, 0.82, 0.95, 1.05, 1.05, 1.02, 1.07],
  other: [0.9, 0.95, 1.05, 1.0, 1.0, 1.0, 0.8, 0.9, 1.05, 1.05, 1.05, 1.25],
  premises: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  depreciation: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
});

function normaliseSeasons(seasons: Record<AccountKind, number[]>): Record<AccountKind, number[]> {
  const out = {} as Record<AccountKind, number[]>;
  for (const kind of Object.keys(seasons) as AccountKind[]) {
    const sum = seasons[kind].reduce((a, b) => a + b, 0);
    out[kind] = seasons[kind].map((w) => (w * 12) / sum);
  }
  return out;
}

/** Growth and noise, written to the planted JSON as the generator's parameters. */
export const LEDGER_PARAMETERS = {
  priorYearNoise: 0.03,
  actualGrowth: 0.03,
  actualGrowthSpread: 0.015,
  actualNoise: 0.025,
  measureRowGrowth: 0.01,
  measureRowNoise: 0.005,
  budgetGrowth: 0.015,
  budgetGrowthSpread: 0.02,
  eventShareOfLargeRowMonths: 0.1,
  eventShareOfOtherRowMonths: 0.003,
  largeRowTkr: 1_800,
  seasons: SEASON,
} as const;

/** Planned effect of a measure per month (tkr), index 0 = January: its phasing, or even from the start month. */
export function plannedByMonth(measure: MeasureDef): number[] {
  if (measure.phasing) return [...measure.phasing];
  return Array.from({ length: 12 }, (_, m) => (m + 1 >= measure.startMonth ? measure.plannedAnnual / 12 : 0));
}

export function buildLedger(seed: number, rowsPerMonth?: number): Ledger {
  const structure = randomStream(seed, 1);
  const costCentres: CostCentre[] = [];
  const accountsOf: AccountDef[][] = [];
  for (let d = 0; d < DIVISIONS.length; d++) {
    const division = DIVISIONS[d];
    const base = division.costCentres;
    // The region's own list, or for a benchmark size as many as it takes to reach this
    // division's share of `rowsPerMonth`, named `Kirurgi 12`.
    const target = rowsPerMonth === undefined ? undefined : rowsPerMonth * DIVISION_ROW_SHARES[d];
    const profiles: CostCentreProfile[] = [];
    const lists: AccountDef[][] = [];
    let rows = 0;
    while (target === undefined ? profiles.length < base.length : profiles.length === 0 || rows + ROWS_MIN / 2 < target) {
      const i = profiles.length;
      const round = Math.floor(i / base.length);
      const profile = round === 0 ? base[i % base.length] : { ...base[i % base.length], name: `${base[i % base.length].name} ${round + 1}` };
      const accounts = chooseAccounts(division, profile, structure);
      profiles.push(profile);
      lists.push(accounts);
      rows += accounts.length;
    }
    ensureEveryAccountBooked(division, lists, structure);
    const codeStep = 10;
    const codeBase = division.codePrefix * 10 ** Math.max(3, String(profiles.length * codeStep).length);
    profiles.forEach((profile, i) => {
      costCentres.push({ division: d, code: codeBase + (i + 1) * codeStep, name: profile.name, profile });
      accountsOf.push(lists[i]);
    });
  }

  const keys: LedgerKey[] = [];
  const divisionStarts: number[] = [];
  costCentres.forEach((centre, c) => {
    if (divisionStarts.length === centre.division) divisionStarts.push(keys.length);
    for (const account of accountsOf[c]) keys.push({ division: centre.division, costCentre: c, account });
  });
  divisionStarts.push(keys.length);

  const measureOf = new Int16Array(keys.length).fill(-1);
  keys.forEach((key, k) => {
    const division = DIVISIONS[key.division].name;
    measureOf[k] = MEASURES.findIndex((m) => m.division === division && m.accounts.includes(key.account.number));
  });

  const priorYear = priorYearAmounts(keys, costCentres, randomStream(seed, 2));
  const { budget, actual, events } = thisYear(keys, priorYear, measureOf, randomStream(seed, 3));
  return { divisions: DIVISIONS, costCentres, keys, divisionStarts, priorYear, budget, actual, measureOf, events };
}

function weightOf(division: DivisionDef, account: number): number {
  return (
    division.staffWeights[account] ?? division.otherWeights[account] ?? division.hired[account] ?? division.income[account] ?? 0
  );
}

/** Accounts a cost centre books on: by its traits, by chance, then held to 18–26 rows. */
function chooseAccounts(division: DivisionDef, profile: CostCentreProfile, random: Random): AccountDef[] {
  const possible = ACCOUNTS.filter((a) => weightOf(division, a.number) > 0);
  const chosen = new Set<AccountDef>();
  for (const account of possible) {
    const hasTrait = account.trait !== undefined && profile.traits.includes(account.trait);
    if (hasTrait || random.chance(account.chance)) chosen.add(account);
  }
  // Fill up with ordinary accounts (never a hired-staff or purchased-care one: those follow traits).
  const fillers = possible.filter((a) => !chosen.has(a) && a.trait === undefined);
  while (chosen.size < ROWS_MIN && fillers.length > 0) chosen.add(fillers.splice(random.int(0, fillers.length - 1), 1)[0]);
  const droppable = [...chosen].filter((a) => a.chance < 1 && a.trait === undefined);
  while (chosen.size > ROWS_MAX && droppable.length > 0) chosen.delete(droppable.splice(random.int(0, droppable.length - 1), 1)[0]);
  return possible.filter((a) => chosen.has(a));
}

/** Every account the division has money on must appear on some cost centre, or its total would vanish. */
function ensureEveryAccountBooked(division: DivisionDef, lists: AccountDef[][], random: Random): void {
  for (const account of ACCOUNTS) {
    if (weightOf(division, account.number) <= 0) continue;
    if (lists.some((list) => list.includes(account))) continue;
    const list = lists[random.int(0, lists.length - 1)];
    list.push(account);
    list.sort((a, b) => a.number - b.number);
  }
}

/** The division's prior-year total on an account (tenths, income negative). */
function divisionAccountTotal(division: DivisionDef, account: AccountDef): number {
  const n = account.number;
  const cost = division.annualCost * TENTHS;
  if (account.kind === "income") return -cost * (division.income[n] ?? 0);
  if (account.kind === "hired") return cost * (division.hired[n] ?? 0);
  if (account.kind === "staff") return (cost * division.ownStaffShare * (division.staffWeights[n] ?? 0)) / sum(division.staffWeights);
  const hiredShare = sum(division.hired);
  return (cost * (1 - division.ownStaffShare - hiredShare) * (division.otherWeights[n] ?? 0)) / sum(division.otherWeights);
}

function sum(record: Readonly<Record<number, number>>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}

function priorYearAmounts(keys: readonly LedgerKey[], centres: readonly CostCentre[], random: Random): Float64Array {
  const size = centres.map(() => random.between(0.5, 1.8));
  const weight = keys.map((key) => {
    const division = DIVISIONS[key.division];
    const rural = centres[key.costCentre].profile.traits.includes("rural") && key.account.number === 6810;
    return size[key.costCentre] * random.between(0.7, 1.3) * (rural ? division.ruralHiredWeight : 1);
  });
  const weightSums = new Map<string, number>();
  keys.forEach((key, k) => {
    const id = `${key.division}:${key.account.number}`;
    weightSums.set(id, (weightSums.get(id) ?? 0) + weight[k]);
  });
  const out = new Float64Array(keys.length * 12);
  keys.forEach((key, k) => {
    const total = divisionAccountTotal(DIVISIONS[key.division], key.account);
    const annual = (total * weight[k]) / (weightSums.get(`${key.division}:${key.account.number}`) ?? 1);
    const season = SEASON[key.account.kind];
    for (let m = 0; m < 12; m++) {
      const noise = 1 + random.between(-LEDGER_PARAMETERS.priorYearNoise, LEDGER_PARAMETERS.priorYearNoise);
      out[k * 12 + m] = Math.round((annual / 12) * season[m] * noise);
    }
  });
  return out;
}

function thisYear(
  keys: readonly LedgerKey[],
  priorYear: Float64Array,
  measureOf: Int16Array,
  random: Random,
): { budget: Float64Array; actual: Float64Array; events: Set<number> } {
  const p = LEDGER_PARAMETERS;
  const n = keys.length;
  const annualPy = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let m = 0; m < 12; m++) annualPy[k] += priorYear[k * 12 + m];

  // Each measure's effect is spread over its rows in proportion to their prior-year amounts:
  // the budget by the annual amounts (a plan is smooth), the actual by the month's.
  const measureAnnual = new Float64Array(MEASURES.length);
  const measureMonth = new Float64Array(MEASURES.length * 12);
  for (let k = 0; k < n; k++) {
    const i = measureOf[k];
    if (i < 0) continue;
    measureAnnual[i] += annualPy[k];
    for (let m = 0; m < 12; m++) measureMonth[i * 12 + m] += priorYear[k * 12 + m];
  }
  const planned = MEASURES.map((measure) => plannedByMonth(measure).map((tkr) => tkr * TENTHS));

  const budget = new Float64Array(n * 12);
  const actual = new Float64Array(n * 12);
  const events = new Set<number>();
  const largeRow = p.largeRowTkr * TENTHS;
  for (let k = 0; k < n; k++) {
    const season = SEASON[keys[k].account.kind];
    const i = measureOf[k];
    const measure = i >= 0 ? MEASURES[i] : undefined;
    const budgetGrowth = 1 + p.budgetGrowth + random.between(-p.budgetGrowthSpread, p.budgetGrowthSpread);
    const growth = measure
      ? 1 + p.measureRowGrowth
      : 1 + p.actualGrowth + random.between(-p.actualGrowthSpread, p.actualGrowthSpread);
    for (let m = 0; m < 12; m++) {
      const at = k * 12 + m;
      const py = priorYear[at];
      let plannedShare = 0;
      let realised = 0;
      if (measure && i >= 0) {
        plannedShare = measureAnnual[i] !== 0 ? (planned[i][m] * annualPy[k]) / measureAnnual[i] : 0;
        const monthShare = measureMonth[i * 12 + m] !== 0 ? py / measureMonth[i * 12 + m] : 0;
        realised = planned[i][m] * (measure.achievement ?? 0) * monthShare;
      }
      budget[at] = Math.round((annualPy[k] / 12) * season[m] * budgetGrowth - plannedShare);
      const noiseBand = measure ? p.measureRowNoise : p.actualNoise;
      let value = py * growth * (1 + random.between(-noiseBand, noiseBand)) - realised;
      // A measure never takes a row below a twentieth of last year: someone still books there.
      if (measure && Math.abs(value) < Math.abs(py) * 0.05) value = py * 0.05;
      if (!measure) {
        const chance = Math.abs(py) >= largeRow ? p.eventShareOfLargeRowMonths : p.eventShareOfOtherRowMonths;
        if (random.chance(chance)) {
          const up = random.chance(0.7);
          value *= up ? 1 + random.between(0.2, 0.35) : 1 - random.between(0.18, 0.3);
          events.add(at);
        }
      }
      actual[at] = Math.round(value);
    }
  }
  return { budget, actual, events };
}

/** Sum of a key's amounts over months 1..month (1-based, inclusive). */
export function yearToDate(amounts: Float64Array, key: number, month: number): number {
  let total = 0;
  for (let m = 0; m < month; m++) total += amounts[key * 12 + m];
  return total;
}

/**
 * Full-year forecast as made after `month`: actual so far, budget for the rest, and half
 * the run-rate deviation so far carried forward (controllers are cautious).
 */
export function forecastAfter(ledger: Ledger, key: number, month: number): number {
  const actualYtd = yearToDate(ledger.actual, key, month);
  const budgetYtd = yearToDate(ledger.budget, key, month);
  const rest = yearToDate(ledger.budget, key, 12) - budgetYtd;
  const drift = month < 12 ? (0.5 * (actualYtd - budgetYtd) * (12 - month)) / month : 0;
  return Math.round(actualYtd + rest + drift);
}
