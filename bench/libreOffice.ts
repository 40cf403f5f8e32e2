/**
 * LibreOffice headless as the stand-in for the division head opening the workbook:
 * open it with every formula recalculated (forced through the profile, as in
 * test/support/libreoffice.ts) and export one sheet as CSV, which makes LibreOffice
 * load, calculate and hand over that sheet's values.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { ensureLibreOffice, parseCsv } from "../test/support/libreoffice";

export interface LibreOffice {
  /** Opens the file, recalculating, and returns the wall time and sheet `sheetNumber` (1-based) as CSV rows. */
  open(file: string, sheetNumber: number): { ms: number; rows: string[][] };
}

/** A warmed-up LibreOffice with its own recalculating profile, or null (with the reason) when there is none. */
export function libreOffice(workDir: string): LibreOffice | { missing: string } {
  const soffice = ensureLibreOffice();
  if (!soffice) return { missing: "LibreOffice is not installed and could not be installed (apt-get install libreoffice-calc-nogui)" };
  const profile = join(workDir, "lo-profile");
  const out = join(workDir, "lo-csv");
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(join(profile, "user"), { recursive: true });
  mkdirSync(out, { recursive: true });
  const item = (mode: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${mode}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  const open = (file: string, sheetNumber: number) => {
    const base = basename(file, extname(file));
    for (const f of readdirSync(out)) if (f.startsWith(base)) rmSync(join(out, f));
    const filter = `csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,${sheetNumber}`;
    const started = performance.now();
    const run = spawnSync(soffice, ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", out, file], {
      encoding: "utf8",
      env: { ...process.env, HOME: profile },
      timeout: 20 * 60_000,
    });
    const ms = performance.now() - started;
    const csv = readdirSync(out).find((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"));
    if (run.status !== 0 || !csv) throw new Error(`soffice could not open ${file}: ${run.stderr || run.stdout || run.error?.message}`);
    return { ms, rows: parseCsv(readFileSync(join(out, csv), "utf8")) };
  };
  // The first start of a fresh profile sets it up: not part of any measurement.
  const warmUp = join(workDir, "lo-warm-up.csv");
  if (!existsSync(warmUp)) writeFileSync(warmUp, "a,b\n1,2\n");
  spawnSync(soffice, ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", out, warmUp], { env: { ...process.env, HOME: profile }, timeout: 120_000 });
  return { open };
}
