/**
 * A wider development set for set (e)'s cause "listed word missing, a pair inexact"
 * (`set-e-causes.ts`): a listed person's own names, one written without a word of the other and
 * with another word spelt differently ("Sergejs Lavrovs" against "Sergey Viktorovich LAVROV"),
 * from the lists themselves, outside set (e) and outside every held-out subject.
 *
 *   npx tsx bench/heldout/set-missing-word.ts [--list tune]
 *
 * For each listed person (Latin-script names only), the pairs of its names (query: the shorter,
 * listed: the longer) whose comparison (`compareNames`) pairs every query word, leaves at least
 * one listed word unpaired, and pairs at least one word inexactly; one pair per person (the first
 * in the list's order). A person of a held-out subject (sets a, c, d) or whose names' words
 * are a set (e) name's is left out. Each pair is screened as set (e) screens one: the listed
 * name alone in its index, a user screening at the default threshold. Halves by subject
 * (`missingWordHalfOf`): `tune` to read case by case (`--list tune`), `check` counted only.
 */
import { createHash } from 'node:crypto';
import {
  buildParty,
  buildScreeningIndex,
  compareNames,
  compileNameReference,
  DEFAULT_SCREENING_THRESHOLD,
  normalizeName,
  partyEntityId,
  screenParty,
  type NameReference,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from './build-dev-set.ts';
import { scriptOf } from './fold-name.ts';
import { listContext } from './list-context.ts';
import { heldoutSubjects } from './set-arabic-latin.ts';
import { nameBenchSelection } from './set-independent-pairs.ts';

/** The two halves of the set: one read case by case, one counted. */
export type MissingWordHalf = 'tune' | 'check';

/** The half of a subject: the first four bytes of a salted SHA-256, modulo 2. */
export function missingWordHalfOf(subject: string): MissingWordHalf {
  const bucket = createHash('sha256').update(`missing-word:${subject}`, 'utf8').digest().readUInt32BE(0) % 2;
  return bucket === 0 ? 'tune' : 'check';
}

/** One pair of a person's own names: the query lacks a listed word and spells another differently. */
export interface MissingWordPair {
  subject: string;
  half: MissingWordHalf;
  query: string;
  listed: string;
}

const wordsKey = (tokens: readonly string[]): string => [...tokens].sort().join(' ');

async function main(): Promise<void> {
  const reference: NameReference = await loadNameReference(MIRROR);
  const compiled = compileNameReference(reference);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const excluded = heldoutSubjects(await buildDevSet(lists, MIRROR));
  const ctx = listContext(parties, [...parties, ...(await spellingOnlyParties(MIRROR))]);
  const setE = new Set(
    nameBenchSelection().pairs.flatMap((p) =>
      [p.query, p.candidate].map((n) => wordsKey(normalizeName(n, reference, 'person').tokens)),
    ),
  );
  const pairs: MissingWordPair[] = [];
  const taken = new Set<string>();
  for (const party of parties) {
    if (party.schema !== 'person') continue;
    const subject = ctx.subject.get(partyEntityId(party))!;
    if (excluded.has(subject) || taken.has(subject)) continue;
    const names = party.names
      .map((n) => n.full)
      .filter((n) => scriptOf(n) === 'Latn')
      .map((n) => normalizeName(n, reference, 'person'));
    if (names.some((n) => setE.has(wordsKey(n.tokens)))) continue;
    search: for (const q of names)
      for (const l of names) {
        if (q.tokens.length >= l.tokens.length || q.tokens.length < 2) continue;
        const c = compareNames(q, l, compiled);
        if (c.method !== 'tokens' || c.unmatchedQuery.length || !c.unmatchedCandidate.length) continue;
        if (!c.pairs.some((p) => p.kind !== 'exact')) continue;
        pairs.push({ subject, half: missingWordHalfOf(subject), query: q.text, listed: l.text });
        taken.add(subject);
        break search;
      }
  }
  const t = DEFAULT_SCREENING_THRESHOLD;
  const list = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
  const found = { tune: 0, check: 0 };
  const total = { tune: 0, check: 0 };
  for (const p of pairs) {
    const index = buildScreeningIndex(
      [
        {
          party: buildParty({
            source: 'pair',
            sourceId: '1',
            schema: 'person',
            names: [{ full: p.listed, quality: 'primary' }],
          }),
        },
      ],
      reference,
    );
    const hit = screenParty(index, { name: p.query, schema: 'person' }, { threshold: t })[0];
    total[p.half]++;
    if (hit) found[p.half]++;
    else if (p.half === 'tune' && list === 'tune') {
      const s = screenParty(index, { name: p.query, schema: 'person' }, { threshold: 0, limit: 1 })[0];
      console.log(
        `${(s?.score ?? 0).toFixed(3)}\t${p.query} | ${p.listed}\t${s?.explanation.join(' / ') ?? ''}`,
      );
    }
  }
  for (const h of ['tune', 'check'] as const)
    console.log(
      `${h}: ${found[h]}/${total[h]} found at ${t} (${((100 * found[h]) / total[h]).toFixed(1)} %)`,
    );
}

await main();
