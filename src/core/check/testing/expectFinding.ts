/** Assertions the checks' tests share: one finding of a rule, where it points, and figures in both languages. */
import { formatNumber } from "../../format";
import type { Finding, Severity } from "../../types";
import type { CheckInput } from "../input";
import type { WorkbookModel } from "../../types";

export function inputOf(model: WorkbookModel, extra: Partial<Omit<CheckInput, "model">> = {}): CheckInput {
  return { model, measures: extra.measures ?? [], hiredStaff: extra.hiredStaff ?? [] };
}

export function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/**
 * Exactly one finding of `rule`, with this severity, sheet and cell; each figure appears
 * in the Swedish message as Swedish writes it and in the English one as English does.
 */
export function expectOne(
  findings: readonly Finding[],
  expected: { rule: string; severity: Severity; sheet: string; cell: string; figures?: readonly number[]; words?: { sv?: readonly string[]; en?: readonly string[] } },
): Finding {
  const hits = ofRule(findings, expected.rule);
  expect(hits).toHaveLength(1);
  const [f] = hits;
  expect({ severity: f.severity, sheet: f.sheet, cell: f.cell }).toEqual({ severity: expected.severity, sheet: expected.sheet, cell: expected.cell });
  expectFigures(f, expected.figures ?? []);
  for (const word of expected.words?.sv ?? []) expect(f.message.sv).toContain(word);
  for (const word of expected.words?.en ?? []) expect(f.message.en).toContain(word);
  return f;
}

export function expectFigures(f: Finding, figures: readonly number[]): void {
  for (const x of figures) {
    expect(f.message.sv).toContain(formatNumber(x, "sv", 2));
    expect(f.message.en).toContain(formatNumber(x, "en", 2));
  }
  expect(f.message.sv).not.toEqual(f.message.en);
}
