/**
 * The realistic sample workbook for one fictional region, as data. Pure: the same options
 * give the same workbook, cell for cell. writeWorkbook.ts writes it to .xlsx; main.ts is
 * the command line.
 */
import { RULES } from "../../src/core/rules";
import { DIVISIONS, MEASURES, PROGRAMME_HIRED, PROGRAMMES, REGION, YEAR } from "./catalogue";
import { chooseComments, COMMENT_THRESHOLD_SHARE, COMMENT_THRESHOLD_TENTHS } from "./comments";
import { swedishAmountText } from "./amountText";
import type { PlantedProblem, SampleSheet, SampleWorkbook } from "./description";
import { buildLedger, LEDGER_PARAMETERS, TENTHS } from "./ledger";
import { choosePlants, NO_PLANTS, PLANT_MONTHS, TOTAL_OFF_TENTHS } from "./plant";
import { randomStream } from "./prng";
import {
  LEDGER_SHEET,
  ledgerCell,
  ledgerSheet,
  ledgerSheetRow,
  MEASURES_SHEET,
  measureRow,
  measuresSheet,
  monthCell,
  monthSheet,
  monthSheetName,
  monthSheetRow,
  PROGRAMME_SHEET,
  programmeRow,
  programmeSheet,
  readmeSheet,
  settingsSheet,
  totalsRow,
  type RenderContext,
} from "./sheets";

export type { PlantedProblem, SampleRow, SampleSheet, SampleValue, SampleWorkbook } from "./description";

export interface GenerateOptions {
  readonly seed: number;
  /** Detail rows per month; scales the number of cost centres. Default: the region's 40 cost centres (about 880 rows). */
  readonly rowsPerMonth?: number;
  /** Months January.. (1–12). Default 10: January–October, June's sheet missing when planting. */
  readonly months?: number;
  readonly plantProblems: boolean;
  /** `month`: one sheet per month with totals rows; `ledger`: one `Huvudbok 2024` sheet with a period column. */
  readonly shape?: "month" | "ledger";
}

/** The committed sample (`samples/region-mittland-2024.xlsx`). */
export const SAMPLE_OPTIONS: GenerateOptions = { seed: 2024, plantProblems: true };
export const DEFAULT_MONTHS = 10;
const CREATED = new Date(Date.UTC(2024, 10, 12, 7, 30, 0));
const tkrText = (tkr: number) => `${swedishAmountText(Math.round(tkr * TENTHS), { thousands: " ", decimals: 0, negative: "hyphen" })} tkr`;

export function generateRegion(options: GenerateOptions): SampleWorkbook {
  const months = options.months ?? DEFAULT_MONTHS;
  const shape = options.shape ?? "month";
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new RangeError(`months must be 1–12, not ${months}`);
  if (options.rowsPerMonth !== undefined && !(Number.isInteger(options.rowsPerMonth) && options.rowsPerMonth > 0)) {
    throw new RangeError(`rowsPerMonth must be a positive integer, not ${options.rowsPerMonth}`);
  }

  const ledger = buildLedger(options.seed, options.rowsPerMonth);
  const plants = options.plantProblems ? choosePlants(ledger, months, shape, randomStream(options.seed, 4)) : NO_PLANTS;
  const written = Array.from({ length: months }, (_, i) => i + 1).filter((m) => m !== plants.missingMonth);
  const avoid = new Set<number>([...plants.textNumbers.map((p) => p.key), plants.errorKey ?? -1, plants.duplicateKey ?? -1]);
  const comments = chooseComments(ledger, written, options.plantProblems, avoid, randomStream(options.seed, 5));
  const ctx: RenderContext = { ledger, plants, comments };

  const reports: SampleSheet[] = shape === "month" ? written.map((m) => monthSheet(ctx, m)) : [ledgerSheet(ctx, months)];
  const sheets = [readmeSheet(), ...reports, measuresSheet(), programmeSheet(), settingsSheet()];

  return {
    title: `${REGION} – månadsrapporter ${YEAR}`,
    created: CREATED,
    sheets,
    planted: options.plantProblems ? plantedList(ctx, shape) : [],
    commentsLeftOut: comments.leftOut.map((at) => commentLeftOut(ctx, shape, at)),
    parameters: {
      region: REGION,
      year: YEAR,
      seed: options.seed,
      shape,
      months,
      rowsPerMonth: options.rowsPerMonth ?? null,
      detailRowsPerMonth: ledger.keys.length,
      costCentres: DIVISIONS.map((d, i) => ({
        division: d.name,
        count: ledger.costCentres.filter((c) => c.division === i).length,
      })),
      plantProblems: options.plantProblems,
      amounts: "tkr, costs positive, income negative, at most one decimal",
      divisions: DIVISIONS.map((d) => ({
        name: d.name,
        priorYearCostTkr: d.annualCost,
        ownStaffShareOfCost: d.ownStaffShare,
        priorYearHiredShareOfCost: d.hired,
        incomeShareOfCost: d.income,
      })),
      growthAndNoise: LEDGER_PARAMETERS,
      measureEffect:
        "On the rows a measure touches (its division × its accounts): actual = prior year × (1 + measureRowGrowth) × (1 ± measureRowNoise) − planned monthly effect × achievement, spread over the rows by their prior-year amounts of the month. Planned monthly effect = the phasing columns where given, else planned annual / 12 from the start month. Budgets already include the planned effect.",
      achievementFactors: Object.fromEntries(MEASURES.map((m) => [m.id, m.achievement])),
      achievementNote:
        "Intent, not exact truth: growth and noise on the touched rows blur it, and the realised effect depends on the baseline the engine chooses. null = no effect in the data (not started in the reported months, or a division the reports do not have).",
      commentThreshold: { tkr: COMMENT_THRESHOLD_TENTHS / TENTHS, share: COMMENT_THRESHOLD_SHARE },
    },
  };
}

