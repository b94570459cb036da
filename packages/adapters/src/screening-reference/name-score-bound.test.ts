import { readFileSync } from 'node:fs';
import {
  arabicReading,
  BOUND_ALLOWANCES,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  indexedNameOrder,
  indexTokenWeight,
  listedNameOrder,
  mayReadAcrossNames,
  mayRejoin,
  mayRejoinName,
  nameScoreBound,
  partyWordsBound,
  partyWordsScore,
  normalizeName,
  originalScriptBound,
  originalScriptScore,
  prepareQuery,
  rejoinParticles,
  scoreIndexedName,
  type BoundAllowances,
  type NormalizedName,
  type PartySchema,
  type ScreeningIndex,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import type { ParsedList } from '../ingest/list-format.ts';
import { unScXmlFormat } from '../ingest/un-sc-xml/source.ts';
import { loadNameReference } from './load-name-reference.ts';

const hasData = hasSharedData();

/** The quoted-CSV column `col` of a file's rows (the eval files quote fields holding commas). */
function column(file: string, col: number, skip = 1): string[] {
  const out: string[] = [];
  for (const line of readFileSync(sharedDataPath('eval', file), 'utf8').split('\n').slice(skip)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
    const v = (fields[col] ?? '').replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"').trim();
    if (v) out.push(v);
  }
  return out;
}

/** Query bases besides the listed names: the UN spellings, the sample names (people and companies), cross-script pairs. */
function otherNames(): string[] {
  return [
    ...new Set([
      ...column('yente_un_treated_vs_untreated_pairs.csv', 0),
      ...column('sample_names.csv', 0),
      ...column('cross_script_pairs.csv', 0, 0),
      ...column('cross_script_pairs.csv', 1, 0),
    ]),
  ];
}

const GENERIC = ['company', 'trading', 'group', 'international', 'llc', 'industrial', 'and', 'of'];
const EXTRA = ['al', 'el', 'bin', 'van', 'der', 'de', 'mohammed', 'abu', 'r', 'j', '2', ...GENERIC];

/** A perturbation of a real name's words, as screening queries differ from listed names. */
type Edit = (words: string[], r: number, other: string[]) => string[];
const at = (xs: unknown[], r: number): number => Math.floor(r * xs.length) % Math.max(1, xs.length);
const EDITS: Record<string, Edit> = {
  drop: (w, r) => (w.length > 1 ? w.filter((_, i) => i !== at(w, r)) : w),
  add: (w, r, other) => {
    const pool = [...EXTRA, ...other];
    const out = [...w];
    out.splice(at(out.concat(''), r), 0, pool[at(pool, 1 - r)]!);
    return out;
  },
  respell: (w, r) =>
    w.map((x, i) => {
      if (i !== at(w, r) || x.length < 3) return x;
      const k = 1 + at([...x.slice(1)], r);
      const ops = [
        x.slice(0, k) + x.slice(k + 1),
        x.slice(0, k) + x[k] + x.slice(k),
        x.slice(0, k - 1) + (x[k] ?? '') + x[k - 1] + x.slice(k + 1),
        x.slice(0, k) + 'aeiouy'[at([1, 2, 3, 4, 5, 6], r)] + x.slice(k + 1),
      ];
      return ops[at(ops, r * 7)]!;
    }),
  join: (w, r) => {
    if (w.length < 2) return w;
    const i = at(w.slice(1), r);
    return [...w.slice(0, i), w[i]! + w[i + 1]!, ...w.slice(i + 2)];
  },
  split: (w, r) =>
    w.flatMap((x, i) =>
      i === at(w, r) && x.length >= 6
        ? [x.slice(0, 3 + at([...x.slice(5)], r)), x.slice(3 + at([...x.slice(5)], r))]
        : [x],
    ),
  initial: (w, r) => w.map((x, i) => (i === at(w, r) && w.length > 1 ? x[0]! : x)),
  comma: (w) => (w.length > 1 ? [`${w[w.length - 1]},`, ...w.slice(0, -1)] : w),
  generic: (w, r) => [...w, GENERIC[at(GENERIC, r)]!],
  article: (w, r) => {
    const out = [...w];
    out.splice(at(out, r), 0, r < 0.5 ? 'al' : 'el');
    return out;
  },
  // A run of two to four words written as its acronym ("Islamic State" → "IS").
  acronym: (w, r) => {
    if (w.length < 3) return w;
    const i = at(w.slice(0, -1), r);
    const n = 2 + at([0, 1, 2], r * 5);
    return [
      ...w.slice(0, i),
      w
        .slice(i, i + n)
        .map((x) => x[0]!)
        .join(''),
      ...w.slice(i + n),
    ];
  },
};
const EDIT_NAMES = Object.keys(EDITS);

// The property test of core's `nameScoreBound`: here, beside the real name reference, because it reads
// real listed names at run time (core has no file system).
describe.skipIf(!hasData)('the name-score bound (nameScoreBound) over real listed names', async () => {
  const reference = hasData ? await loadNameReference(sharedDataPath()) : DEFAULT_NAME_REFERENCE;
  // The UN Security Council list as its parser reads it: real parties, schemas, aliases and
  // original-script names, indexed whole.
  const [list] = hasData
    ? ((await unScXmlFormat.parse([
        sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml'),
      ])) as ParsedList[])
    : [];
  const parties = list?.parties ?? [];
  const index: ScreeningIndex = buildScreeningIndex(
    parties.map((party) => ({ party })),
    reference,
  );
  // Queries that read across two names of one party (`partyWordsScore`): two words of a listed
  // Latin name of three words or more and a long word of another name of its party that it
  // does not hold (the listed name whole in the query would score as a contained name).
  const acrossNames: string[] = [];
  for (const p of parties) {
    const latin = p.names.map((n) => n.full).filter((n) => /^[\x20-\x7e]+$/.test(n));
    const first = latin[0]?.split(/\s+/) ?? [];
    const lower = new Set(first.map((w) => w.toLowerCase()));
    const extra = latin
      .slice(1)
      .flatMap((n) => n.split(/\s+/))
      .find((w) => /^[A-Za-z]{6,}$/.test(w) && !lower.has(w.toLowerCase()));
    if (first.length >= 3 && extra) acrossNames.push([...first.slice(0, 2), extra].join(' '));
    // A person's, written surname first (the listed name's last word, then its first): with
    // that word, and with two adjacent words of another name written together.
    if (p.schema !== 'person' || first.length < 3) continue;
    const head = `${first.at(-1)}, ${first[0]}`;
    if (extra) acrossNames.push(`${head} ${extra}`);
    for (const other of latin.slice(1)) {
      const ws = other.split(/\s+/);
      const at = ws.findIndex((w, k) => /^[A-Za-z]{3,}$/.test(w) && /^[A-Za-z]{3,}$/.test(ws[k + 1] ?? ''));
      if (at >= 0) {
        acrossNames.push(`${head} ${ws[at]}${ws[at + 1]}`);
        break;
      }
    }
  }
  // Queries start from a listed name or from another real name.
  const names = hasData
    ? [...new Set([...parties.flatMap((p) => p.names.map((n) => n.full)), ...otherNames(), ...acrossNames])]
    : [];
  const weight = indexTokenWeight(index);
  const allNames = Array.from({ length: index.nameSlots }, (_, id) => index.name(id)).filter((n) => !!n);

  const query = fc.record({
    base: fc.nat({ max: names.length - 1 }),
    other: fc.nat({ max: names.length - 1 }),
    edits: fc.array(
      fc.tuple(fc.constantFrom(...EDIT_NAMES), fc.double({ min: 0, max: 0.999, noNaN: true })),
      {
        minLength: 0,
        maxLength: 3,
      },
    ),
    schema: fc.constantFrom<PartySchema | undefined>(undefined, 'person', 'organization'),
    vowelless: fc.boolean(),
    translate: fc.boolean(),
  });
  type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

  /** The query's readings as the engine screens them: as written and, in Arabic script, read with vowels. */
  function readings(q: Query): NormalizedName[] {
    let words = names[q.base]!.split(/\s+/);
    const other = names[q.other]!.split(/\s+/);
    for (const [edit, r] of q.edits) words = EDITS[edit]!(words, r, other);
    if (q.translate) {
      // An organisation word written as another member of its translation group ("jaish", "army").
      const { translations, translationMembers } = index.compiled;
      words = words.map((w) => {
        const group = translations.get(w.toLowerCase().replace(/[^a-z]/g, ''));
        if (group === undefined) return w;
        const members = translationMembers[group]!;
        return members.find((m) => m !== w.toLowerCase()) ?? w;
      });
    }
    const text = words.join(' ');
    const main = normalizeName(text, reference, q.schema);
    const out: NormalizedName[] = [q.vowelless ? { ...main, vowelless: true } : main];
    const arabic = arabicReading(text);
    if (arabic)
      out.push({
        ...normalizeName(arabic, reference, q.schema),
        originalTokens: main.originalTokens,
        vowelless: true,
      });
    return out;
  }

  /** The first pair of a reading and a listed name whose score exceeds its bound, if any. */
  function exceeded(q: Query, allow: BoundAllowances): string | undefined {
    for (const reading of readings(q)) {
      const prepared = prepareQuery(index, reading, weight);
      for (const name of allNames) {
        const score = scoreIndexedName(index, prepared, name);
        // At a floor of the score itself, the name must not be left out: the bound reaches it
        // (through the exact similarities when the cheap ones pass, else an allowance).
        const bound = nameScoreBound(index, prepared, name, score, allow);
        if (bound < score - 1e-9)
          return `"${reading.tokens.join(' ')}"${reading.vowelless ? ' (vowel-less)' : ''} vs "${name.text}": score ${score}, bound ${bound}`;
      }
      // A party whose names spell the query between them scores above each name: the bound of
      // its names, or the party's own (`partyWordsBound`), must reach that score.
      if (!mayReadAcrossNames(index, prepared)) continue;
      for (let e = 0; e < parties.length; e++) {
        const entry = index.entry(e);
        const across = entry && partyWordsScore(index, prepared, entry.names);
        if (!entry || !across) continue;
        let bound = partyWordsBound(index, prepared, e, allow);
        for (const id of entry.names)
          bound = Math.max(bound, nameScoreBound(index, prepared, index.name(id)!, across.score, allow));
        if (bound < across.score - 1e-9)
          return `"${reading.tokens.join(' ')}" vs the names of ${entry.entityId}: party score ${across.score}, bound ${bound}`;
      }
    }
    return undefined;
  }

  /** Queries that need each allowance (perturbed real names); the generator finds more. */
  const examples: [Query][] = [];
  const find = (needle: string): number => names.findIndex((n) => n.toLowerCase().includes(needle));
  const example = (
    needle: string,
    edits: [string, number][],
    schema?: PartySchema,
    vowelless = false,
    translate = false,
  ): void => {
    const base = find(needle);
    if (base >= 0) examples.push([{ base, other: 0, edits, schema, vowelless, translate }]);
  };
  example('abdulhai salek', [['add', 0.5]], 'person'); // contained: an extra name part
  example('abdulhai salek', [['join', 0]], 'person'); // joined spelling
  example('akhmed rajapovich chataev', [['drop', 0.5]], 'person'); // a listed middle name left out
  // The same with an article written before the surname ("akhmed al chataev"), left unpaired.
  example(
    'akhmed rajapovich chataev',
    [
      ['drop', 0.5],
      ['article', 0.99],
    ],
    'person',
  );
  example('acme corporation', [['generic', 0.99]], 'organization'); // generic words
  // Generic words beside a respelled distinctive word (a pair near `genericWordsLift`'s 0.85), or
  // an article: the generic words' allowance holds only while every other word can pair that close.
  example(
    'acme corporation',
    [
      ['generic', 0.3],
      ['respell', 0.1],
    ],
    'organization',
  );
  example(
    'acme corporation',
    [
      ['generic', 0.6],
      ['article', 0.2],
    ],
    'organization',
  );
  example(
    'acme corporation',
    [
      ['generic', 0.1],
      ['drop', 0.9],
      ['generic', 0.7],
    ],
    'organization',
  );
  example('محمد علي', [], 'person', true); // original script, vowel-less reading
  example('عبد الله', [['drop', 0.9]], 'person', true);
  for (const q of acrossNames.slice(0, 8)) example(q.toLowerCase(), []); // words of two names of a party
  example('army', [], 'organization', false, true); // a translated organisation word
  example('front', [], 'organization', false, true);
  example('islamic state in iraq and the levant - libya', [['acronym', 0.1]], 'organization'); // an acronym ("ISI Iraq …")
  example(
    'al-haramain: afghanistan branch',
    [
      ['drop', 0.5],
      ['drop', 0.9],
    ],
    'organization',
  ); // a listed branch named by its organisation alone

  /** Queries in an original script: listed names written so (perturbed by the generator's edits). */
  const originalScript: [Query][] = [];
  for (let base = 0; base < names.length && originalScript.length < 40; base += 7)
    if (/[^\x00-\u024f]/.test(names[base]!))
      originalScript.push([
        {
          base,
          other: 0,
          edits: originalScript.length % 2 ? [['respell', 0.4]] : [],
          schema: undefined,
          vowelless: false,
          translate: false,
        },
      ]);

  it('is at least the name score for every real listed name and perturbed query', () => {
    expect(allNames.length).toBeGreaterThan(3000);
    fc.assert(
      fc.property(query, (q) => {
        const found = exceeded(q, BOUND_ALLOWANCES);
        if (found) throw new Error(found);
      }),
      { numRuns: 150, examples },
    );
  });

  // Names in Arabic script read without short vowels (the reading `abjadFit` lets reach the listed
  // Latin spellings at 0.9, which the bound must allow for): words of the list's own names in
  // Arabic script, their letters changed, dropped or given the article, in new combinations.
  const arabicWords = [
    ...new Set(
      parties.flatMap((p) =>
        p.names.flatMap((n) => n.full.split(/\s+/).filter((w) => /^[\u0621-\u064a]{2,}$/.test(w))),
      ),
    ),
  ];
  const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
  const arabicWord = fc
    .tuple(
      fc.nat({ max: Math.max(0, arabicWords.length - 1) }),
      fc.constantFrom('keep', 'keep', 'replace', 'drop', 'article', 'insert'),
      fc.nat(),
      fc.constantFrom(...ARABIC_LETTERS),
    )
    .map(([w, edit, at, letter]) => {
      const word = arabicWords[w] ?? 'محمد';
      const k = at % word.length;
      if (edit === 'replace') return word.slice(0, k) + letter + word.slice(k + 1);
      if (edit === 'drop' && word.length > 2) return word.slice(0, k) + word.slice(k + 1);
      if (edit === 'insert') return word.slice(0, k) + letter + word.slice(k);
      if (edit === 'article' && !word.startsWith('ال')) return `ال${word}`;
      return word;
    });
  type ArabicName = { text: string; schema: PartySchema | undefined };
  const arabicName = fc
    .tuple(
      fc.array(arabicWord, { minLength: 1, maxLength: 4 }),
      fc.constantFrom<PartySchema | undefined>(undefined, 'person', 'organization'),
    )
    .map(([words, schema]) => ({ text: words.join(' '), schema }));

  // The list's own names written wholly in Arabic script, screened as they stand: examples that
  // reach their listed Latin spellings whatever the random runs draw.
  const arabicNames = [
    ...new Set(
      parties.flatMap((p) =>
        p.names.map((n) => n.full).filter((n) => /^[\u0621-\u064a]{2,}( [\u0621-\u064a]{2,})+$/.test(n)),
      ),
    ),
  ].slice(0, 12);

  it('is at least the name score for names in Arabic script read without short vowels', () => {
    expect(arabicWords.length).toBeGreaterThan(100);
    expect(arabicNames.length).toBe(12);
    let fits = 0;
    fc.assert(
      fc.property(arabicName, ({ text, schema }) => {
        const arabic = arabicReading(text);
        if (!arabic) return;
        const reading: NormalizedName = {
          ...normalizeName(arabic, reference, schema),
          originalTokens: normalizeName(text, reference, schema).originalTokens,
          vowelless: true,
        };
        const prepared = prepareQuery(index, reading, weight);
        for (const name of allNames) {
          const score = scoreIndexedName(index, prepared, name);
          if (score >= 0.86) fits++;
          const bound = nameScoreBound(index, prepared, name, score);
          if (bound < score - 1e-9)
            throw new Error(`"${text}" read "${arabic}" vs "${name.text}": score ${score}, bound ${bound}`);
        }
      }),
      { numRuns: 52, examples: arabicNames.map((text): [ArabicName] => [{ text, schema: undefined }]) },
    );
    // Listed Latin spellings reached at the screening threshold: the readings' fits are exercised
    // (the 12 examples, run first, reach 56 on the mirror of 2026-12-07; then 40 random names).
    expect(fits).toBeGreaterThan(20);
  });

  it('bounds the original-script alignment from above (originalScriptBound, asked before originalScriptScore)', () => {
    const original = allNames.filter((n) => n.normalized.originalTokens);
    expect(original.length).toBeGreaterThan(100);
    let pairs = 0;
    let under = 0;
    fc.assert(
      fc.property(query, (q) => {
        for (const reading of readings(q)) {
          const qt = reading.originalTokens;
          if (!qt) continue;
          const prepared = prepareQuery(index, reading, weight);
          for (const name of original) {
            const ct = name.normalized.originalTokens!;
            const score = originalScriptScore(index, prepared, qt, ct);
            const bound = originalScriptBound(index, prepared, qt, ct);
            pairs++;
            if (bound < 0.8) under++;
            expect(bound, `${qt.join(' ')} / ${ct.join(' ')}: score ${score}`).toBeGreaterThanOrEqual(score);
          }
        }
      }),
      { numRuns: 80, examples: [...originalScript, ...examples] },
    );
    expect(pairs).toBeGreaterThan(10_000);
    // And it decides: most real pairs are bounded under a common floor without the alignment.
    expect(under / pairs).toBeGreaterThan(0.5);
  });

  it('filters: a bound under the floor means a score under it, and it leaves most real names out', () => {
    let under = 0;
    let all = 0;
    fc.assert(
      fc.property(query, fc.double({ min: 0.6, max: 0.95, noNaN: true }), (q, floor) => {
        for (const reading of readings(q)) {
          const prepared = prepareQuery(index, reading, weight);
          for (const name of allNames) {
            all++;
            if (nameScoreBound(index, prepared, name, floor) >= floor) continue;
            under++;
            expect(scoreIndexedName(index, prepared, name)).toBeLessThan(floor);
          }
        }
      }),
      { numRuns: 60, examples: examples.map(([q]) => [q, 0.78] as [Query, number]) },
    );
    // Measured 0.73 over these queries and floors (0.6–0.95), vowel-less readings included.
    expect(under / all).toBeGreaterThan(0.5);
  });

  it('says a name may rejoin exactly when rejoinParticles rewrites one side (its test before the call drops none)', () => {
    let rewrites = 0;
    fc.assert(
      fc.property(query, (q) => {
        for (const reading of readings(q))
          for (const name of allNames)
            for (const [a, b] of [
              [reading.tokens, name.normalized.tokens],
              [name.normalized.tokens, reading.tokens],
            ] as const) {
              const rewritten = rejoinParticles(a, b) !== undefined;
              if (rewritten) rewrites++;
              expect(mayRejoin(a, b), `${a.join(' ')} / ${b.join(' ')}`).toBe(rewritten);
            }
      }),
      { numRuns: 60, examples },
    );
    expect(rewrites).toBeGreaterThan(0);
    // The bound's memoised test (one answer per listed word for a query reading) says the same.
    let either = 0;
    fc.assert(
      fc.property(query, (q) => {
        for (const reading of readings(q)) {
          const prepared = prepareQuery(index, reading, weight);
          for (const name of allNames) {
            const expected =
              mayRejoin(reading.tokens, name.normalized.tokens) ||
              mayRejoin(name.normalized.tokens, reading.tokens);
            if (expected) either++;
            expect(mayRejoinName(index, prepared, name), `${reading.tokens.join(' ')} / ${name.text}`).toBe(
              expected,
            );
          }
        }
      }),
      { numRuns: 60, examples },
    );
    expect(either).toBeGreaterThan(0);
    // Runs the generator seldom makes: two particles before the word, a short pair, a compound.
    for (const [a, b] of [
      [
        ['delapaz', 'juanito'],
        ['juanito', 'de', 'la', 'paz'],
      ],
      [
        ['vanderhoven', 'pieter'],
        ['pieter', 'van', 'der', 'hoven'],
      ],
      [
        ['alali', 'said'],
        ['said', 'al', 'ali'],
      ],
      [
        ['gholamreza', 'karimi'],
        ['gholam', 'reza', 'karimi'],
      ],
    ]) {
      expect(rejoinParticles(a!, b!)).toBeDefined();
      expect(mayRejoin(a!, b!)).toBe(true);
    }
  });

  // `indexedNameOrder` keeps each listed name's order by entry and text across queries: the same
  // value as computed afresh, whatever names are asked in whatever order, repeats included.
  it("gives each listed name's order as computed without the memo (indexedNameOrder)", () => {
    const names = index.names.filter((n) => n !== undefined);
    const direct = (n: (typeof names)[number]) =>
      listedNameOrder(n.text, n.normalized.tokens, () => index.entry(n.entry)?.party.names);
    expect(names.some((n) => direct(n) !== undefined)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.nat(names.length - 1), { minLength: 1, maxLength: 200 }), (picks) => {
        for (const k of picks) expect(indexedNameOrder(index, names[k]!)).toEqual(direct(names[k]!));
      }),
      { numRuns: 200 },
    );
  });

  // The bound copies a reading's word weights once per reading (`queryWeights`): bounding names
  // for readings in any interleaving gives each pair the bound it gets with its reading alone.
  it('gives each reading the same bound whatever readings were bounded before it', () => {
    fc.assert(
      fc.property(
        fc.array(query, { minLength: 2, maxLength: 4 }),
        fc.array(fc.nat(allNames.length - 1), { minLength: 1, maxLength: 30 }),
        (qs, picks) => {
          const prepared = qs.flatMap((q) => readings(q)).map((r) => prepareQuery(index, r, weight));
          // Each reading alone over the picked names, then the readings in turn name by name.
          const alone = prepared.map((p) => picks.map((k) => nameScoreBound(index, p, allNames[k]!, 0.5)));
          picks.forEach((k, j) =>
            prepared.forEach((p, r) =>
              expect(nameScoreBound(index, p, allNames[k]!, 0.5)).toBe(alone[r]![j]),
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  // Each allowance is needed: without it, some real pair scores above the bound.
  it.each(Object.keys(BOUND_ALLOWANCES))('fails without the %s allowance', (key) => {
    const allow = { ...BOUND_ALLOWANCES, [key]: false };
    // A fixed seed: with a random one, a CI run once drew 400 queries none of which needed the
    // droppedWords allowance once it was narrowed to pairs genericWordsLift can lift (seeds 1–12
    // each find a counterexample for every allowance).
    const run = fc.check(
      fc.property(query, (q) => exceeded(q, allow) === undefined),
      { numRuns: 400, examples, seed: 1 },
    );
    expect(run.failed).toBe(true);
  });
});
