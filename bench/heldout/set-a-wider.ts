/**
 * A wider development set shaped like set (a): spellings one authority publishes of a subject
 * another indexed list also carries, that list itself not carrying them, screened against that
 * list alone (`sources: [list]`) on the full index, as set (a) screens the UN list's subjects.
 *
 *   npx tsx bench/heldout/set-a-wider.ts [--list tune] [--json out.json]
 *
 * Subjects are the project's subject keys (`subject-clusters.ts`: a UN reference or a spelling of
 * two words or more in common), over the indexed lists plus the UK fixture that only gives
 * spellings, as `buildDevSet` keys them. Every held-out subject (every subject of sets a, c, d
 * and e, `heldoutSubjects`) is left out. For each remaining subject, each list carrying it (the
 * target) and each party of another list in the subject: each of the party's cleaned spellings
 * (`cleanSpelling`) whose fold key no target party of the subject carries, that no target party
 * of another subject carries (ambiguous by name), that is a fair query (`unfairSpelling`) and
 * that passes set (a)'s spelling test v3 against the target's names in its script
 * (`relatedDistinctiveWordsV3`) becomes a case, once per subject and spelling (the first target
 * in list order). Truth: the target's parties of the subject. Found: a truth party at rank 1 as a
 * user screening at the default threshold gets it (`screenCaseAsUser`, set (a)'s headline).
 *
 * Halves by subject (`aWiderHalfOf`): `tune` to read case by case (`--list tune`), `check`
 * counted only.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SCREENING_THRESHOLD, namePartsOf, partyEntityId, type Party } from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from './build-dev-set.ts';
import { missCause } from './diagnose-set-a.ts';
import { foldKey, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { listContext } from './list-context.ts';
import { foundAt1 } from './metrics.ts';
import { buildIndexes, screenCaseAsUser } from './screen-cases.ts';
import { heldoutSubjects } from './set-arabic-latin.ts';
import {
  cleanSpelling,
  relatedDistinctiveWordsV3,
  relatedWords,
  unfairSpelling,
} from './set-un-spellings.ts';
import { splitOf } from './split.ts';

/** The two halves of the set: one read case by case, one counted. */
export type AWiderHalf = 'tune' | 'check';

/** The half of a subject: the first four bytes of a salted SHA-256, modulo 2. */
export function aWiderHalfOf(subject: string): AWiderHalf {
  const bucket = createHash('sha256').update(`a-wider:${subject}`, 'utf8').digest().readUInt32BE(0) % 2;
  return bucket === 0 ? 'tune' : 'check';
}

/** One case of the wider set, with its half. */
export interface AWiderCase extends HeldoutCase {
  half: AWiderHalf;
}

/**
 * The cases (see the module comment). `indexed`: the parties the index holds (targets and
 * spellings); `extra`: parties that only give spellings; `subject`: entity id → subject key.
 */
