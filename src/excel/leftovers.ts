/**
 * Sheets left half-built by a write that could not finish. The adapter builds each new
 * summary sheet under a temporary name (`Balans~1`, …) with a hidden sheet-scoped name
 * `BalansBuilding`, and removes that name when it gives the sheet its final name. If the
 * connection to Excel drops in between, the rollback cannot run and the half-built sheet
 * stays: a sheet with a temporary name that still carries the building mark is such a
 * leftover. Reading leaves it out of the snapshot (its content is nobody's data) and the
 * next write deletes it. A user's own sheet can look like neither: it would need both
 * the temporary name and the hidden name.
 */
export const BUILDING_NAME = "BalansBuilding";

export const BUILDING_MARK = '="balans:building"';

const TEMPORARY = /^Balans~\d+$/i;

/** A name the adapter builds sheets under. */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}
