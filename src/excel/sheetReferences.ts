/**
 * Sheet references in formula text. Balans builds its new sheets under temporary names
 * and renames them at the end, so a formula written before the rename must point at the
 * temporary sheet: Excel binds a reference to the sheet, not to its name, and rewrites it
 * when the sheet is renamed. Pointing it at the final name instead would bind it to the
 * old result (about to be deleted) or to a user's sheet of that name.
 */

const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/**
 * Replaces references to the sheets in `targets` (keyed by lower-case name) with
 * references to their new names. Quoted (`'Balans avvikelse'!B2`) and plain (`Jan!B2`)
 * references are recognised; string literals (`"…"`) are left alone.
 */
export function retargetSheetReferences(formula: string, targets: ReadonlyMap<string, string>): string {
  if (targets.size === 0 || !formula.includes("!")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === "'") {
      const end = closingQuote(formula, i, "'");
      if (formula[end + 1] === "!") {
        const name = formula.slice(i + 1, end).replace(/''/g, "'");
        const target = targets.get(name.toLowerCase());
        out += target === undefined ? formula.slice(i, end + 2) : `${quoteName(target)}!`;
        i = end + 2;
        continue;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (NAME_CHAR.test(ch) && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      let end = i;
      while (end < formula.length && NAME_CHAR.test(formula[end])) end++;
      const word = formula.slice(i, end);
      const target = formula[end] === "!" ? targets.get(word.toLowerCase()) : undefined;
      out += target === undefined ? word : quoteName(target);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Index of the quote that closes the one at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === quote && text[j + 1] === quote) j += 2;
    else if (text[j] === quote) return j;
    else j++;
  }
  return text.length - 1;
}

function quoteName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
