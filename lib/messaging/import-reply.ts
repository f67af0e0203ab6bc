import { ImportReply } from './protocol';

/** The worker's answer to data/import, checked (extension pages can afford zod). */
export function parseImportReply(raw: unknown): ImportReply {
  const parsed = ImportReply.safeParse(raw);
  if (!parsed.success) throw new Error(`malformed reply to data/import: ${parsed.error.message}`);
  return parsed.data;
}
