// `npm run rules:format`: rewrite every pack in lib/rules/packs/ in its canonical form (schema key
// order, 2-space JSON), or with --check report the files that are not canonical. Invalid packs are
// reported with the path of every bad field and left untouched.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatRulePack, parseRulePack } from '../lib/rules/schema';

const dir = path.resolve('lib/rules/packs');
const check = process.argv.includes('--check');
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  try {
    const formatted = formatRulePack(parseRulePack(JSON.parse(text)));
    if (formatted === text) continue;
    if (check) {
      console.error(`${file}: not in canonical form (run npm run rules:format)`);
      failed = true;
    } else {
      writeFileSync(full, formatted);
      console.log(`${file}: rewritten`);
    }
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
