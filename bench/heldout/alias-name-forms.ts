/**
 * How often the name-form falls (`genderedForm`, `looseWordOfTwo`) fire between two names of one
 * listed person: every ordered pair of a person's own names of as many words, in the mirror's
 * lists, compared with `compareNames` (the full name reference). Such a pair is one person by
 * definition, so a fall there is what a spelling the list does not carry can suffer too. Prints
 * each distinct pair where `genderedForm` fires or where a fall takes the score from 0.86 or more
 * to under it, then the counts.
 *
 *   npx tsx bench/heldout/alias-name-forms.ts
 */
import { compareNames, compileNameReference, normalizeName } from '../../packages/core/src/index.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';

const THRESHOLD = 0.86;
const reference = await loadNameReference(MIRROR);
const compiled = compileNameReference(reference);
const lists = await loadMirrorLists(MIRROR, () => {});
const counts = { persons: 0, pairs: 0, gendered: 0, genderedCrossing: 0, loose: 0, looseCrossing: 0 };
const seen = new Set<string>();
for (const list of lists) {
  for (const party of list.parties) {
    if (party.schema !== 'person') continue;
    counts.persons++;
    const names = party.names.map((n) => normalizeName(n.full, reference, 'person'));
    for (let i = 0; i < names.length; i++) {
      for (let j = 0; j < names.length; j++) {
        if (i === j || names[i]!.tokens.length !== names[j]!.tokens.length) continue;
        counts.pairs++;
        const r = compareNames(names[i]!, names[j]!, compiled);
        for (const t of r.terms) {
          if (t.feature !== 'genderedForm' && t.feature !== 'looseWordOfTwo') continue;
          const crossing = r.score < THRESHOLD && r.score - t.value >= THRESHOLD;
          if (t.feature === 'genderedForm') {
            counts.gendered++;
            if (crossing) counts.genderedCrossing++;
          } else {
            counts.loose++;
            if (crossing) counts.looseCrossing++;
          }
          const key = `${t.feature} ${names[i]!.tokens.join(' ')} / ${names[j]!.tokens.join(' ')}`;
          if (seen.has(key) || (t.feature !== 'genderedForm' && !crossing)) continue;
          seen.add(key);
          const without = (r.score - t.value).toFixed(3);
          console.log(`${party.source} ${party.sourceId} ${key} ${r.score.toFixed(3)} (${without} without)`);
        }
      }
    }
  }
}
console.log(counts);
