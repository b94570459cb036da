/**
 * A wider development set of Arabic-script → Latin pairs (issue 14, class 7),
 * built from the lists' own records at run time and kept apart from the
 * held-out sets: every listed person that carries a name in Arabic script,
 * its subject (subject-clusters.ts: the same UN reference, or a shared
 * spelling of two words or more, on any list) holding a Latin name. Each
 * distinct Arabic-script spelling of a subject is one case, screened against
 * the Latin names of every list (no source filter); any party of the subject
 * at rank 1 is correct.
 *
 * Every subject that set (a), (c), (d) or (e) holds in any split is left out,
 * so figures here and there never share a subject. The rest is split by
 * subject into two halves of its own: `tune`, to read case by case, and
 * `check`, to count a rule's effect only. Persons only, as class 7: an
 * organisation's Arabic name is a translation, which no name matcher reads.
 * Left out too: spellings of one word of four letters or fewer, cells
 * holding a comma-separated list of names (`unfairSpelling`), and cells that
 * mix Latin words in (a Latin name and its Arabic one packed together).
 */
import { createHash } from 'node:crypto';
import { partyEntityId, type ScreeningQuery } from '@entente/core';
import { foldKey, scriptOf } from './fold-name.ts';
import type { LoadedList } from '../eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from './build-dev-set.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { listContext, type ListContext } from './list-context.ts';
import { unfairSpelling } from './set-un-spellings.ts';

/** The two halves of the Arabic-script set. */
export type ArabicHalf = 'tune' | 'check';

/** One Arabic-script query and the parties (of any list) that are its subject. */
export interface ArabicLatinCase {
  /** Stable id: subject and the spelling's fold key. */
  id: string;
  subject: string;
  half: ArabicHalf;
  query: ScreeningQuery;
  /** Entity ids of the subject's parties that carry a Latin name. */
  truth: string[];
  /** Source of the party whose record carries the spelling (the first one, by entity id). */
  source: string;
  /** The Latin names of the subject, for reading misses. */
  latin: string[];
}

/** The half a subject belongs to: the first four bytes of a salted SHA-256, modulo 2. */
export function arabicHalfOf(subject: string): ArabicHalf {
  const bucket = createHash('sha256').update(`arabic-latin:${subject}`, 'utf8').digest().readUInt32BE(0) % 2;
  return bucket === 0 ? 'tune' : 'check';
}

/** The subjects a set of held-out cases holds (sets a, c, d and e; set b's persons are invented). */
export function heldoutSubjects(cases: readonly HeldoutCase[]): Set<string> {
  return new Set(cases.filter((c) => c.set !== 'b').map((c) => c.subject));
}

/** Builds the set from the lists (`ctx` as buildDevSet makes it), leaving out `excluded` subjects; sorted by id. */
export function arabicLatinCases(ctx: ListContext, excluded: ReadonlySet<string>): ArabicLatinCase[] {
  const members = new Map<string, string[]>();
  for (const party of ctx.parties) {
    if (party.schema !== 'person') continue;
    const id = partyEntityId(party);
    const subject = ctx.subject.get(id)!;
    const list = members.get(subject);
    if (list) list.push(id);
    else members.set(subject, [id]);
  }
  const cases = new Map<string, ArabicLatinCase>();
  for (const [subject, ids] of members) {
    if (excluded.has(subject)) continue;
    const parties = ids.sort().map((id) => ctx.byId.get(id)!);
    const latinOf = (id: string): string[] =>
      ctx.byId
        .get(id)!
        .names.filter((n) => scriptOf(n.full) === 'Latn')
        .map((n) => n.full);
    const truth = ids.filter((id) => latinOf(id).length > 0);
    if (truth.length === 0) continue;
    const latin = [...new Set(truth.flatMap(latinOf))];
    for (const party of parties)
      for (const n of party.names) {
        const name = n.full.trim();
        if (scriptOf(name) !== 'Arab' || /\p{Script=Latin}/u.test(name) || unfairSpelling(name)) continue;
        const id = `arab:${subject}:${foldKey(name)}`;
        if (cases.has(id)) continue;
        cases.set(id, {
          id,
          subject,
          half: arabicHalfOf(subject),
          query: { name, schema: 'person' },
          truth,
          source: party.source,
          latin,
        });
      }
  }
  return [...cases.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The set from the loaded lists of the mirror, subjects keyed as buildDevSet keys them (the
 * indexed parties and the spelling-only ones clustered together), without the subjects of the
 * held-out set that buildDevSet builds from the same lists.
 */
export async function buildArabicLatinSet(
  lists: LoadedList[],
  mirror: string,
): Promise<{ cases: ArabicLatinCase[]; excluded: Set<string> }> {
  const parties = lists.flatMap((l) => l.parties);
  const excluded = heldoutSubjects(await buildDevSet(lists, mirror));
  const ctx = listContext(parties, [...parties, ...(await spellingOnlyParties(mirror))]);
  return { cases: arabicLatinCases(ctx, excluded), excluded };
}
