/**
 * The tune organisation pairs (`org-alias-pairs.ts --json`) that miss the
 * threshold although their two spellings differ in one word only, once the
 * engine's generic organisation words, connectors and common legal-form
 * abbreviations are set aside: which words those are, counted by subject,
 * added to or dropped from the listed spelling. Tune subjects only (the pairs
 * file holds nothing else). Names the kinds of word a rule could let go —
 * places and countries, legal forms, descriptors — and how many tune pairs
 * each would move at most.
 *
 *   npx tsx bench/heldout/org-alias-pairs.ts --misses 0 --json /tmp/pairs.json
 *   npx tsx bench/heldout/org-word-differences.ts /tmp/pairs.json [--threshold 0.86] [--top 45]
 */
import { readFileSync } from 'node:fs';
import {
  GENERIC_ORGANISATION_WORDS,
  ORGANISATION_WORD_GROUPS,
} from '../../packages/core/src/screening/organisation-words.ts';
import { numberArg } from '../support/args.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: org-word-differences.ts <pairs.json> [--threshold 0.86] [--top 45]');
const threshold = numberArg('threshold', 0.86);
const top = numberArg('top', 45);

interface Pair {
  subject: string;
  query: string;
  best: string;
  score: number;
}
const pairs = JSON.parse(readFileSync(file, 'utf8')) as Pair[];
const generic = new Set([...Object.values(ORGANISATION_WORD_GROUPS).flat(), ...GENERIC_ORGANISATION_WORDS]);
const connectors = new Set(
  'of the and in for al el de la a an at on to wa du des le les et i e y fi'.split(' '),
);
const legalForms = new Set(
  'co ltd inc llc corp limited llp plc sa sas gmbh ag jsc ojsc cjsc ooo oao zao pjsc pvt fze fzco fzc bv nv srl spa sdn bhd pte pty jv'.split(
    ' ',
  ),
);
const words = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`ʼ.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !generic.has(w) && !connectors.has(w) && !legalForms.has(w));

const byWord = new Map<
  string,
  { subjects: Set<string>; added: number; dropped: number; examples: string[] }
>();
let misses = 0;
let oneWord = 0;
for (const p of pairs) {
  if (p.score >= threshold) continue;
  misses++;
  const q = words(p.query);
  const b = words(p.best);
  const qs = new Set(q);
  const bs = new Set(b);
  const added = q.filter((w) => !bs.has(w));
  const dropped = b.filter((w) => !qs.has(w));
  if (added.length + dropped.length !== 1) continue;
  oneWord++;
  const w = (added[0] ?? dropped[0])!;
  const e = byWord.get(w) ?? { subjects: new Set<string>(), added: 0, dropped: 0, examples: [] };
  e.subjects.add(p.subject);
  if (added.length) e.added++;
  else e.dropped++;
  if (e.examples.length < 2) e.examples.push(`${p.query} | ${p.best} ${p.score.toFixed(3)}`);
  byWord.set(w, e);
}
console.log(
  `tune organisation pairs: ${pairs.length}; misses at ${threshold}: ${misses}; differing in one word only: ${oneWord}`,
);
console.log('subjects\tword\tadded\tdropped\texamples');
for (const [w, e] of [...byWord].sort((a, b) => b[1].subjects.size - a[1].subjects.size).slice(0, top))
  console.log(`${e.subjects.size}\t${w}\t${e.added}\t${e.dropped}\t${e.examples.join(' || ')}`);
