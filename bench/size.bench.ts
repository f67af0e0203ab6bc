/**
 * Raw and gzip (level 9) size of every built content script. Content scripts are injected into
 * the seller console on each page load, so their size is the budget that matters.
 * Expects a fresh `wxt build` (scripts/bench.mjs runs it). Prints one JSON object to stdout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const DIR = '.output/chrome-mv3/content-scripts';
/** Gzip budgets in bytes (1 KB = 1,024 bytes). */
const BUDGETS: Record<string, number> = { 'pdd.js': 30 * 1024 };

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.js'))
  .sort()
  .map((name) => {
    const raw = readFileSync(path.join(DIR, name));
    const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
    const budget = BUDGETS[name] ?? null;
    return { file: `${DIR}/${name}`, raw: raw.length, gzip, budget, underBudget: budget === null ? null : gzip <= budget };
  });
if (files.length === 0) throw new Error(`no content scripts in ${DIR}`);

console.log(JSON.stringify({ files }));
