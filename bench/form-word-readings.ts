/**
 * How many of the mirror's listed names read otherwise than under an older engine
 * (`OLD_CORE`, its core's index.ts): every distinct (schema, name) pair is normalised by both
 * with the full reference, as listed (its schema) and as a query of no given kind, and the pairs
 * whose tokens or legal forms differ are counted and printed
 * (`docs/decisions/2026-12-07-form-words-read-as-names.md`).
 *
 *   OLD_CORE=/work/old-d23/packages/core/src/index.ts npx tsx bench/form-word-readings.ts
 */
import * as current from '@entente/core';
import type { PartySchema } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const oldPath = process.env.OLD_CORE;
if (!oldPath) throw new Error('OLD_CORE=<older engine core/src/index.ts> is required');
const old = (await import(oldPath)) as typeof current;
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const seen = new Set<string>();
const reading = (n: { tokens: string[]; legalForms: string[] }): string =>
  `[${n.tokens.join(' ')}] ${n.legalForms.join('+') || '-'}`;
let listed = 0;
let query = 0;
for (const list of lists)
  for (const party of list.parties)
    for (const { full } of party.names) {
      const key = `${party.schema}\u0000${full}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const schema of new Set<PartySchema>([party.schema, 'unknown'])) {
        const a = reading(old.normalizeName(full, reference, schema));
        const b = reading(current.normalizeName(full, reference, schema));
        if (a === b) continue;
        if (schema === party.schema) listed++;
        else query++;
        console.log(`${schema}\t${JSON.stringify(full)}\t${a} -> ${b}`);
      }
    }
console.log(
  `${seen.size} distinct (schema, name) pairs; ${listed} read otherwise as listed, ${query} more as a query of no given kind`,
);
