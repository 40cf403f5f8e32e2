/**
 * Preloaded into a measured process (`node -r build/bench/rss.js …`): on exit it writes
 * the process's peak resident memory to the file named by BENCH_RSS_FILE, so the command
 * line can be measured exactly as users run it.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
