/**
 * LibreOffice as an independent spreadsheet engine for tests: recalculate a written
 * workbook and read every sheet back as CSV, or render it to PDF (and PNG) to look at.
 *
 * Calls are serialised within a process, and each gets its own LibreOffice profile, so
 * parallel jest workers never share one. Recalculation is forced through the profile:
 * LibreOffice otherwise trusts the cached values in the file, which is exactly what the
 * tests must not do.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";

const SOFFICE_CANDIDATES = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];
const TIMEOUT_MS = 180_000;

function which(command: string): string | null {
  try {
    const found = execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return found || null;
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Installs a Debian package once, as root, holding a machine-wide lock so that parallel
 * jest workers do not run apt at the same time. Returns a reason when it cannot.
 */
function installDebianPackage(pkg: string): string | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return `not root, cannot install ${pkg}`;
  if (!which("apt-get")) return `no apt-get to install ${pkg}`;
  const lock = join(tmpdir(), "balans-apt.lock");
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) return `timed out waiting for ${lock}`;
      sleep(1000);
    }
  }
  try {
    const installed = (() => {
      try {
        execFileSync("dpkg", ["-s", pkg], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    })();
    if (installed) return null;
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const marker = join(tmpdir(), "balans-apt-updated");
    if (!existsSync(marker)) {
      execFileSync("apt-get", ["update"], { stdio: "ignore", env, timeout: 10 * 60_000 });
      writeFileSync(marker, new Date().toISOString());
    }
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", pkg], { stdio: "ignore", env, timeout: 15 * 60_000 });
    return null;
  } catch (error) {
    return `installing ${pkg} failed: ${(error as Error).message}`;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let sofficePath: string | null | undefined;

/** Path to soffice, installing `libreoffice-calc-nogui` if missing and running as root; null (with the reason printed) if impossible. */
export function ensureLibreOffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  const find = () => which("soffice") ?? SOFFICE_CANDIDATES.find((p) => existsSync(p)) ?? null;
  let found = find();
  if (!found) {
    const problem = installDebianPackage("libreoffice-calc-nogui");
    found = find();
    if (!found) console.warn(`LibreOffice is not available: ${problem ?? "soffice not found after installing"}`);
  }
  sofficePath = found;
  return found;
}

let pdftoppmPath: string | null | undefined;

/** Path to pdftoppm (poppler-utils), installed the same way. */
export function ensurePdftoppm(): string | null {
  if (pdftoppmPath !== undefined) return pdftoppmPath;
  let found = which("pdftoppm");
  if (!found) {
    const problem = installDebianPackage("poppler-utils");
    found = which("pdftoppm");
    if (!found) console.warn(`pdftoppm is not available: ${problem ?? "not found after installing"}`);
  }
  pdftoppmPath = found;
  return found;
}

/** A fresh profile that makes LibreOffice recalculate every formula when it loads a file. */
function recalculatingProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "balans-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  const item = (mode: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${mode}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      item("OOXMLRecalcMode") +
      item("ODFRecalcMode") +
      `</oor:items>\n`,
  );
  return dir;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs soffice with a fresh recalculating profile, one call at a time in this process. */
function runSoffice(args: readonly string[]): Promise<void> {
  const run = async () => {
    const soffice = ensureLibreOffice();
    if (!soffice) throw new Error("LibreOffice is not available");
    const profile = recalculatingProfile();
    try {
      await new Promise<void>((done, fail) => {
        const child = spawn(soffice, ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, ...args], {
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, HOME: profile },
        });
        let output = "";
        child.stdout.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          fail(new Error(`soffice timed out after ${TIMEOUT_MS / 1000} s: ${output}`));
        }, TIMEOUT_MS);
        child.on("error", (error) => {
          clearTimeout(timer);
          fail(error);
        });
        child.on("close", (code) => {
          clearTimeout(timer);
          if (code === 0) done();
          else fail(new Error(`soffice exited with ${code}: ${output}`));
        });
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** RFC 4180 CSV (quotes doubled, fields may hold separators and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens the workbook with every formula recalculated and returns each sheet as CSV rows
 * of raw (unformatted) values, keyed by sheet name. `sheetNames` (in tab order) maps
 * LibreOffice's per-sheet files back to names exactly; without it the names are taken
 * from the file names.
 */
export async function recalculate(xlsxPath: string, outDir: string, sheetNames?: readonly string[]): Promise<Map<string, string[][]>> {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const base = basename(xlsxPath, extname(xlsxPath));
  for (const file of readdirSync(dir)) if (file.startsWith(`${base}-`) && file.endsWith(".csv")) rmSync(join(dir, file));
  await runSoffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", dir, resolve(xlsxPath)]);
  const sheets = new Map<string, string[][]>();
  const files = readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"));
  for (const file of files) {
    const name = file.slice(base.length + 1, -4);
    const exact = sheetNames?.find((s) => s === name || s.replace(/[/\\:*?"<>|]/g, "_") === name) ?? name;
    sheets.set(exact, parseCsv(readFileSync(join(dir, file), "utf8")));
  }
  return sheets;
}

/** Renders the workbook (recalculated) to PDF; returns the PDF's path. */
export async function toPdf(xlsxPath: string, outDir: string): Promise<string> {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  await runSoffice(["--convert-to", "pdf", "--outdir", dir, resolve(xlsxPath)]);
  const pdf = join(dir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
  if (!existsSync(pdf) || statSync(pdf).size === 0) throw new Error(`soffice wrote no PDF for ${xlsxPath}`);
  return pdf;
}

/** PNG pages of a PDF (pdftoppm), for looking at; returns the PNG paths in page order. */
export function pdfToPng(pdfPath: string, outDir: string, resolution = 60): string[] {
  const pdftoppm = ensurePdftoppm();
  if (!pdftoppm) throw new Error("pdftoppm is not available");
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, basename(pdfPath, ".pdf"));
  execFileSync(pdftoppm, ["-png", "-r", String(resolution), pdfPath, prefix], { stdio: "ignore", timeout: TIMEOUT_MS });
  return readdirSync(dir)
    .filter((f) => f.startsWith(basename(prefix)) && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => join(dir, f));
}

/** Number of pages of a PDF, counted from its page objects (good enough for LibreOffice's output). */
export function pdfPageCount(pdfPath: string): number {
  const text = readFileSync(pdfPath, "latin1");
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
