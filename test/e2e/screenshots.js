#!/usr/bin/env node
/**
 * `npm run screenshots`: runs the screenshot suite with BALANS_SCREENSHOTS=1, which writes
 * the pictures into docs/screenshots/ (the README's). Set here rather than in the npm
 * script so it works in any shell.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const path = require("node:path");

const result = spawnSync(
  process.execPath,
  [require.resolve("jest/bin/jest"), "--config", path.join(__dirname, "jest.config.js"), "--testPathPatterns", "screenshots\\.e2e\\.test\\.ts$", ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, BALANS_SCREENSHOTS: "1" }, cwd: path.resolve(__dirname, "../..") },
);
process.exitCode = result.status ?? 1;
