/**
 * Builds the held-out development set of issue 14 from the mirror at run
 * time (nothing of the data is copied into the repository):
 * (a) UN subjects' spellings published by other authorities, (b) invented
 * persons, (c) Cyrillic names of listed persons, (d) class pairs 1-8, and
 * (e) a small hand-reproduced independent collection of labelled pairs, each
 * case split by subject into tune / threshold / report (split.ts).
 *
 * Run directly to write the set: `npx tsx bench/heldout/build-dev-set.ts
 * [--out bench/.out/heldout-dev-set.json]` (bench/.out is git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Party } from '@entente/core';
import { ukOfsiCsvFormat } from '../../packages/adapters/src/ingest/uk-ofsi-csv/source.ts';
import { loadMirrorLists, MIRROR, REPO_ROOT, type LoadedList } from '../eval-screening-lists.ts';
import { otherClassCases } from './class-cases-other.ts';
import { personClassCases } from './class-cases-persons.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { listContext } from './list-context.ts';
import { setASourceParties } from './set-a-sources.ts';
import { loadNameTables } from './name-tables.ts';
import { cyrillicCases } from './set-cyrillic.ts';
import { independentPairCases } from './set-independent-pairs.ts';
import { inventedPersonCases } from './set-invented-persons.ts';
import { unSpellingCases } from './set-un-spellings.ts';

/** Parties that only give spellings for set (a): the UK OFSI fixture excerpt (not indexed: a format fixture). */
export async function spellingOnlyParties(mirror: string): Promise<Party[]> {
  const groups = await ukOfsiCsvFormat.findInMirror(mirror);
  const parsed = await Promise.all(groups.map((g) => ukOfsiCsvFormat.parse(g)));
  return parsed.flat().flatMap((l) => l.parties);
}

/** What set (a) draws on: `wide` (the default) adds the publications of set-a-sources.ts; `narrow` is set (a) up to Part 14. */
export type SetASources = 'wide' | 'narrow';

/** `--set-a narrow` on a bench's command line asks for set (a) up to Part 14; anything else the wide one. */
export function setAFromArgv(argv = process.argv): SetASources {
  const at = argv.indexOf('--set-a');
  return at > 0 && argv[at + 1] === 'narrow' ? 'narrow' : 'wide';
}

/**
 * Builds every set from the loaded lists; cases sorted by id. The wider set
 * (a)'s publications are not used to cluster subjects, so every subject keeps
 * its key and split whichever `setA` is asked for.
 */
export async function buildDevSet(
  lists: LoadedList[],
  mirror = MIRROR,
  setA: SetASources = 'wide',
): Promise<HeldoutCase[]> {
  const indexed = lists.flatMap((l) => l.parties);
  const extra = await spellingOnlyParties(mirror);
  const ctx = listContext(indexed, [...indexed, ...extra]);
  const tables = loadNameTables(mirror);
  const wider = setA === 'wide' ? await setASourceParties(mirror) : [];
  const cases = [
    ...unSpellingCases(
      ctx,
      [...indexed, ...extra, ...wider].filter((p) => p.source !== 'un-sc'),
    ),
    ...inventedPersonCases(mirror),
    ...cyrillicCases(ctx),
    ...personClassCases(ctx, tables),
    ...otherClassCases(ctx, tables),
    ...independentPairCases(),
  ];
  return cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1]! : path.join(REPO_ROOT, 'bench/.out/heldout-dev-set.json');
  const cases = await buildDevSet(await loadMirrorLists());
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(cases, null, 1));
  console.log(`${cases.length} cases written to ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
