/**
 * Evidence for a rule pairing Russian compound industry adjectives ("mashinostroitelnyy",
 * "priborostroitelnyy", "sudostroitelnyy": machine-building, instrument-making, shipbuilding)
 * with their English renderings (`2026-12-07-set-e-tune-failures-by-cause.md`): in the mirror's
 * lists, how many party records carry such a word in a Latin name, how many also an English
 * X-building / X-making name, which stems and English forms; and how many set (e) pairs it
 * would reach (tune and threshold counted, report not read).
 *
 *   npx tsx bench/heldout/russian-compound-words.ts
 */
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { independentPairCases } from './set-independent-pairs.ts';

const RUSSIAN = /\b([a-z]+stroitel[a-z]*)\b/i;
const ENGLISH = /\b[a-z]+[- ]?(?:building|making|construction)\b/i;
const CYRILLIC = /строитель/i;
const INFLECTION = /(?:nyy|nyi|ny|nii|niy|naya|naia|noye|noe|nogo|nye|nyye)$/;

const lists = await loadMirrorLists(MIRROR, () => {});
let records = 0;
let withEnglish = 0;
let cyrillic = 0;
const stems = new Map<string, number>();
const english = new Map<string, number>();
const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
for (const list of lists)
  for (const party of list.parties) {
    const names = party.names.map((n) => n.full);
    if (names.some((n) => CYRILLIC.test(n))) cyrillic++;
    const russian = names.flatMap((n) => n.match(RUSSIAN)?.[1]?.toLowerCase() ?? []);
    if (russian.length === 0) continue;
    records++;
    for (const word of new Set(russian)) bump(stems, word.replace(INFLECTION, ''));
    const rendered = names.flatMap((n) => n.match(ENGLISH)?.[0]?.toLowerCase() ?? []);
    if (rendered.length > 0) withEnglish++;
    for (const form of new Set(rendered)) bump(english, form);
  }
const top = (m: Map<string, number>): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
console.log(
  `party records (per list) with a Latin -stroitel- word: ${records}; also an English X-building/making name: ${withEnglish}`,
);
console.log(`party records with a Cyrillic -строитель- name: ${cyrillic}`);
console.log(`stems: ${top(stems)}`);
console.log(`English forms beside them: ${top(english)}`);
const touches = (s: string): boolean => RUSSIAN.test(s) || CYRILLIC.test(s) || ENGLISH.test(s);
for (const split of ['tune', 'threshold'] as const) {
  const hits = independentPairCases().filter(
    (c) => c.split === split && (touches(c.query.name) || touches(c.listed ?? '')),
  );
  console.log(
    `set (e) ${split}: ${hits.length} pairs reached (${hits.filter((c) => c.expect === 'match').length} should match)`,
  );
}
