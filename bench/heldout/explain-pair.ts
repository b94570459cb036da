/**
 * Prints the score and the explained terms of one query against one listed name, as set (e)
 * screens a pair (`set-independent-pairs.ts`: the listed name alone in its index).
 *
 *   npx tsx bench/heldout/explain-pair.ts <person|organization> "<query>" "<listed>" ["<query>" "<listed>" …]
 */
import { buildParty, buildScreeningIndex, screenParty, type PartySchema } from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { MIRROR } from '../eval-screening-lists.ts';

const [schema, ...rest] = process.argv.slice(2) as [PartySchema, ...string[]];
const reference = await loadNameReference(MIRROR);
for (let i = 0; i + 1 < rest.length; i += 2) {
  const query = rest[i]!;
  const listed = rest[i + 1]!;
  const index = buildScreeningIndex(
    [{ party: buildParty({ sourceId: 'pair', schema, names: [{ full: listed }] } as never) }],
    reference,
  );
  const hit = screenParty(index, { name: query, schema }, { threshold: 0, limit: 1 })[0];
  console.log(`${query} / ${listed}: ${hit ? hit.score.toFixed(3) : 'nothing'}`);
  if (hit) for (const e of hit.explanation) console.log(`   ${e}`);
}
