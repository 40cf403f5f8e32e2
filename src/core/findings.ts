import { columnIndex } from "./address";
import type { Rule } from "./rules";
import type { Finding, Message, Severity } from "./types";
import { SEVERITY_ORDER } from "./types";

export function finding(rule: Rule, sheet: string, cell: string, message: Message, severity: Severity = rule.severity): Finding {
  return { severity, rule: rule.code, sheet, cell, message };
}

/** Orders an address like `B10` after `B9` (row, then column), ranges by their first cell. */
function cellOrder(cell: string): [number, number] {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(cell);
  if (!match) return [-1, -1];
  return [Number(match[2]), columnIndex(match[1])];
}

/** Errors first, then warnings, then info; within a severity by sheet order given, then row, then column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const sheetRank = new Map(sheetOrder.map((name, i) => [name, i]));
  const rank = (name: string) => sheetRank.get(name) ?? sheetOrder.length;
  return findings
    .map((f, i) => ({ f, i, pos: cellOrder(f.cell) }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        rank(a.f.sheet) - rank(b.f.sheet) ||
        (a.f.sheet < b.f.sheet ? -1 : a.f.sheet > b.f.sheet ? 1 : 0) ||
        a.pos[0] - b.pos[0] ||
        a.pos[1] - b.pos[1] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
