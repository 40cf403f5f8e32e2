import { monthKey } from "../format";
import type { AccountClass, HiredStaffRow, Profession, WorkbookModel } from "../types";
import { REGION_TOTAL } from "../types";
import { ACCOUNT_CLASSES, AMOUNT_INDEX, rowIndex } from "../check/rowIndex";
import { orZero } from "./groups";
import { round6 } from "./variance";

export const PROFESSIONS: readonly Profession[] = ["doctors", "nurses", "other", "all"];

export const PROFESSION_OF: Readonly<Partial<Record<AccountClass, Exclude<Profession, "all">>>> = {
  hiredDoctors: "doctors",
  hiredNurses: "nurses",
  hiredOther: "other",
};

interface MonthSums {
  /** Hired-staff cost per profession, index as in PROFESSIONS (3 = all). */
  hired: number[];
  hiredPriorYear: number[];
  ownStaff: number;
}

const empty = (): MonthSums => ({ hired: [0, 0, 0, 0], hiredPriorYear: [0, 0, 0, 0], ownStaff: 0 });

// Accumulators per division slot and month: own staff, hired per profession, hired prior year per profession.
const OWN = 0;
const HIRED = 1;
const HIRED_PRIOR = 5;
const SLOT = 9;
const OWN_CLASS = ACCOUNT_CLASSES.indexOf("ownStaff");
/** Row index class → profession index (0–2), -1 for classes that are not hired staff. */
const PROFESSION_OF_CLASS = ACCOUNT_CLASSES.map((cls) => (PROFESSION_OF[cls] ? PROFESSIONS.indexOf(PROFESSION_OF[cls] as Profession) : -1));

/**
 * Hired-staff cost per division, profession and month, with year to date, own
 * personnel cost and the share against the target. The share's denominator is own
 * personnel costs, or own plus hired when the settings say so. A region total per
 * month and profession comes last (division `Region`).
 */
export function hiredStaffRows(model: WorkbookModel): HiredStaffRow[] {
  const index = rowIndex(model);
  const divisions = index.divisionTexts;
  // The region's slot is its own, unless a division is called `Region`: then they share one, as they share a name.
  const named = divisions.indexOf(REGION_TOTAL);
  const regionSlot = named >= 0 ? named : divisions.length;
  const slots = divisions.length + 1;
  const acc = new Float64Array(slots * 13 * SLOT);
  const actual = index.amounts[AMOUNT_INDEX.actual];
  const priorYear = index.amounts[AMOUNT_INDEX.priorYear];
  for (let i = 0; i < index.classes.length; i++) {
    const cls = index.classes[i];
    const p = PROFESSION_OF_CLASS[cls];
    if (cls !== OWN_CLASS && p < 0) continue;
    const month = index.months[i];
    const a = orZero(actual[i]);
    for (const slot of [index.divisionTextIds[i], regionSlot]) {
      const at = (slot * 13 + month) * SLOT;
      if (cls === OWN_CLASS) {
        acc[at + OWN] += a;
      } else {
        const prior = orZero(priorYear[i]);
        acc[at + HIRED + p] += a;
        acc[at + HIRED_PRIOR + p] += prior;
        acc[at + HIRED + 3] += a;
        acc[at + HIRED_PRIOR + 3] += prior;
      }
    }
  }
  const slotOf = new Map<string, number>(divisions.map((d, i) => [d, i]));
  slotOf.set(REGION_TOTAL, regionSlot);
  const sumsOf = (division: string, month: number): MonthSums => {
    const at = ((slotOf.get(division) as number) * 13 + month) * SLOT;
    return {
      ownStaff: acc[at + OWN],
      hired: [acc[at + HIRED], acc[at + HIRED + 1], acc[at + HIRED + 2], acc[at + HIRED + 3]],
      hiredPriorYear: [acc[at + HIRED_PRIOR], acc[at + HIRED_PRIOR + 1], acc[at + HIRED_PRIOR + 2], acc[at + HIRED_PRIOR + 3]],
    };
  };
  const allStaff = model.settings.hiredShareDenominator === "allStaff";
  const result: HiredStaffRow[] = [];
  for (const division of [...divisions.filter((d) => d !== REGION_TOTAL), REGION_TOTAL]) {
    const ytd = empty();
    for (const month of model.months) {
      const s = sumsOf(division, month);
      ytd.ownStaff += s.ownStaff;
      for (let i = 0; i < 4; i++) {
        ytd.hired[i] += s.hired[i];
        ytd.hiredPriorYear[i] += s.hiredPriorYear[i];
      }
      const denominator = ytd.ownStaff + (allStaff ? ytd.hired[3] : 0);
      PROFESSIONS.forEach((profession, i) => {
        result.push({
          division,
          profession,
          month: monthKey(model.year, month),
          cost: round6(s.hired[i]),
          costYtd: round6(ytd.hired[i]),
          ownStaffCostYtd: round6(ytd.ownStaff),
          share: denominator !== 0 ? round6(ytd.hired[i] / denominator) : 0,
          priorYearCostYtd: round6(ytd.hiredPriorYear[i]),
        });
      });
    }
  }
  // Months first (latest last), then divisions with the region last: the order the sheet and JSON use.
  const monthRank = new Map(model.months.map((m, i) => [monthKey(model.year, m), i]));
  const divisionRank = new Map([...divisions.filter((d) => d !== REGION_TOTAL), REGION_TOTAL].map((d, i) => [d, i]));
  return result.sort(
    (a, b) =>
      (monthRank.get(a.month) ?? 0) - (monthRank.get(b.month) ?? 0) ||
      (divisionRank.get(a.division) ?? 0) - (divisionRank.get(b.division) ?? 0) ||
      PROFESSIONS.indexOf(a.profession) - PROFESSIONS.indexOf(b.profession),
  );
}
