// `npm run bench`: build, run every bench/*.bench.ts (each prints one JSON object) and write
// bench/RESULTS.md from that single run. Uses no browser: safe next to running browser tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'RESULTS.md');

/** Run a command in the repo root; return stdout, or print everything and exit on failure. */
function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`bench: \`${cmd} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
  return result.stdout;
}

/** A bench script's result: the last stdout line is its JSON (anything a library logs comes before). */
function bench(name) {
  console.error(`bench: ${name}…`);
  // --expose-gc lets the harness collect garbage between samples (see bench/stats.ts).
  const stdout = run(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${name}.bench.ts`]);
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const processors = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  return {
    cpu: model.trim(),
    cores: `${processors} in /proc/cpuinfo, ${os.availableParallelism()} available to Node`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

// ------------------------------------------------------------------ formatting

const num = (n) => n.toLocaleString('en-US');
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const bytes = (n) => `${num(n)} B (${(n / 1024).toFixed(1)} KB)`;
const table = (head, rows) => [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

function sizeSection({ files }) {
  const rows = files.map((f) => [
    `\`${f.file}\``,
    bytes(f.raw),
    bytes(f.gzip),
    f.budget === null ? '—' : `${bytes(f.budget)}: ${f.underBudget ? '**under**' : '**OVER**'} (${((100 * f.gzip) / f.budget).toFixed(0)}% used)`,
  ]);
  return [
    '## 1. Content-script size',
    '',
    'Fresh `npx wxt build`; gzip is `node:zlib` at level 9. 1 KB = 1,024 bytes.',
    '',
    table(['file', 'raw', 'gzip -9', 'gzip budget'], rows),
  ].join('\n');
}

const TARGET_MS = 50;

function trackerSection(t) {
  const { cold, steady, restarted, changed, rearm, bulkPut } = t.cases;
  const line = (label, s, target) => [label, ms(s.median), ms(s.p90), ms(s.min), target ? (s.median <= TARGET_MS ? 'met' : '**missed**') : '—'];
  const cases = table(
    ['case', 'median ms', 'p90 ms', 'min ms', `≤ ${TARGET_MS} ms median`],
    [
      line('(a) cold: full snapshot into an empty DB', cold, true),
      line('(b) steady: same snapshot 1 s later, nothing changed (running worker)', steady, true),
      line('(b2) as (b), in a just-restarted worker (reads its state from IndexedDB)', restarted, true),
      line(`(c) ${t.changedRows} rows changed 1 s later`, changed, true),
      line(`(d) \`rearm\` alone (${num(t.pendingWarnings)} pending warnings)`, rearm, false),
      line(`(e) baseline: fake-indexeddb \`bulkPut\` of ${num(t.rows)} conversation records`, bulkPut, false),
    ],
  );
  const ratios = table(
    ['ratio (of medians)', 'value'],
    [
      ['steady / cold', ratio(steady.median, cold.median)],
      ['restarted / steady', ratio(restarted.median, steady.median)],
      ['changed / cold', ratio(changed.median, cold.median)],
      ['changed / steady', ratio(changed.median, steady.median)],
      ['rearm / steady', ratio(rearm.median, steady.median)],
      ['(a) / (e): cold load vs writing 2,000 records', ratio(cold.median, bulkPut.median)],
    ],
  );
  const base = t.scaling[0];
  const scaling = table(
    ['pending warnings', '`rearm` median ms', '`rearm` p90 ms', 'vs smallest', 'full-scan median ms', 'scan vs smallest'],
    t.scaling.map((s) => [
      num(s.pending),
      ms(s.rearm.median),
      ms(s.rearm.p90),
      ratio(s.rearm.median, base.rearm.median),
      ms(s.scan.median),
      ratio(s.scan.median, base.scan.median),
    ]),
  );
  const biggest = t.scaling.at(-1);
  return [
    '## 2. Tracker: 2,000-conversation PDD snapshot (fake-indexeddb)',
    '',
    `\`new Tracker(ports).onChatUpdate(update, tab, now)\` = ingest + fire due warnings + re-arm + badge + chip deadlines, ` +
      `at 10:00 Asia/Shanghai (inside the 08:00–23:00 windows). ${num(t.rows)} list rows, ` +
      `${t.waitingRows} of them waiting 30 s, giving ${num(t.pendingWarnings)} pending warnings and ${num(t.waitingRows * 2)} open deadlines. ` +
      `(c) answers ${t.changedRows / 2} waiting rows and starts ${t.changedRows / 2} new waits. ` +
      `${t.warmups} warm-ups, then ${t.iterations} timed iterations per case; GC forced before each sample. ` +
      `Cold and changed cases get a fresh, already-open database per iteration (the cold load that (c) needs is untimed setup); ` +
      `steady and \`rearm\` repeat on one loaded database, as they write nothing that changes the next run. ` +
      `(b) and (c) run in the tracker that did the load, as a live worker would (its in-memory store cache is warm); ` +
      `(b2) uses a new tracker each time, as after the service worker was killed.`,
    '',
    cases,
    '',
    `The cold load writes ${num(t.coldWrites)} records (conversations, deadlines, warning rungs); at the per-record cost (e) shows ` +
      `(${ms((bulkPut.median / t.rows) * 1000)} µs each under fake-indexeddb) that floor alone is about ${ms((bulkPut.median / t.rows) * t.coldWrites)} ms.`,
    '',
    ratios,
    '',
    '### Next-due lookup: index, not scan',
    '',
    `\`rearm\` against a database holding only N pending warnings (bulk-inserted, warnAt shuffled). ` +
      `For contrast, "full scan" computes the same earliest pending \`warnAt\` by filtering the whole table, which is what it would cost without the \`[state+warnAt]\` index.`,
    '',
    scaling,
    '',
    `At ${num(biggest.pending)} vs ${num(base.pending)} pending warnings (${biggest.pending / base.pending}× the rows), ` +
      `\`rearm\` takes ${ratio(biggest.rearm.median, base.rearm.median)} the time and the scan ${ratio(biggest.scan.median, base.scan.median)}.`,
  ].join('\n');
}

// ------------------------------------------------------------------ main

const notes = machine();
console.error('bench: npx wxt build…');
run('npx', ['wxt', 'build']);
const size = bench('size');
const tracker = bench('tracker');

const markdown = [
  '# Benchmark results',
  '',
  'Generated by `npm run bench` (scripts/bench.mjs). Do not edit by hand.',
  '',
  `> The machine is shared and noisy: every figure below comes from this one run (medians of ${tracker.iterations} samples), ` +
    'so compare ratios within the run rather than absolute numbers across runs.',
  '',
  '## Machine',
  '',
  table(
    ['', 'value'],
    [
      ['CPU', notes.cpu],
      ['cores', notes.cores],
      ['memory', notes.memory],
      ['load average (1/5/15 min) at start', notes.load],
      ['Node', notes.node],
      ['OS', notes.os],
      ['date', notes.date],
    ],
  ),
  '',
  sizeSection(size),
  '',
  trackerSection(tracker),
  '',
].join('\n');

writeFileSync(OUT, markdown);
console.error(`bench: wrote ${path.relative(ROOT, OUT)}`);
