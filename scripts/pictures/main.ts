import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runBalans } from "../../src/core/engine";
import { absoluteRangeA1 } from "../../src/core/address";
import type { Language, OwnedSheetKind, SheetPlan } from "../../src/core/types";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { applyPlanToXlsx } from "../../src/xlsx/writeXlsx";
import { ensureLibreOffice, pdfToPng, toPdf } from "../../test/support/libreoffice";
import { onlySheetVisible } from "./onlySheet";

/**
 * `npm run pictures`: runs Balans on the bundled sample and renders the first page of
 * each summary sheet to docs/pictures/<kind>-<language>.png through LibreOffice, the way
 * a division head without the add-in sees them. The README shows these pictures.
 */
const ROOT = resolve(__dirname, "..", "..", "..");
const SAMPLE = join(ROOT, "samples", "region-mittland-2024.xlsx");
const OUT = join(ROOT, "docs", "pictures");
const KINDS: readonly OwnedSheetKind[] = ["variance", "variance-detail", "measures", "hired-staff", "findings"];

/** The top of the sheet as a screen shows it: the first 40 rows, every column with content or a chart. */
function pictureArea(sheet: SheetPlan): string {
  let right = 0;
  let bottom = 0;
  for (const block of sheet.blocks) {
    bottom = Math.max(bottom, block.top + block.cells.length - 1);
    for (const row of block.cells) right = Math.max(right, block.left + row.length - 1);
  }
  for (const chart of sheet.charts) {
    right = Math.max(right, chart.anchor.right);
    bottom = Math.max(bottom, chart.anchor.bottom);
  }
  return absoluteRangeA1(0, 0, Math.min(bottom, 40), right);
}

async function main(): Promise<void> {
  if (!ensureLibreOffice()) throw new Error("LibreOffice is needed: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
  const languages: Language[] = process.argv.includes("--en-only") ? ["en"] : process.argv.includes("--sv-only") ? ["sv"] : ["sv", "en"];
  const work = join(ROOT, "test-output", "pictures");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  const input = new Uint8Array(readFileSync(SAMPLE));
  for (const language of languages) {
    const { plan } = runBalans(readXlsx(input, { name: "region-mittland-2024.xlsx" }), { language, today: { year: 2026, month: 11 } });
    const result = applyPlanToXlsx(input, plan);
    for (const kind of KINDS) {
      const sheet = plan.sheets.find((s) => s.kind === kind);
      if (!sheet) continue;
      const file = join(work, `${kind}-${language}.xlsx`);
      writeFileSync(file, onlySheetVisible(result, sheet.name, pictureArea(sheet)));
      const pdf = await toPdf(file, work);
      const [first] = pdfToPng(pdf, join(work, `${kind}-${language}`), 130);
      const target = join(OUT, `${kind}-${language}.png`);
      renameSync(first, target);
      process.stdout.write(`${target}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`pictures: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
