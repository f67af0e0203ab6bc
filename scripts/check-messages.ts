// `npm run --silent check:messages < drafts.jsonl`: one JSON line in, one JSON line out.
// In:  {"platform":"pdd","text":"…"}    Out: {"findings":[{"category","severity","start","end","reason","rewrite"}]}
// A line that is not valid JSON, lacks a string text, or names an unknown platform gets {"error":"…"};
// the other lines are still processed. Blank lines are skipped (no output line).
import { createInterface } from 'node:readline';
import { PLATFORM_IDS, PlatformId } from '../lib/domain/platform';
import { checkMessage } from '../lib/compliance';

function handle(line: string): object {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'expected an object {"platform","text"}' };
  const { platform, text } = input as { platform?: unknown; text?: unknown };
  const parsed = PlatformId.safeParse(platform);
  if (!parsed.success) return { error: `unknown platform ${JSON.stringify(platform)}; expected one of ${PLATFORM_IDS.join(', ')}` };
  if (typeof text !== 'string') return { error: 'text must be a string' };
  const findings = checkMessage(text, { platform: parsed.data }).map(({ category, severity, start, end, reason, rewrite }) => ({ category, severity, start, end, reason, rewrite }));
  return { findings };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let out: object;
  try {
    out = handle(line);
  } catch (error) {
    out = { error: (error as Error).message };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
