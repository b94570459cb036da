/**
 * Writes what single screening returns for the screening-speed subjects (2,000 invented persons and
 * 683 UN altered spellings), one line per subject: the matches (entity id, matched name, score,
 * features) and the unscored count, over the object index (`buildScreeningIndex`) and over the
 * column index (`buildColumnIndex`, as a worker reads a snapshot). Run it in two trees and `cmp`
 * the files to show a change leaves every result as it was:
 * `npx tsx bench/screening-dump.ts > /tmp/new.txt` (OUT=objects or columns for one layout only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildColumnIndex,
  buildScreeningIndex,
  screenPartyOutcome,
  type ScreeningIndex,
} from '@entente/core';
import { parse } from 'csv-parse/sync';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });

function dump(label: string, index: ScreeningIndex, queries: string[]): void {
  for (const q of queries) {
    const o = screenPartyOutcome(index, { name: q }, { limit: 10 });
    const matches = o.matches.map(
      (m) => `${m.entityId}|${m.matchedName}|${m.score}|${JSON.stringify(m.features)}`,
    );
    console.log(`${label}\t${q}\t${o.unscored}${o.unscoredAtLeast ? '+' : ''}\t${matches.join('\t')}`);
  }
}

const reference = await loadNameReference(MIRROR);
const inputs = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) =>
  l.parties.map((party) => ({ party })),
);
const pairs = rows('yente_un_treated_vs_untreated_pairs.csv');
const queries = [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')]
  .map((r) => r.full_name!)
  .concat(pairs.map((p) => p.query_name!));
const layouts = (process.env.OUT ?? 'objects,columns').split(',');
if (layouts.includes('objects')) dump('objects', buildScreeningIndex(inputs, reference), queries);
if (layouts.includes('columns')) dump('columns', buildColumnIndex(inputs, reference), queries);
