import type { AccountClass, AccountRule, Settings } from "../types";
import { foldWords } from "./text";

/** The order classes are tried in: the narrow hired-staff classes before the wide ones. */
export const CLASS_ORDER: readonly Exclude<AccountClass, "otherCost">[] = [
  "hiredDoctors",
  "hiredNurses",
  "hiredOther",
  "consultants",
  "ownStaff",
  "income",
];

/** Category labels for workbooks without a category column (Swedish: they sit beside Swedish data). */
export const CLASS_LABELS: Readonly<Record<AccountClass, string>> = {
  ownStaff: "Personalkostnader",
  hiredDoctors: "Inhyrd personal",
  hiredNurses: "Inhyrd personal",
  hiredOther: "Inhyrd personal",
  consultants: "Konsulter",
  income: "Intäkter",
  otherCost: "Övriga kostnader",
};

export const HIRED_CLASSES: ReadonlySet<AccountClass> = new Set(["hiredDoctors", "hiredNurses", "hiredOther"]);

/** The leading account number of `6810` or `6810 Inhyrda läkare`; NaN when there is none. */
export function accountNumber(account: string): number {
  const match = /^\s*(\d{1,10})(?:[.,]0+)?(?!\d)/.exec(account);
  return match ? Number(match[1]) : NaN;
}

/**
 * Classifies accounts by the settings: number ranges of every class first (in
 * `CLASS_ORDER`), then words in the account name. Results are cached per account,
 * since a workbook repeats the same few hundred accounts on every row.
 */
export function createClassifier(settings: Settings): (account: string, accountName: string) => AccountClass {
  const cache = new Map<string, Map<string, AccountClass>>();
  const rules = CLASS_ORDER.map((cls) => ({
    cls,
    ranges: settings.accounts[cls].filter((r): r is Extract<AccountRule, { kind: "range" }> => r.kind === "range"),
    words: settings.accounts[cls]
      .filter((r): r is Extract<AccountRule, { kind: "name" }> => r.kind === "name")
      .map((r) => foldWords(r.contains)),
  }));
  // The last pair asked: a report lists an account's rows one after another often enough.
  let lastAccount: string | undefined;
  let lastName: string | undefined;
  let lastClass: AccountClass = "otherCost";
  return (account, accountName) => {
    if (account === lastAccount && accountName === lastName) return lastClass;
    lastAccount = account;
    lastName = accountName;
    let byName = cache.get(account);
    if (!byName) cache.set(account, (byName = new Map()));
    const cached = byName.get(accountName);
    if (cached !== undefined) return (lastClass = cached);
    let result: AccountClass = "otherCost";
    const number = accountNumber(account);
    const byNumber = Number.isNaN(number) ? undefined : rules.find((r) => r.ranges.some((range) => number >= range.from && number <= range.to));
    if (byNumber) {
      result = byNumber.cls;
    } else {
      const name = ` ${foldWords(`${accountName} ${Number.isNaN(number) ? account : ""}`)} `;
      const byName = rules.find((r) => r.words.some((w) => w !== "" && name.includes(` ${w}`)));
      if (byName) result = byName.cls;
    }
    byName.set(accountName, result);
    return (lastClass = result);
  };
}
