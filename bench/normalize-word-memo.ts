/**
 * Whether a per-word memo of `tokenizeName` would pay in the column build's normalising: over the
 * names of N synthetic parties (default 40,000, seeded as bench/scale-1m.ts), `tokenizeName` of
 * each whole name against the same tokens made word by word (the name cut as `tokenizeName` cuts
 * it, split at spaces, each word's tokens from a `Map`, filled on a miss), and `normalizeName`
 * of the same names for scale. Checks that both give the same tokens for every name; prints CPU ms
 * per round (docs/decisions/2026-12-06-build-1m-normalise-memo.md).
 *
 *   ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/normalize-word-memo.ts
 */
import { MAX_NAME_LENGTH, normalizeName, tokenizeName, type PartySchema } from '@entente/core';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 40_000);
const { reference, generator } = await syntheticGenerator();
const names: [string, PartySchema][] = [];
for (const p of generator.stream(N, 18)) for (const n of p.names) if (n.full) names.push([n.full, p.schema]);

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
function byWord(text: string, memo: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const word of text.slice(0, MAX_NAME_LENGTH).split(' ')) {
    let tokens = memo.get(word);
    if (tokens === undefined) memo.set(word, (tokens = tokenizeName(word)));
    for (const t of tokens) out.push(t);
  }
  return out;
}

let words = 0;
const distinct = new Set<string>();
let differ = 0;
const check = new Map<string, string[]>();
for (const [text] of names) {
  for (const w of text.split(' ')) {
    words++;
    distinct.add(w);
  }
  if (byWord(text, check).join(' ') !== tokenizeName(text).join(' ')) differ++;
}
console.log(
  `${names.length} names, ${words} words, ${distinct.size} distinct; word-by-word tokens differ for ${differ}`,
);
for (let round = 1; round <= 4; round++) {
  let t = cpu();
  for (const [text, schema] of names) normalizeName(text, reference, schema);
  const whole = cpu() - t;
  t = cpu();
  for (const [text] of names) tokenizeName(text);
  const tokenize = cpu() - t;
  const memo = new Map<string, string[]>();
  t = cpu();
  for (const [text] of names) byWord(text, memo);
  const memoised = cpu() - t;
  t = cpu();
  for (const [text] of names) byWord(text, memo);
  const warm = cpu() - t;
  console.log(
    `round ${round}: normalizeName ${whole.toFixed(0)} ms; tokenizeName ${tokenize.toFixed(0)} ms; ` +
      `by word, memo empty ${memoised.toFixed(0)} ms, memo full ${warm.toFixed(0)} ms`,
  );
}
