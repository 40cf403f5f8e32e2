/**
 * Functions newer than Excel 2007 are stored in files with a `_xlfn.` prefix; Excel shows
 * `#NAME?` for an unprefixed one until the cell is edited. The core writes formulas as a
 * user would type them, so the prefix is added here. (Dynamic-array functions such as
 * FILTER need more than a prefix and are deliberately not in this list.)
 */
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "NETWORKDAYS.INTL",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "QUARTILE.INC",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "VAR.P",
  "VAR.S",
  "WORKDAY.INTL",
  "XLOOKUP",
  "XMATCH",
]);

/** Adds `_xlfn.` to calls of post-2007 functions, leaving string literals and quoted sheet names alone. */
export function prefixFutureFunctions(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a string literal or a quoted sheet name; a doubled quote is an escaped one
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i, i + 64));
    if (m) {
      const name = m[0];
      const before = out[out.length - 1];
      const isCall = formula[i + name.length] === "(";
      const qualified = before === "." || /_xlfn\.$/i.test(out);
      out += isCall && !qualified && FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : name;
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
