import { z } from 'zod';
import { ShopLexicon, SHOP_LEXICON_KEY } from '../compliance/shop-lexicon';
import type { PlatformId } from '../domain/platform';
import { applyOverrides } from '../rules/overrides';
import { loadRulePack } from '../rules/packs';
import { OVERRIDES_KEY, StoredOverrides } from '../rules/provider';
import { SETTINGS_KEY } from '../settings/provider';
import { UserTemplates, USER_TEMPLATES_KEY } from '../replies/schema';
import { Settings } from '../settings/schema';
import type { KefuDB } from './db';
import {
  AuditRecordSchema,
  CaseRecordSchema,
  ChecklistRecordSchema,
  ConversationRecordSchema,
  DeadlineRecordSchema,
  SettingRecordSchema,
  WarningRecordSchema,
} from './records';

export const BACKUP_FORMAT = 'kefu-guard-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup carries; `tabs` is what is open right now and means nothing elsewhere. */
const TABLES = {
  settings: SettingRecordSchema,
  conversations: ConversationRecordSchema,
  deadlines: DeadlineRecordSchema,
  warnings: WarningRecordSchema,
  cases: CaseRecordSchema,
  checklists: ChecklistRecordSchema,
  audit: AuditRecordSchema,
} as const;
type TableName = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Overrides must also apply to the shipped packs: a patch the tracker would reject is refused here. */
const CheckedOverrides = StoredOverrides.superRefine((overrides, ctx) => {
  for (const [platform, perRule] of Object.entries(overrides)) {
    const base = loadRulePack(platform as PlatformId);
    if (!base.ok || !perRule) continue;
    for (const [ruleId, patch] of Object.entries(perRule)) {
      const { rejected } = applyOverrides(base.pack, { [ruleId]: patch });
      if (rejected.length > 0) ctx.addIssue({ code: 'custom', path: [platform, ruleId], message: rejected.join('; ') });
    }
  }
});

/** Each known setting is validated with the schema its reader uses; unknown keys are refused. */
const SETTING_VALUES: Record<string, z.ZodType> = {
  [SETTINGS_KEY]: Settings,
  [OVERRIDES_KEY]: CheckedOverrides,
  [SHOP_LEXICON_KEY]: ShopLexicon,
  [USER_TEMPLATES_KEY]: UserTemplates,
};

const MAX_ROWS = 200_000;

export const Backup = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.number(),
    tables: z.strictObject(Object.fromEntries(TABLE_NAMES.map((name) => [name, z.array(TABLES[name]).max(MAX_ROWS)])) as { [K in TableName]: z.ZodArray<(typeof TABLES)[K]> }),
  })
  .superRefine((backup, ctx) => {
    backup.tables.settings.forEach((record, i) => {
      const schema = SETTING_VALUES[record.key];
      if (!schema) {
        ctx.addIssue({ code: 'custom', path: ['tables', 'settings', i, 'key'], message: `unknown setting "${record.key}"` });
        return;
      }
      const parsed = schema.safeParse(record.value);
      if (!parsed.success)
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['tables', 'settings', i, 'value', ...issue.path], message: issue.message });
    });
  });
export type Backup = z.infer<typeof Backup>;

/** Everything stored, as one JSON-ready value. Read in one transaction: a consistent snapshot. */
export async function exportAll(db: KefuDB, now: number): Promise<Backup> {
  return db.transaction('r', TABLE_NAMES.map((name) => db.table(name)), async () => {
    const tables = {} as Record<TableName, unknown[]>;
    for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, tables } as Backup;
  });
}

export type ImportResult = { ok: true; counts: Record<TableName, number> } | { ok: false; error: string; location: string };

/** "tables.cases[3].stageHistory[0].seenAt" */
function locate(path: PropertyKey[]): string {
  return path.reduce<string>((at, part) => (typeof part === 'number' ? `${at}[${part}]` : at ? `${at}.${String(part)}` : String(part)), '') || '(root)';
}

/** Line and column of a JSON syntax error, from the engine's "position N" when it gives one. */
function jsonLocation(text: string, error: unknown): string {
  const message = String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '(unknown)';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Parse and validate a backup file without touching the store. */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; error: string; location: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}`, location: jsonLocation(text, error) };
  }
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    return { ok: false, error: first?.message ?? 'invalid backup', location: locate(first?.path ?? []) };
  }
  return { ok: true, backup: parsed.data };
}

/**
 * Replace everything stored with a backup, all or nothing: the file is fully validated first, then
 * every table is cleared and refilled in one transaction, so a failure at any row leaves the store
 * exactly as it was.
 */
export async function importAll(db: KefuDB, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { tables } = parsed.backup;
  try {
    await db.transaction('rw', TABLE_NAMES.map((name) => db.table(name)), async () => {
      for (const name of TABLE_NAMES) {
        await db.table(name).clear();
        await db.table(name).bulkAdd(tables[name]);
      }
    });
  } catch (error) {
    return { ok: false, error: `import failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`, location: '(store)' };
  }
  return { ok: true, counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as Record<TableName, number> };
}
