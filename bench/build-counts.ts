/**
 * Counts of the column build's work per phase (issue 18, point 4), on one thread, over N synthetic
 * parties (default 200,000, seeded as bench/scale-1m.ts): names, name texts normalised (with the
 * name parts and Arabic readings each adds), tokens and keys per occurrence, distinct tokens by
 * kind (a name's token, its joined key, an original-script token), the token facts' inputs (ASCII
 * words the spelling folds run on, needles found per fold) and the time of each fact alone. Counts
 * are not noisy: they say what each phase does per party and where a skip could apply. Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data N=200000 node --import tsx bench/build-counts.ts`.
 */
import {
  arabicReading,
  columnPartyOf,
  foldSpellingOnce,
  isVowelPoor,
  namePartsOf,
  phoneticKeyOnce,
} from '@entente/core';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 200_000);
const { reference, generator } = await syntheticGenerator();
let parties = 0;
let cells = 0;
let withParts = 0;
let parts = 0;
let withArabic = 0;
let nonAscii = 0;
let names = 0;
let tokens = 0;
let keys = 0;
const kind = new Map<string, number>(); // distinct key → 1 token, 2 joined, 4 original (bits)
for (const party of generator.stream(N, 18)) {
  parties++;
  for (const name of party.names) {
    if (!name.full) continue;
    cells++;
    const p = namePartsOf(name.full);
    if (p.length) withParts++;
    parts += p.length;
    for (const t of [name.full, ...p]) {
      if (arabicReading(t) !== undefined) withArabic++;
      if (/[^\x00-\x7f]/.test(t)) nonAscii++;
    }
  }
  for (const n of columnPartyOf(party, reference).names) {
    names++;
    tokens += n.tokens.length;
    keys += n.keys.length;
    const joined = n.tokens.length > 1 ? n.tokens.join('') : undefined;
    for (const k of n.keys) {
      const bit = n.tokens.includes(k) ? 1 : k === joined ? 2 : 4;
      kind.set(k, (kind.get(k) ?? 0) | bit);
    }
  }
}
const byKind = new Map<number, number>();
for (const b of kind.values()) byKind.set(b, (byKind.get(b) ?? 0) + 1);
const distinct = [...kind.keys()];
const ascii = distinct.filter((t) => /^[a-z]+$/.test(t)).length;
const time = (label: string, f: (t: string) => unknown): void => {
  for (let round = 0; round < 2; round++) {
    const c0 = process.cpuUsage();
    for (const t of distinct) f(t);
    const c = process.cpuUsage(c0);
    if (round === 1)
      console.log(`  ${label}: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU over the distinct keys`);
  }
};
console.log(
  `${parties} parties, ${cells} name cells (${withParts} with name parts, ${parts} parts), ${withArabic} texts with Arabic letters, ${nonAscii} texts not ASCII`,
);
console.log(`${names} names indexed, ${tokens} tokens, ${keys} keys (per occurrence)`);
console.log(
  `${distinct.length} distinct keys: only a token ${byKind.get(1) ?? 0}, only a joined key ${byKind.get(2) ?? 0}, only original-script ${byKind.get(4) ?? 0}, several kinds ${distinct.length - (byKind.get(1) ?? 0) - (byKind.get(2) ?? 0) - (byKind.get(4) ?? 0)}; ASCII words ${ascii}`,
);
time('phoneticKeyOnce', phoneticKeyOnce);
time('foldSpellingOnce', foldSpellingOnce);
time('isVowelPoor', isVowelPoor);
