import { monthKey } from "../format";
import { HIRED_CLASSES } from "../read/classify";
import type { AccountClass, HiredStaffRow, Profession, WorkbookModel } from "../types";
import { REGION_TOTAL } from "../types";
import { groupOrder, round6, SEP } from "./variance";

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

/**
 * Hired-staff cost per division, profession and month, with year to date, own
 * personnel cost and the share against the target. The share's denominator is own
 * personnel costs, or own plus hired when the settings say so. A region total per
 * month and profession comes last (division `Region`).
 */
export function hiredStaffRows(model: WorkbookModel): HiredStaffRow[] {
  const divisions = groupOrder(model.rows, (r) => r.division);
  const sums = new Map<string, MonthSums>();
  const at = (division: string, month: number) => {
    const key = `${division}${SEP}${month}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = empty()));
    return s;
  };
  for (const row of model.rows) {
    const cls = row.accountClass;
    if (cls !== "ownStaff" && !HIRED_CLASSES.has(cls)) continue;
    for (const s of [at(row.division, row.month), at(REGION_TOTAL, row.month)]) {
      if (cls === "ownStaff") {
        s.ownStaff += row.amounts.actual ?? 0;
      } else {
        const p = PROFESSIONS.indexOf(PROFESSION_OF[cls] as Profession);
        for (const i of [p, 3]) {
          s.hired[i] += row.amounts.actual ?? 0;
          s.hiredPriorYear[i] += row.amounts.priorYear ?? 0;
        }
      }
    }
  }
  const allStaff = model.settings.hiredShareDenominator === "allStaff";
  const result: HiredStaffRow[] = [];
  for (const division of [...divisions.filter((d) => d !== REGION_TOTAL), REGION_TOTAL]) {
    const ytd = empty();
    for (const month of model.months) {
      const s = sums.get(`${division}${SEP}${month}`) ?? empty();
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