export function aWiderCases(
  indexed: readonly Party[],
  extra: readonly Party[],
  subject: ReadonlyMap<string, string>,
  excluded: ReadonlySet<string>,
): AWiderCase[] {
  const bySubject = new Map<string, Party[]>();
  for (const p of [...indexed, ...extra]) {
    const s = subject.get(partyEntityId(p));
    if (!s || excluded.has(s)) continue;
    const list = bySubject.get(s);
    if (list) list.push(p);
    else bySubject.set(s, [p]);
  }
  const indexedIds = new Set(indexed.map(partyEntityId));
  // Fold key → the (source, subject) pairs of the indexed parties that carry it.
  const holders = new Map<string, Set<string>>();
  for (const p of indexed)
    for (const key of new Set(p.names.map((n) => foldKey(n.full)))) {
      const set = holders.get(key) ?? new Set<string>();
      set.add(`${p.source}\u0000${subject.get(partyEntityId(p))}`);
      holders.set(key, set);
    }
  const cases: AWiderCase[] = [];
  for (const [s, members] of bySubject) {
    const targets = [
      ...new Set(members.filter((p) => indexedIds.has(partyEntityId(p))).map((p) => p.source)),
    ];
    const taken = new Set<string>();
    for (const target of targets.sort()) {
      const own = members.filter((p) => p.source === target && indexedIds.has(partyEntityId(p)));
      const schema = own[0]!.schema;
      if (own.some((p) => p.schema !== schema)) continue;
      const ownKeys = new Set(own.flatMap((p) => p.names.map((n) => foldKey(n.full))));
      for (const party of members) {
        if (party.source === target || party.schema !== schema) continue;
        for (const published of party.names) {
          const full = cleanSpelling(published.full);
          const key = foldKey(full);
          if (!key || ownKeys.has(key) || taken.has(key)) continue;
          if (unfairSpelling(published.full) || unfairSpelling(full)) continue;
          if (
            [...(holders.get(key) ?? [])].some(
              (h) => h.startsWith(`${target}\u0000`) && !h.endsWith(`\u0000${s}`),
            )
          )
            continue;
          const script = scriptOf(full);
          const sameScript = own
            .flatMap((p) => p.names.map((n) => n.full))
            .filter((n) => scriptOf(n) === script);
          if (!sameScript.length || !relatedWords(sameScript.join(' '), full)) continue;
          const parts = sameScript.flatMap((n) => {
            const ps = namePartsOf(n);
            return ps.length > 0 ? ps : [n];
          });
          if (!relatedDistinctiveWordsV3(parts, full)) continue;
          taken.add(key);
          cases.push({
            id: `a-wider:${target}:${s}:${key}`,
            set: 'a',
            rule: `${party.source}-spelling`,
            script,
            subject: s,
            split: splitOf(s),
            half: aWiderHalfOf(s),
            expect: 'match',
            query: { name: full, schema, sources: [target] },
            truth: own.map(partyEntityId),
            index: 'full',
            listed: own[0]!.names[0]?.full,
          });
        }
      }
    }
  }
  return cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function main(): Promise<void> {
  const arg = (name: string): string | undefined =>
    process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const indexed = lists.flatMap((l) => l.parties);
  const extra = await spellingOnlyParties(MIRROR);
  const ctx = listContext(indexed, [...indexed, ...extra]);
  const excluded = heldoutSubjects(await buildDevSet(lists, MIRROR));
  const cases = aWiderCases(indexed, extra, ctx.subject, excluded);
  const index = buildIndexes(indexed, reference, []).full;
  const t = DEFAULT_SCREENING_THRESHOLD;
  const found = { tune: 0, check: 0 };
  const total = { tune: 0, check: 0 };
  const outcomes: Record<string, boolean> = {};
  const misses: string[] = [];
  for (const c of cases) {
    const o = screenCaseAsUser(index, c, t);
    const hit = foundAt1(o, t);
    total[c.half]++;
    if (hit) found[c.half]++;
    outcomes[c.id] = hit;
    if (!hit && c.half === 'tune' && arg('--list') === 'tune') {
      const { cause, detail } = missCause(index, c, o, t);
      misses.push(
        `${cause}\t${c.query.schema}\t${c.rule}→${c.query.sources![0]}\t${c.query.name}\t| listed ${c.listed}\t| ${detail}`,
      );
    }
  }
  if (misses.length) console.log(misses.sort().join('\n'));
  for (const h of ['tune', 'check'] as const)
    console.log(
      `${h}: ${found[h]}/${total[h]} found at ${t} (${((100 * found[h]) / total[h]).toFixed(1)} %)`,
    );
  const json = arg('--json');
  // Only the tune half's outcomes by case: the check half is counted, not read.
  if (json)
    writeFileSync(
      json,
      JSON.stringify({
        found,
        total,
        tune: Object.fromEntries(cases.filter((c) => c.half === 'tune').map((c) => [c.id, outcomes[c.id]])),
      }),
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
