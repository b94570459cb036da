/**
 * Set (b): the 2,000 invented persons of `eval/negatives_*_1k.csv` (on no
 * list), with birth date and nationality, screened against all lists. Any
 * result at the threshold is a false positive.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countryCodeFromName } from '@entente/core';
import { parse } from 'csv-parse/sync';
import { scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { splitOf } from './split.ts';

/** The invented-person files of the mirror's eval folder. */
export const INVENTED_FILES = ['negatives_us_1k.csv', 'negatives_global_1k.csv'];

/** Builds set (b) from the mirror's eval folder. */
export function inventedPersonCases(mirror: string): HeldoutCase[] {
  const cases: HeldoutCase[] = [];
  for (const file of INVENTED_FILES) {
    const rows = parse(readFileSync(path.join(mirror, 'eval', file), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    rows.forEach((row, i) => {
      const name = row.full_name ?? '';
      if (!name.trim()) return;
      // The invented person is the subject: its name and birth date.
      const subject = `invented:${name}|${row.date_of_birth ?? ''}`;
      const country = countryCodeFromName(row.nationality ?? '');
      cases.push({
        id: `b:${file}:${i + 1}`,
        set: 'b',
        rule: file.replace(/_1k\.csv$/, ''),
        script: scriptOf(name),
        subject,
        split: splitOf(subject),
        expect: 'no-match',
        query: {
          name,
          schema: 'person',
          ...(row.date_of_birth ? { birthDate: row.date_of_birth } : {}),
          ...(country ? { country } : {}),
        },
        truth: [],
        index: 'full',
      });
    });
  }
  return cases;
}
