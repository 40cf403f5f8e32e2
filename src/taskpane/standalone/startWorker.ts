import type { Port } from "./protocol";

/**
 * Starts the engine's worker. webpack recognises exactly this shape,
 * `new Worker(new URL("./worker.ts", import.meta.url))`, and bundles worker.ts as a chunk
 * of its own that the browser fetches only here, on the stand-alone page.
 */
export function startWorker(): Port & { terminate(): void; onerror: ((event: Event) => void) | null } {
  // @ts-expect-error TS1343: tsconfig.json compiles to CommonJS for jest, where import.meta does not exist. webpack's ts-loader compiles this file as an ES module (webpack.config.js), where it does, and replaces the URL with the worker chunk's.
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "balans-engine" });
}
