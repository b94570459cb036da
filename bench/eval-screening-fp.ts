/**
 * Quick false-positive probe: the negatives that score at or above a
 * threshold, name only. Run: `THRESHOLD=0.84 npx tsx bench/eval-screening-fp.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLD, screenParty } from '@entente/core';
import { parse } from 'csv-parse/sync';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

async function main(): Promise<void> {
  const threshold = Number(process.env.THRESHOLD ?? DEFAULT_SCREENING_THRESHOLD);
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const index = buildScreeningIndex(
    lists.flatMap((l) => l.parties.map((party) => ({ party }))),
    reference,
  );
  for (const file of ['negatives_us_1k.csv', 'negatives_global_1k.csv']) {
    const rows = parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    for (const row of rows) {
      const top = screenParty(index, { name: row.full_name!, schema: 'person' }, { limit: 1, threshold })[0];
      if (top) console.log(`${row.full_name} → ${top.matchedName} ${top.score} | ${top.explanation[0]}`);
    }
  }
}

await main();
