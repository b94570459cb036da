/**
 * A wider development set for set (e)'s cause "listed word missing, a pair inexact"
 * (`set-e-causes.ts`): a listed person's own names, one written without a word of the other and
 * with another word spelt differently ("Sergejs Lavrovs" against "Sergey Viktorovich LAVROV"),
 * from the lists themselves, outside set (e) and outside every held-out subject; and, to see
 * what finding them costs, the same shapes between two different listed persons.
 *
 *   npx tsx bench/heldout/set-missing-word.ts [--list tune|tune-not] [--json FILE]
 *
 * Should-match: for each listed person (Latin-script names only), the pairs of its names (query:
 * the shorter, listed: the longer) whose comparison (`compareNames`) pairs every query word,
 * leaves at least one listed word unpaired, and pairs at least one word inexactly; one pair per
 * person (the first in the list's order). A person of a held-out subject (sets a, c, d) or whose
 * names' words are a set (e) name's is left out.
 *
 * Should-not-match: each such query against the name of another listed person (another
 * subject, also outside the held-out subjects and set (e)) of the same shape that shares a word
 * with it exactly (a surname or a given name; a word held by more than `MAX_POSTINGS` names is
 * too common to look up by), and pairs another inexactly: of those, the one whose words align
 * best (`compareNames`' `baseScore`, before the name-level terms a scoring change may move: the
 * same pairs before and after it), unless it reads as one of the query person's own names
 * (`OWN_NAME`: one person on two lists that the subjects do not join). Each pair is screened as set (e) screens one: the listed name
 * alone in its index, a user screening at the default threshold. Halves by the query's subject
 * (`missingWordHalfOf`): `tune` to read case by case (`--list tune`, `--list tune-not`), `check`
 * counted only.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import {
  buildParty,
  buildScreeningIndex,
  compareNames,
  compileNameReference,
  DEFAULT_SCREENING_THRESHOLD,
  normalizeName,
  partyEntityId,
  screenParty,
  type NameComparison,
  type NameReference,
  type NormalizedName,
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

/** One pair of names: the query lacks a listed word and spells another differently. */
export interface MissingWordPair {
  subject: string;
  half: MissingWordHalf;
  query: string;
  listed: string;
  /** Whether the two names are one person's (should match) or two persons' (should not). */
  same: boolean;
}

/** Names holding a word beyond which the word is too common to find another person by. */
const MAX_POSTINGS = 400;

const wordsKey = (tokens: readonly string[]): string => [...tokens].sort().join(' ');

/** The shape the set is about: every query word paired, a listed word left out, a pair inexact. */
function missingWordShape(c: NameComparison): boolean {
  return (
    c.method === 'tokens' &&
    c.unmatchedQuery.length === 0 &&
    c.unmatchedCandidate.length > 0 &&
    c.pairs.some((p) => p.kind !== 'exact')
  );
}

interface PersonName {
  subject: string;
  name: NormalizedName;
}

/** A score at which a name is read as one of the query person's own: it is then no other person. */
const OWN_NAME = 0.86;

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
  const queries: (PersonName & { own: NormalizedName[] })[] = [];
  const taken = new Set<string>();
  const everyName: PersonName[] = [];
  for (const party of parties) {
    if (party.schema !== 'person') continue;
    const subject = ctx.subject.get(partyEntityId(party))!;
    if (excluded.has(subject)) continue;
    const names = party.names
      .map((n) => n.full)
      .filter((n) => scriptOf(n) === 'Latn')
      .map((n) => normalizeName(n, reference, 'person'));
    if (names.some((n) => setE.has(wordsKey(n.tokens)))) continue;
    for (const name of names) everyName.push({ subject, name });
    if (taken.has(subject)) continue;
    search: for (const q of names)
      for (const l of names) {
        if (q.tokens.length >= l.tokens.length || q.tokens.length < 2) continue;
        if (!missingWordShape(compareNames(q, l, compiled))) continue;
        const half = missingWordHalfOf(subject);
        pairs.push({ subject, half, query: q.text, listed: l.text, same: true });
        queries.push({ subject, name: q, own: names });
        taken.add(subject);
        break search;
      }
  }
  // Another person's name of the same shape sharing a word exactly, the highest scored.
  const postings = new Map<string, number[]>();
  everyName.forEach((n, k) => {
    for (const t of new Set(n.name.tokens)) {
      const list = postings.get(t);
      if (list) list.push(k);
      else postings.set(t, [k]);
    }
  });
  for (const q of queries) {
    const seen = new Set<number>();
    let best: { score: number; listed: string } | undefined;
    for (const t of new Set(q.name.tokens)) {
      const list = postings.get(t);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const k of list) {
        if (seen.has(k)) continue;
        seen.add(k);
        const other = everyName[k]!;
        if (other.subject === q.subject || other.name.tokens.length <= q.name.tokens.length) continue;
        const c = compareNames(q.name, other.name, compiled);
        if (!missingWordShape(c) || !c.pairs.some((p) => p.kind === 'exact')) continue;
        // A name the lists give another subject yet that reads as one of the query person's
        // own (one person on two lists, not joined): not another person.
        if (q.own.some((n) => compareNames(other.name, n, compiled).score >= OWN_NAME)) continue;
        if (!best || c.baseScore > best.score) best = { score: c.baseScore, listed: other.name.text };
      }
    }
    if (best)
      pairs.push({
        subject: q.subject,
        half: missingWordHalfOf(q.subject),
        query: q.name.text,
        listed: best.listed,
        same: false,
      });
  }
  const t = DEFAULT_SCREENING_THRESHOLD;
  const at = process.argv.indexOf('--list');
  const list = at >= 0 ? process.argv[at + 1] : undefined;
  const jsonAt = process.argv.indexOf('--json');
  const right = { match: { tune: 0, check: 0 }, not: { tune: 0, check: 0 } };
  const total = { match: { tune: 0, check: 0 }, not: { tune: 0, check: 0 } };
  const scores: { query: string; listed: string; same: boolean; half: MissingWordHalf; score: number }[] = [];
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
    const s = screenParty(index, { name: p.query, schema: 'person' }, { threshold: 0, limit: 1 })[0];
    const score = s?.score ?? 0;
    const flagged = screenParty(index, { name: p.query, schema: 'person' }, { threshold: t }).length > 0;
    scores.push({ query: p.query, listed: p.listed, same: p.same, half: p.half, score });
    const kind = p.same ? 'match' : 'not';
    total[kind][p.half]++;
    const ok = flagged === p.same;
    if (ok) right[kind][p.half]++;
    else if (p.half === 'tune' && list === (p.same ? 'tune' : 'tune-not'))
      console.log(`${score.toFixed(3)}\t${p.query} | ${p.listed}\t${s?.explanation.join(' / ') ?? ''}`);
  }
  for (const h of ['tune', 'check'] as const) {
    const m = right.match[h];
    const n = right.not[h];
    console.log(
      `${h}: should-match ${m}/${total.match[h]} found (${((100 * m) / total.match[h]).toFixed(1)} %), ` +
        `should-not-match ${n}/${total.not[h]} not flagged (${((100 * n) / total.not[h]).toFixed(1)} %) at ${t}`,
    );
  }
  if (jsonAt >= 0) await writeFile(process.argv[jsonAt + 1]!, JSON.stringify(scores, null, 1));
}

await main();
