/**
 * The task pane: its production bundle's gzipped size without office.js, and the time
 * from navigation to the pane being ready to use in headless Chromium (outside Office
 * the pane is the stand-alone page, ready when its "Open workbook" button shows).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./measure";

export const CHROMIUM = "/usr/bin/chromium";
/** Headless Debian Chromium that phones nobody (the flags of tooling.md and test/e2e). */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** `webpack --mode production` into `dist`; returns the build's wall time. */
export function buildTaskPane(dist: string): number {
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, stdio: "ignore" });
  return performance.now() - started;
}

/** Every script of the build except office.js (and its host files), with its gzipped size. */
export function bundleFiles(dist: string): BundleFile[] {
  return readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const TYPES: Readonly<Record<string, string>> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".xml": "application/xml", ".css": "text/css" };

function serve(dist: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(join(dist, decodeURIComponent((request.url ?? "/").split("?")[0])));
    if (relative(dist, path).startsWith("..") || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/` });
  }));
}

/** Debian's Chromium, installed with apt when missing (as root); null when impossible. */
export function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update"], { stdio: "ignore", env });
  spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "ignore", env });
  return existsSync(CHROMIUM) ? CHROMIUM : null;
}

export interface PaneLoad {
  /** Per load: ms from navigation start until the pane is ready. */
  readonly readyMs: number[];
  /** Scripts the page fetched (not office.js), by file name. */
  readonly scripts: string[];
}

/** Loads the pane `times` times, each in a fresh browser context (empty cache). */
export async function loadPane(dist: string, times: number): Promise<PaneLoad> {
  const { chromium } = await import("playwright-core");
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const readyMs: number[] = [];
  const scripts = new Set<string>();
  try {
    for (let i = 0; i < times; i++) {
      const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 320, height: 900 } });
      context.on("request", (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith(".js") && !path.startsWith("/office-js/")) scripts.add(path.slice(1));
      });
      const page = await context.newPage();
      await page.goto(`${url}taskpane.html`, { waitUntil: "commit" });
      // In-page time (from navigation start) when the open button first shows.
      const ready = await page.waitForFunction(
        () => (Array.from(document.querySelectorAll("button")).some((b) => /^(Öppna arbetsbok|Open workbook) …$/.test(b.textContent?.trim() ?? "")) ? performance.now() : false),
        undefined,
        { polling: "raf", timeout: 60_000 },
      );
      readyMs.push(Number(await ready.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { readyMs, scripts: [...scripts].sort() };
}
