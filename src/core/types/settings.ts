/** The unit amounts are given in. */
export type Unit = "kr" | "tkr" | "mnkr";

/**
 * Balans's classification of an account, from the settings' account lists.
 * `ownStaff` + the three hired classes are personnel costs.
 */
export type AccountClass =
  | "ownStaff" // egen personal
  | "hiredDoctors" // inhyrda läkare
  | "hiredNurses" // inhyrda sjuksköterskor
  | "hiredOther" // övrig inhyrd personal
  | "consultants" // konsulter
  | "income" // intäkter
  | "otherCost"; // övriga kostnader

/** One rule that puts an account in a class: a number range or a word in the account name. */
export type AccountRule =
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "name"; readonly contains: string };

export interface StatusThresholds {
  /** Realised / planned to date at or above this is green (default 0.9). */
  readonly green: number;
  /** At or above this (and below green) is yellow, below it red (default 0.5). */
  readonly yellow: number;
}

export interface Settings {
  /** null: take the unit from headers, else tkr. */
  readonly unit: Unit | null;
  /** How costs are signed in the source; `auto` decides from the data. */
  readonly costSign: "positive" | "negative" | "auto";
  /** The report year; null: from sheet names or periods. */
  readonly year: number | null;
  /** Rules per class, tried in the order of `CLASS_ORDER`; the first match wins. */
  readonly accounts: Readonly<Record<Exclude<AccountClass, "otherCost">, readonly AccountRule[]>>;
  /** Hired-staff cost as a share of the denominator, default 0.02. */
  readonly hiredShareTarget: number;
  /** `ownStaff`: own personnel costs (default); `allStaff`: own plus hired. */
  readonly hiredShareDenominator: "ownStaff" | "allStaff";
  readonly statusThresholds: StatusThresholds;
  /** A variance larger than this (absolute, workbook unit) needs a comment. */
  readonly commentThresholdAmount: number;
  /** … and larger than this share of the budget (0.1 = 10 %). */
  readonly commentThresholdShare: number;
  /** A month more than this share above or below the account's run rate is a jump (0.5 = 50 %). */
  readonly jumpShare: number;
  /** … and at least this amount (workbook unit), so small accounts do not flood the list. */
  readonly jumpMinAmount: number;
}
