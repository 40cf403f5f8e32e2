import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The command line as users run it: compiled, in a child process of its own, with a
 * wall-clock timeout and a heap cap, its peak memory measured. The compiled copy is
 * cached under test-output/ by a hash of the sources it is built from, so parallel test
 * files and later runs share one build (and a developer's build/ is left alone).
 */

const ROOT = join(__dirname, "..", "..", "..");
const SOURCES = ["src/core", "src/xlsx", "src/cli", "tsconfig.json", "tsconfig.cli.json"];

function* files(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
  } else if (/\.(ts|json)$/.test(path) && !/\.test\.tsx?$/.test(path)) {
    yield path;
  }
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const root of SOURCES) {
    for (const file of files(join(ROOT, root))) {
      hash.update(relative(ROOT, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

let built: string | undefined;

/** The compiled `main.js`, building it first when the sources changed since the last build. */
export function builtCli(): string {
  if (built) return built;
  const base = join(ROOT, "test-output", "reliability-cli");
  const dir = join(base, sourceHash());
  const main = join(dir, "src", "cli", "main.js");
  if (!existsSync(main)) {
    const temporary = `${dir}.${process.pid}.tmp`;
    rmSync(temporary, { recursive: true, force: true });
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.cli.json"), "--outDir", temporary], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (tsc.status !== 0) throw new Error(`Building the command line failed:\n${tsc.stdout}${tsc.stderr}`);
    // Another test file may have finished the same build first: either copy is good.
    try {
      renameSync(temporary, dir);
    } catch {
      rmSync(temporary, { recursive: true, force: true });
    }
    // Old builds are of no further use.
    for (const entry of readdirSync(base)) {
      if (entry !== sourceHash() && !entry.endsWith(".tmp")) rmSync(join(base, entry), { recursive: true, force: true });
    }
  }
  built = main;
  return main;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory of the child in bytes (0 if it died before telling). */
  readonly maxRss: number;
}

export interface CliLimits {
  /** Wall clock; the child is killed after it. */
  readonly timeoutMs?: number;
  /** V8 heap cap, MB. */
  readonly maxOldSpaceMb?: number;
  readonly cwd?: string;
}

/** Runs `balans <args>` in a child process. */
export function runCli(args: readonly string[], limits: CliLimits = {}): CliRun {
  const main = builtCli();
  // The child reports its peak memory on exit through a file, so its stdout and stderr stay exactly what users see.
  const dir = join(ROOT, "test-output", "reliability-rss");
  mkdirSync(dir, { recursive: true });
  const probe = join(dir, "probe.js");
  if (!existsSync(probe)) {
    writeFileSync(
      `${probe}.${process.pid}`,
      `process.on("exit", () => { try { require("fs").writeFileSync(process.env.BALANS_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)); } catch {} });\n`,
    );
    renameSync(`${probe}.${process.pid}`, probe);
  }
  const rssFile = join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.rss`);
  const child = spawnSync(process.execPath, [`--max-old-space-size=${limits.maxOldSpaceMb ?? 512}`, "--require", probe, main, ...args], {
    cwd: limits.cwd ?? ROOT,
    encoding: "utf8",
    timeout: limits.timeoutMs ?? 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BALANS_RSS_FILE: rssFile },
  });
  let maxRss = 0;
  if (existsSync(rssFile)) {
    maxRss = Number(readFileSync(rssFile, "utf8"));
    rmSync(rssFile, { force: true });
  }
  const timedOut = (child.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { code: child.status, signal: child.signal, timedOut, stdout: child.stdout ?? "", stderr: child.stderr ?? "", maxRss };
}

/** What every run must look like: it ended by itself, exit 0 or 2, at most one line on stderr and no stack trace. */
export function wellBehaved(run: CliRun): string[] {
  const problems: string[] = [];
  if (run.timedOut) problems.push("it did not finish in time");
  if (run.signal) problems.push(`it was killed by ${run.signal}`);
  if (run.code !== 0 && run.code !== 2) problems.push(`exit code ${run.code}`);
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  if (lines.length > 1) problems.push(`stderr has ${lines.length} lines: ${run.stderr.slice(0, 400)}`);
  if (/\n\s+at |Error:|FATAL|heap out of memory/.test(run.stderr)) problems.push(`a stack trace or crash on stderr: ${run.stderr.slice(0, 400)}`);
  return problems;
}
