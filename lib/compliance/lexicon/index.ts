import { CATEGORIES, type Category } from '../types';
import absoluteClaim from './absolute_claim.json';
import abuse from './abuse.json';
import addressOffline from './address_offline.json';
import buyer from './buyer.json';
import contactOffPlatform from './contact_off_platform.json';
import counterfeit from './counterfeit.json';
import disparagePlatform from './disparage_platform.json';
import impersonation from './impersonation.json';
import linkOffPlatform from './link_off_platform.json';
import names from './names.json';
import paymentOffPlatform from './payment_off_platform.json';
import prohibitedContent from './prohibited_content.json';
import qrCode from './qr_code.json';
import reviewInducement from './review_inducement.json';
import { BuyerFile, CategoryFile, describeLexiconIssues, NamesFile } from './schema';
import tone from './tone.json';

/** Raw lexicon files by name, as shipped; validated on first use. */
export const RAW_LEXICON_FILES: Readonly<Record<Category, unknown>> = {
  contact_off_platform: contactOffPlatform,
  link_off_platform: linkOffPlatform,
  payment_off_platform: paymentOffPlatform,
  qr_code: qrCode,
  address_offline: addressOffline,
  review_inducement: reviewInducement,
  impersonation,
  abuse,
  counterfeit,
  absolute_claim: absoluteClaim,
  disparage_platform: disparagePlatform,
  prohibited_content: prohibitedContent,
  tone,
};
export const RAW_NAMES: unknown = names;
export const RAW_BUYER: unknown = buyer;

/** The data a lexicon is compiled from: every category file plus the shared names. */
export interface LexiconData {
  categories: CategoryFile[];
  names: NamesFile;
}

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`invalid lexicon file ${what}: ${describeLexiconIssues(result.error)}`);
}

export function parseCategoryFile(input: unknown, what = 'category file'): CategoryFile {
  return parse(CategoryFile, input, what);
}
export function parseNamesFile(input: unknown): NamesFile {
  return parse(NamesFile, input, 'names.json');
}
export function parseBuyerFile(input: unknown): BuyerFile {
  return parse(BuyerFile, input, 'buyer.json');
}

let data: LexiconData | undefined;

/** The built-in lexicon data, parsed once; throws naming the file and field if one is broken. */
export function defaultLexiconData(): LexiconData {
  if (!data) {
    const categories = CATEGORIES.map((category) => {
      const file = parseCategoryFile(RAW_LEXICON_FILES[category], `${category}.json`);
      if (file.category !== category) throw new Error(`invalid lexicon file ${category}.json: category is ${file.category}`);
      return file;
    });
    data = { categories, names: parseNamesFile(RAW_NAMES) };
  }
  return data;
}

/** The canonical file text of a lexicon file, as for rule packs. */
export function formatLexiconFile(file: unknown): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
