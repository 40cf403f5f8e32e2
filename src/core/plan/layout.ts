/** Every summary sheet has the same top: title, scope, two method lines, a blank row; its table header follows. */
export const TITLE_ROWS = 5;

/**
 * The Excel serial of the first day of a month, so month columns sort, filter and
 * compare as dates (`yyyy-mm` format). 1904-system workbooks count 1462 days less.
 */
export function monthSerial(year: number, month: number, date1904: boolean): number {
  const days = Math.round((Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86400000);
  return date1904 ? days - 1462 : days;
}
