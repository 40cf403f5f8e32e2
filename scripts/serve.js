#!/usr/bin/env node
/**
 * Serves the built add-in (dist/) over plain http on the loopback address, for the
 * stand-alone page: `npm run demo:web`. Office needs https for an add-in, but a page on
 * 127.0.0.1 is a secure context for the browser, and the stand-alone page needs no Office.
 *
 *   node scripts/serve.js [--dir dist] [--port 3100] [--host 127.0.0.1]
 *
 * Also used by the end-to-end tests: `startServer({ root, port: 0 })` → `{ url, close }`.
 * No packages: node:http and the file system only.
 */
"use strict";

const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".wasm": "application/wasm",
};

const PAGE = "taskpane.html";

/** The file under `root` a URL path names, or null when it would leave `root`. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function send(response, status, text) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

function handler(root) {
  return (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return send(response, 405, "Method not allowed\n");
    }
    const { pathname } = new URL(request.url || "/", "http://localhost");
    if (pathname === "/") {
      response.writeHead(302, { Location: `/${PAGE}` });
      return response.end();
    }
    // Browsers ask for /favicon.ico on their own; the add-in's icon answers.
    const file = fileFor(root, pathname === "/favicon.ico" ? "/assets/icon-32.png" : pathname);
    if (!file) return send(response, 403, "Forbidden\n");
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return send(response, 404, "Not found\n");
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        // A demo server: always the latest build.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") return response.end();
      fs.createReadStream(file).pipe(response);
    });
  };
}

/**
 * Starts serving `root`. `port` 0 takes a free port. Resolves once listening.
 * @returns {Promise<{ url: string, page: string, close: () => Promise<void> }>}
 */
function startServer({ root = "dist", port = 3100, host = "127.0.0.1" } = {}) {
  const absolute = path.resolve(root);
  const server = http.createServer(handler(absolute));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const url = `http://${host}:${address.port}/`;
      resolve({
        url,
        page: `${url}${PAGE}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive connections of a browser would hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = { root: "dist", port: Number(process.env.BALANS_PORT || 3100), host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--dir" && value) (options.root = value), i++;
    else if (arg === "--port" && value) (options.port = Number(value)), i++;
    else if (arg === "--host" && value) (options.host = value), i++;
    else throw new Error(`Unknown argument ${arg}. Usage: node scripts/serve.js [--dir dist] [--port 3100] [--host 127.0.0.1]`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error("--port needs a port number");
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(options.root, PAGE))) {
    console.error(`${path.join(options.root, PAGE)} is missing: build first (npm run build).`);
    process.exit(2);
  }
  // A taken port is common (another demo still running): try the next few.
  let server;
  for (let attempt = 0; ; attempt++) {
    try {
      server = await startServer({ ...options, port: options.port === 0 ? 0 : options.port + attempt });
      break;
    } catch (error) {
      if (error.code !== "EADDRINUSE" || attempt >= 9 || options.port === 0) throw error;
    }
  }
  console.log(`Balans i webbläsaren / Balans in the browser: ${server.page}`);
  console.log("Ctrl+C avslutar / stops.");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

module.exports = { startServer, fileFor };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message || error);
    process.exit(1);
  });
}
