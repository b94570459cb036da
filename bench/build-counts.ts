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
  columnBatchOf,
  columnPartyOf,
  encodeBatch,
  foldSpellingOnce,
  isVowelPoor,
  namePartsOf,
  phoneticKeyOnce,
  type Party,
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

// The parties step's stages on one thread, batches of 250 as the build sends them: what the main
// thread does per party (`JSON.stringify`) and what a worker does (`JSON.parse`, `columnBatchOf`,
// `encodeBatch`), and how much of a party's JSON the normalising reads (names, schema, identifiers).
const drawn = [...generator.stream(N, 18)];
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const stages = { stringify: 0, parse: 0, columnBatchOf: 0, encodeBatch: 0 };
let jsonUnits = 0;
let readUnits = 0;
for (let i = 0; i < drawn.length; i += 250) {
  let t = cpu();
  const json = drawn.slice(i, i + 250).map((p) => JSON.stringify(p));
  stages.stringify += cpu() - t;
  t = cpu();
  const parsed = json.map((j) => JSON.parse(j) as Party);
  stages.parse += cpu() - t;
  t = cpu();
  columnBatchOf(parsed, reference);
  stages.columnBatchOf += cpu() - t;
  t = cpu();
  encodeBatch(json);
  stages.encodeBatch += cpu() - t;
  for (let k = 0; k < json.length; k++) {
    const p = parsed[k]!;
    jsonUnits += json[k]!.length;
    readUnits += JSON.stringify({
      source: p.source,
      sourceId: p.sourceId,
      schema: p.schema,
      names: p.names,
      identifiers: p.identifiers,
    }).length;
  }
}
console.log(
  `parties step on one thread (ms CPU): JSON.stringify ${stages.stringify.toFixed(0)}, JSON.parse ${stages.parse.toFixed(0)}, columnBatchOf ${stages.columnBatchOf.toFixed(0)}, encodeBatch ${stages.encodeBatch.toFixed(0)}; JSON ${jsonUnits} units, of which source, id, schema, names and identifiers ${readUnits} (${((100 * readUnits) / jsonUnits).toFixed(1)} %)`,
);
