#!/usr/bin/env node
// The npm bin: runs the compiled command line (built by `npm run build:cli`, which `npm ci` runs via `prepare`).
require("../build/src/cli/main.js").runFromProcess();
