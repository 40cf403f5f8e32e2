/**
 * Running a measurement in a process of its own: wall time seen from outside, peak
 * memory reported by the process itself (`process.resourceUsage().maxRSS`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BUILD = join(__dirname, "..");
export const ROOT = join(BUILD, "..");
const CHILD = join(BUILD, "bench", "child.js");
const RSS = join(BUILD, "bench", "rss.js");
export const CLI = join(BUILD, "src", "cli", "main.js");

export interface Run<T> {
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly result: T;
}

/** `node build/bench/child.js …`: its last stdout line is the result as JSON. */
export function child<T>(args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeFlags: readonly string[] = []): Run<T> {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...nodeFlags, CHILD, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`child ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  const lines = run.stdout.trim().split("\n");
  const result = JSON.parse(lines[lines.length - 1]) as T & { maxRssKb: number };
  return { wallMs, maxRssMb: result.maxRssKb / 1024, result };
}

/** A node script run as users run it, with its peak memory recorded on exit. */
export function node(args: readonly string[]): Run<{ stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), "balans-bench-rss-"));
  try {
    const file = join(dir, "rss.json");
    const started = performance.now();
    const run = spawnSync(process.execPath, ["-r", RSS, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, BENCH_RSS_FILE: file } });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
    const { maxRssKb } = JSON.parse(readFileSync(file, "utf8")) as { maxRssKb: number };
    return { wallMs, maxRssMb: maxRssKb / 1024, result: { stdout: run.stdout } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a few runs (by wall time); peak memory is the largest any run reached. */
export function median<T>(runs: readonly Run<T>[]): Run<T> {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...middle, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

export function repeat<T>(times: number, run: () => Run<T>): Run<T> {
  return median(Array.from({ length: times }, run));
}

export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
