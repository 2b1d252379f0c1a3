/**
 * Reading and checking the seed files. Pure apart from reading the files: nothing here
 * touches the database, so a bad file is reported before any write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fixMixedScript } from '../transliteration/mixed-script';
import { SEED_FILES, type SeedDataset, type SeedFile, type SeedRecord } from './schema';

export class SeedDataError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The seed data is invalid; nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedDataError';
  }
}

/** A word written in two scripts in the source, and what the import wrote instead. */
export type MixedScriptFix = { location: string; word: string; fixed: string };

export const firstLocale = (record: SeedRecord): string => Object.keys(record.localizations)[0];

/** The value that finds this record's document again (slug, name or e-mail). */
export const recordKey = (file: SeedFile, record: SeedRecord): string => String(file.keyLocalized ? record.localizations[firstLocale(record)][file.key] : record.fields[file.key]);

const formatIssue = (fileName: string, issue: z.core.$ZodIssue) =>
  `${fileName}.json › ${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.')}: ${issue.message}`;

/** Validates raw file contents (already JSON-parsed) into a dataset, or throws SeedDataError. */
export function parseDataset(raw: Partial<Record<string, unknown>>): SeedDataset {
  const problems: string[] = [];
  const dataset = {} as SeedDataset;
  // Relations into a file that is itself invalid are not checked: its problems are reported once.
  const invalid = new Set<string>();

  for (const file of SEED_FILES) {
    const result = z.array(file.schema as z.ZodType).safeParse(raw[file.name]);
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => formatIssue(file.name, issue)));
      invalid.add(file.name);
      dataset[file.name] = [];
      continue;
    }
    dataset[file.name] = result.data as SeedRecord[];
    const seen = new Set<string>();
    dataset[file.name].forEach((record, index) => {
      const value = recordKey(file, record);
      if (seen.has(value)) problems.push(`${file.name}.json › [${index}]: ${file.key} "${value}" is used twice`);
      seen.add(value);
    });
  }

  for (const file of SEED_FILES) {
    const relations: Record<string, string> = file.relations;
    dataset[file.name].forEach((record, index) => {
      for (const [field, targetName] of Object.entries(relations)) {
        if (invalid.has(targetName)) continue;
        const target = SEED_FILES.find((candidate) => candidate.name === targetName)!;
        const known = new Set(dataset[target.name].map((targetRecord) => recordKey(target, targetRecord)));
        for (const value of [record.relations[field] ?? []].flat()) {
          if (!known.has(value)) {
            problems.push(`${file.name}.json › [${index}].relations.${field}: no ${targetName} record with ${target.key} "${value}"`);
          }
        }
      }
    });
  }

  if (problems.length > 0) throw new SeedDataError(problems);
  return dataset;
}

/** Reads `<dir>/<name>.json` for every seed file and validates them together. */
export function readDataset(dir: string): SeedDataset {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const file of SEED_FILES) {
    const filePath = path.join(dir, `${file.name}.json`);
    try {
      raw[file.name] = JSON.parse(fs.readFileSync(filePath, 'utf8'));
    } catch (error) {
      problems.push(`${file.name}.json: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new SeedDataError(problems);
  return parseDataset(raw);
}

const fixStringsDeep = (value: unknown, location: string, fixes: MixedScriptFix[]): unknown => {
  if (typeof value === 'string') {
    const { text, words } = fixMixedScript(value);
    fixes.push(...words.map(({ word, fixed }) => ({ location, word, fixed })));
    return text;
  }
  if (Array.isArray(value)) return value.map((item, index) => fixStringsDeep(item, `${location}[${index}]`, fixes));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, fixStringsDeep(item, `${location}.${name}`, fixes)]));
  }
  return value;
};

/** Rewrites mixed-script words in every text of the dataset; returns the fixed copy and the list. */
export function fixMixedScriptWords(dataset: SeedDataset): { dataset: SeedDataset; fixes: MixedScriptFix[] } {
  const fixes: MixedScriptFix[] = [];
  const fixed = {} as SeedDataset;
  for (const file of SEED_FILES) {
    fixed[file.name] = dataset[file.name].map((record, index) => fixStringsDeep(record, `${file.name}.json › [${index}]`, fixes) as SeedRecord);
  }
  return { dataset: fixed, fixes };
}
