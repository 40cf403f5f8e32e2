/**
 * The checks over the reader's model: each a pure function `(input) => Finding[]` with
 * a stable rule code from `src/core/rules.ts`, grouped one module per kind. Every check
 * is linear (or n log n) in the number of rows: a workbook may hold 600 000 of them.
 */
import type { Finding } from "../types";
import { arithmeticChecks } from "./arithmetic";
import { hiredStaffChecks } from "./hiredStaff";
import type { Check, CheckInput } from "./input";
import { masterDataChecks } from "./masterData";
import { measureChecks } from "./measures";
import { plausibilityChecks } from "./plausibility";
import { structureChecks } from "./structure";
import { unitChecks } from "./units";

export type { Check, CheckInput } from "./input";

export const ALL_CHECKS: readonly Check[] = [
  ...structureChecks,
  ...masterDataChecks,
  ...unitChecks,
  ...arithmeticChecks,
  ...plausibilityChecks,
  ...measureChecks,
  ...hiredStaffChecks,
];

/** All checks' findings, in check order (the engine sorts findings for display). */
export function runChecks(input: CheckInput): Finding[] {
  return ALL_CHECKS.flatMap((check) => check(input));
}
