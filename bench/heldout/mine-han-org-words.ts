/**
 * Reads candidate translations of the generic words of organisation names written in kanji or
 * hanzi (工場 "plant", 研究所 "institute", 集团 "group") from the lists themselves: every
 * organisation of the wider Han/kana set's `tune` half (`cjk-wider-set.ts`: no subject of any
 * held-out set, and not the `check` half) that carries a name with Han characters and a Latin
 * name. For each Han string of two to four characters inside such a name, and each English
 * generic word of the party's Latin names (the engine's organisation words, and the single-word
 * organisation symbols of the name reference), it counts the parties that hold both; a pair is
 * printed when the Han string comes with the English word in at least `MIN_SHARE` of the parties
 * that hold it, with the entry ids it was read from.
 *
 *   npx tsx bench/heldout/mine-han-org-words.ts [--min-parties 2] [--all-words]
 *
 * The engine's table (`packages/core/src/screening/han-organisation-words.ts`) keeps only pairs
 * where the Han word is the English word's meaning, each with an entry id printed here.
 */
import { partyEntityId, tokenizeName, type Party } from '@entente/core';
import {
  GENERIC_ORGANISATION_WORDS,
  ORGANISATION_WORD_GROUPS,
} from '../../packages/core/src/screening/organisation-words.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from './build-dev-set.ts';
import { halfOf } from './cjk-wider-set.ts';
import { scriptOf } from './fold-name.ts';
import { listContext } from './list-context.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Shortest and longest Han strings read. */
const MIN_CHARS = 2;
const MAX_CHARS = 4;
/** Share of the parties holding a Han string that must hold the English word too. */
const MIN_SHARE = 0.5;

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const minParties = Number(option('min-parties') ?? 2);
/** `--all-words`: every Latin word of three letters or more, not only the generic ones. */
const allWords = process.argv.includes('--all-words');

const lists = await loadMirrorLists(MIRROR, () => {});
const reference = await loadNameReference(MIRROR);
const indexed = lists.flatMap((l) => l.parties);
const ctx = listContext(indexed, [...indexed, ...(await spellingOnlyParties(MIRROR))]);
const heldout = new Set((await buildDevSet(lists, MIRROR)).map((c) => c.subject));

const generic = new Set<string>();
for (const w of [...Object.values(ORGANISATION_WORD_GROUPS).flat(), ...GENERIC_ORGANISATION_WORDS])
  for (const t of tokenizeName(w)) generic.add(t);
for (const words of Object.values(reference.orgSymbols))
  for (const w of words) {
    const t = tokenizeName(w);
    if (t.length === 1 && /^[a-z]{3,}$/.test(t[0]!) && w === w.normalize('NFKD')) generic.add(t[0]!);
  }

/** Han strings of two to four characters inside the Han runs of a name. */
function hanStrings(name: string): Set<string> {
  const out = new Set<string>();
  for (const run of name.normalize('NFKC').match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let len = MIN_CHARS; len <= MAX_CHARS; len++)
      for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''));
  }
  return out;
}

const withHan = new Map<string, string[]>();
const together = new Map<string, string[]>();
let read = 0;
for (const party of ctx.parties as Party[]) {
  if (party.schema !== 'organization') continue;
  const subject = ctx.subject.get(partyEntityId(party))!;
  if (heldout.has(subject) || halfOf(subject) !== 'tune') continue;
  const han = new Set<string>();
  const english = new Set<string>();
  for (const n of party.names) {
    if (scriptOf(n.full) === 'Latn')
      for (const t of tokenizeName(n.full))
        if (generic.has(t) || (allWords && /^[a-z]{3,}$/.test(t))) english.add(t);
    for (const h of hanStrings(n.full)) han.add(h);
  }
  if (han.size === 0 || !party.names.some((n) => scriptOf(n.full) === 'Latn')) continue;
  read++;
  const id = partyEntityId(party);
  for (const h of han) {
    withHan.set(h, [...(withHan.get(h) ?? []), id]);
    for (const w of english) {
      const key = `${h}\t${w}`;
      together.set(key, [...(together.get(key) ?? []), id]);
    }
  }
}

const rows = [...together]
  .map(([key, ids]) => {
    const [h, w] = key.split('\t') as [string, string];
    return { h, w, ids, share: ids.length / withHan.get(h)!.length };
  })
  .filter((r) => r.ids.length >= minParties && r.share >= MIN_SHARE)
  .sort((a, b) => b.ids.length - a.ids.length || b.share - a.share || (a.h < b.h ? -1 : 1));
for (const r of rows)
  console.log(`${r.h}\t${r.w}\t${r.ids.length}/${withHan.get(r.h)!.length}\t${r.ids.slice(0, 3).join(', ')}`);
console.log(`\n${rows.length} pairs from ${read} organisations of the tune half with a Han and a Latin name`);