function plantedList(ctx: RenderContext, shape: "month" | "ledger"): PlantedProblem[] {
  const { ledger, plants } = ctx;
  const out: PlantedProblem[] = [];
  const where = (key: number, month: number, field: "Budget månad" | "Utfall månad" | "Konto", second = false) => {
    if (shape === "month") {
      const row = monthSheetRow(ctx, key, month) + (second ? 1 : 0);
      return { sheet: monthSheetName(month), cell: monthCell(field, row) };
    }
    const row = ledgerSheetRow(ctx, key, month) + (second ? 1 : 0);
    return { sheet: LEDGER_SHEET, cell: ledgerCell(field, row) };
  };
  const label = (key: number) => {
    const k = ledger.keys[key];
    return `${ledger.costCentres[k.costCentre].name} ${k.account.number} ${k.account.name}`;
  };

  for (const p of plants.textNumbers) {
    out.push({
      rule: RULES.textNumber.code,
      ...where(p.key, p.month, "Utfall månad"),
      description: `Utfall månad of ${label(p.key)} is the text "${p.text}": ${p.what}. It means ${ledger.actual[p.key * 12 + p.month - 1] / TENTHS}, which the totals include.`,
    });
  }
  if (plants.errorKey !== null) {
    out.push({
      rule: RULES.errorValue.code,
      ...where(plants.errorKey, PLANT_MONTHS.error, "Budget månad"),
      description: `Budget månad of ${label(plants.errorKey)} is the error value #REF!; the totals row includes the budget it had.`,
    });
  }
  if (plants.totalOffDivision !== null) {
    const division = ledger.divisions[plants.totalOffDivision].name;
    out.push({
      rule: RULES.totalMismatch.code,
      sheet: monthSheetName(PLANT_MONTHS.totalOff),
      cell: monthCell("Utfall månad", totalsRow(ctx, plants.totalOffDivision, PLANT_MONTHS.totalOff)),
      description: `Summa ${division}, Utfall månad, is ${tkrText(TOTAL_OFF_TENTHS / TENTHS)} more than its detail rows. Totalt ${REGION} is the true sum of the detail rows.`,
    });
  }
  if (plants.duplicateKey !== null) {
    out.push({
      rule: RULES.duplicateRow.code,
      ...where(plants.duplicateKey, PLANT_MONTHS.duplicate, "Konto", true),
      description: `The row ${label(plants.duplicateKey)} is written twice, the copy directly below; the totals include both copies.`,
    });
  }
  if (plants.missingMonth !== null) {
    out.push({
      rule: RULES.monthMissing.code,
      sheet: monthSheetName(plants.missingMonth + 1),
      cell: "A1",
      description: `There is no sheet for ${monthSheetName(plants.missingMonth)}; the months around it exist, and their year-to-date columns include its amounts.`,
    });
  }
  const hab = MEASURES.find((m) => !DIVISIONS.some((d) => d.name === m.division));
  if (hab) {
    out.push({
      rule: RULES.measureUnknownDivision.code,
      sheet: MEASURES_SHEET,
      cell: `C${measureRow(hab.id)}`,
      description: `Measure ${hab.id} is on the division ${hab.division}, which no report sheet has.`,
    });
  }
  const hiredSum = MEASURES.filter((m) => m.programme === PROGRAMME_HIRED).reduce((s, m) => s + m.plannedAnnual, 0);
  const target = PROGRAMMES.find((p) => p.name === PROGRAMME_HIRED)?.target ?? 0;
  out.push({
    rule: RULES.programmeSum.code,
    sheet: PROGRAMME_SHEET,
    cell: `B${programmeRow(PROGRAMME_HIRED)}`,
    description: `The measures of ${PROGRAMME_HIRED} add up to ${tkrText(hiredSum)}, not its target ${tkrText(target)}.`,
  });
  return out;
}

function commentLeftOut(ctx: RenderContext, shape: "month" | "ledger", at: number): PlantedProblem {
  const key = Math.floor(at / 12);
  const month = (at % 12) + 1;
  const { ledger } = ctx;
  const k = ledger.keys[key];
  const variance = (ledger.actual[at] - ledger.budget[at]) / TENTHS;
  const place =
    shape === "month"
      ? { sheet: monthSheetName(month), cell: monthCell("Kommentar", monthSheetRow(ctx, key, month)) }
      : { sheet: LEDGER_SHEET, cell: ledgerCell("Kommentar", ledgerSheetRow(ctx, key, month)) };
  return {
    rule: RULES.commentMissing.code,
    ...place,
    description: `${ledger.costCentres[k.costCentre].name} ${k.account.number} ${k.account.name}: variance ${variance.toFixed(1)} tkr against a budget of ${(ledger.budget[at] / TENTHS).toFixed(1)} tkr, no comment.`,
  };
}
