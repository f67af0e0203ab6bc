// `npm run --silent rules:explain -- <platform> [--en]`: every rule of a platform's pack as a table.
import { PLATFORM_IDS, PlatformId } from '../lib/domain/platform';
import { explainPack, renderExplain } from '../lib/rules/explain';
import { loadRulePack } from '../lib/rules/packs';

const args = process.argv.slice(2);
const locale = args.includes('--en') ? 'en' : 'zh_CN';
const platform = PlatformId.safeParse(args.find((a) => !a.startsWith('--')));
if (!platform.success) {
  console.error(`usage: npm run --silent rules:explain -- <${PLATFORM_IDS.join('|')}> [--en]`);
  process.exit(2);
}
const loaded = loadRulePack(platform.data);
if (!loaded.ok) {
  console.error(loaded.error);
  process.exit(1);
}
const { pack } = loaded;
console.log(`# ${pack.platform} rule pack ${pack.version} (${pack.timeZone})\n`);
console.log(renderExplain(explainPack(pack, locale), locale));
console.log(`\n${Object.entries(pack.sources).map(([key, s]) => `- ${key}: ${s.title} — ${s.where} (${s.date})`).join('\n')}`);
