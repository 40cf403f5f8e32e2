import type { Analysis } from "../core/engine";
import { formatNumber, formatPercent } from "../core/format";
import type { KeyFigures } from "../core/keyFigures";
import type { Language } from "../core/types";

/** What the command line prints without --json: the counts, the key figures and the first errors. */
export function summaryText(analysis: Analysis, figures: KeyFigures, language: Language): string {
  const n = (x: number) => formatNumber(x, language, 0);
  const unit = analysis.model.unit;
  const sv = language === "sv";
  const lines = [
    `${analysis.model.workbook}: ${sv ? "rapporter t.o.m." : "reports through"} ${figures.month} (${unit})`,
    sv
      ? `Iakttagelser: ${figures.counts.error} fel, ${figures.counts.warning} varningar, ${figures.counts.info} info`
      : `Findings: ${figures.counts.error} errors, ${figures.counts.warning} warnings, ${figures.counts.info} info`,
    sv
      ? `Avvikelse ack: ${n(figures.varianceYtd)} (budget ${n(figures.budgetYtd)}, utfall ${n(figures.actualYtd)}; positivt = bättre än budget)`
      : `Variance YTD: ${n(figures.varianceYtd)} (budget ${n(figures.budgetYtd)}, actual ${n(figures.actualYtd)}; positive = better than budget)`,
    sv
      ? `Åtgärder: realiserat ${n(figures.realisedYtd)} av planerat ${n(figures.plannedYtd)} hittills`
      : `Measures: realised ${n(figures.realisedYtd)} of planned ${n(figures.plannedYtd)} to date`,
    sv
      ? `Hyrpersonal: ${formatPercent(figures.hiredShare, language)} av ${figures.hiredShareDenominator === "ownStaff" ? "egna" : "alla"} personalkostnader (mål ${formatPercent(figures.hiredShareTarget, language)})`
      : `Hired staff: ${formatPercent(figures.hiredShare, language)} of ${figures.hiredShareDenominator === "ownStaff" ? "own" : "all"} personnel costs (target ${formatPercent(figures.hiredShareTarget, language)})`,
  ];
  const errors = analysis.findings.filter((f) => f.severity === "error").slice(0, 10);
  for (const f of errors) lines.push(`  ${f.sheet}!${f.cell} [${f.rule}] ${f.message[language]}`);
  const more = figures.counts.error - errors.length;
  if (more > 0) lines.push(sv ? `  … och ${more} fel till` : `  … and ${more} more errors`);
  return lines.join("\n");
}
