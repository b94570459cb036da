import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import {
  buildColumnIndex,
  columnBatchOf,
  ColumnBuilder,
  encodeBatch,
  snapshotOfParties,
  tokenFactColumns,
  tokenHash,
} from './build-snapshot.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { snapshotOfIndex } from './index-snapshot.ts';
import { unpack } from './packed-strings.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { screenParty } from './screen-party.ts';
import { buildScreeningIndex, type ScreeningIndexInput } from './screening-index.ts';

const ref = DEFAULT_NAME_REFERENCE;
const cases = [...NAME_MATCH_CASES, ...NAME_CLASS_CASES];

// Every listed name of the matching cases as a party, some listed again (the later replaces the
// earlier), plus parties with several names in several scripts, packed cells and identifiers.
const inputs: ScreeningIndexInput[] = [
  ...cases.map((c, i) => ({
    party: buildParty({
      source: i % 2 ? 'us-ofac-sdn' : 'un-sc',
      sourceId: String(i),
      schema: c.schema ?? 'unknown',
      names: [
        { full: c.listed, quality: i % 3 ? 'primary' : 'weak' },
        ...(i % 5 ? [] : [{ full: c.query, quality: 'strong' as const }]),
      ],
      identifiers: i % 7 ? [] : [{ type: 'imo', value: `91876${i % 3}9` }],
    }),
    ...(i % 4 ? { versionId: i % 4 } : {}),
  })),
  // Listed again under the same entity ids: each replaces the earlier party.
  ...[0, 1, 5].map((i) => ({
    party: buildParty({
      source: i % 2 ? 'us-ofac-sdn' : 'un-sc',
      sourceId: String(i),
      schema: 'person' as const,
      names: [{ full: `Relisted Person ${i}`, quality: 'primary' as const }],
      identifiers: [{ type: 'imo', value: '9187609' }],
    }),
  })),
  {
    party: buildParty({
      source: 'us-ofac-sdn',
      sourceId: 'v1',
      schema: 'vessel',
      names: [
        { full: 'OCEAN STAR; SEA STAR (OS)', quality: 'primary' },
        { full: 'محمد علي', quality: 'strong' },
        { full: '李明', quality: 'strong' },
        { full: 'Сергей Иванов', quality: 'strong' },
      ],
      identifiers: [{ type: 'imo', value: '9187629' }],
    }),
  },
];

const asPlain = (x: unknown): unknown =>
  JSON.parse(
    JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? [v.constructor.name, ...(v as Uint8Array)] : v)),
  );

/** The snapshot a `ColumnBuilder` gives from `input` added in flat batches of `size` (as the workers send them). */
function snapshotInBatches(input: ScreeningIndexInput[], size: number) {
  const builder = new ColumnBuilder();
  for (let from = 0; from < input.length; from += size) {
    const batch = input.slice(from, from + size);
    const { bytes, ends } = encodeBatch(batch.map((i) => JSON.stringify(i.party)));
    builder.addBatch(
      columnBatchOf(
        batch.map((i) => i.party),
        ref,
      ),
      batch.map((i) => i.versionId),
      bytes,
      ends,
    );
  }
  return builder.finish(tokenFactColumns(builder.tokens));
}

describe('index built straight into columns', () => {
  it('gives the very snapshot of the object index over the same parties, replaced parties included', () => {
    const expected = snapshotOfIndex(buildScreeningIndex(inputs, ref));
    const direct = snapshotOfParties(inputs, ref);
    expect(Object.keys(direct).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected) as (keyof typeof expected)[])
      expect(asPlain(direct[key]), key).toEqual(asPlain(expected[key]));
  });

  it('screens exactly as the object index', () => {
    const object = buildScreeningIndex(inputs, ref);
    const columns = buildColumnIndex(inputs, ref);
    expect(columns.size).toBe(object.size);
    expect(columns.nameCount).toBe(object.nameCount);
    for (const c of cases.slice(0, 200)) {
      const q = { name: c.query };
      expect(screenParty(columns, q, { threshold: 0.5 })).toEqual(screenParty(object, q, { threshold: 0.5 }));
    }
  });

  it('refuses to snapshot an index over columns, which would give an index matching nothing', () => {
    const columns = buildColumnIndex(inputs, ref);
    expect(() => snapshotOfIndex(columns)).toThrow(/reads the columns of a snapshot/);
    // The index it was made from, built as objects, snapshots (and its snapshot screens).
    expect(snapshotOfIndex(buildScreeningIndex(inputs, ref)).format).toBeDefined();
  });

  it('gives the object index snapshot for any parties, names and repeats', () => {
    const name = fc.string({
      unit: fc.constantFrom(...'abcdeklmnorsu -;()АБВمحد李明'.split('')),
      maxLength: 24,
    });
    const party = fc.record({
      id: fc.integer({ min: 0, max: 6 }),
      schema: fc.constantFrom('person' as const, 'organization' as const, 'unknown' as const),
      names: fc.array(
        fc.tuple(name, fc.constantFrom('primary' as const, 'strong' as const, 'weak' as const)),
        {
          maxLength: 3,
        },
      ),
      ids: fc.array(fc.constantFrom('AB1234', 'ab-1234', 'XY99', 'ZZ'), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(party, { maxLength: 12 }), (list) => {
        const parties: Party[] = list.map((p) =>
          buildParty({
            source: 'test',
            sourceId: String(p.id),
            schema: p.schema,
            names: p.names.map(([full, quality]) => ({ full, quality })),
            identifiers: p.ids.map((value) => ({ type: 'other', value })),
          }),
        );
        const input = parties.map((party) => ({ party }));
        expect(asPlain(snapshotOfParties(input, ref))).toEqual(
          asPlain(snapshotOfIndex(buildScreeningIndex(input, ref))),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('keeps tokens apart whose hashes are equal, and its token table grows past its first size', () => {
    // FNV-1a collisions (found by search): each pair is one hash, two tokens.
    const pairs = [
      ['bolapir', 'cohigih'],
      ['bolapiv', 'cohigil'],
    ];
    for (const [a, b] of pairs) expect(tokenHash(a!, 0, a!.length)).toBe(tokenHash(b!, 0, b!.length));
    // Over 32,768 distinct tokens (the table starts with 65,536 slots, at most half full).
    const letters = 'bcdfghklmnprstvz';
    const word = (n: number): string =>
      Array.from({ length: 4 }, (_, k) => letters[(n >> (4 * k)) & 15]! + 'aeiou'[(n >> k) % 5]!).join('');
    const many: ScreeningIndexInput[] = Array.from({ length: 9_000 }, (_, i) => ({
      party: buildParty({
        source: 'test',
        sourceId: `m${i}`,
        schema: 'person',
        names: [
          {
            full: `${word(4 * i)} ${word(4 * i + 1)} ${word(4 * i + 2)} ${word(4 * i + 3)}`,
            quality: 'primary',
          },
        ],
        identifiers: [],
      }),
    }));
    const colliding: ScreeningIndexInput[] = pairs.flatMap(([a, b], i) => [
      {
        party: buildParty({
          source: 'test',
          sourceId: `c${i}`,
          schema: 'person',
          names: [{ full: `${a} ${b}`, quality: 'primary' }],
          identifiers: [],
        }),
      },
      {
        party: buildParty({
          source: 'test',
          sourceId: `d${i}`,
          schema: 'person',
          names: [{ full: `${b} ${a}`, quality: 'strong' }],
          identifiers: [],
        }),
      },
    ]);
    // The colliding tokens apart, as the object index has them.
    const small = snapshotOfParties(colliding, ref);
    const smallTokens = unpack(small.tokens);
    for (const t of pairs.flat()) expect(smallTokens).toContain(t);
    expect(asPlain(small)).toEqual(asPlain(snapshotOfIndex(buildScreeningIndex(colliding, ref))));
    // Past the table's first size: every token once, every name's tokens its own words, one by
    // one and in batches alike.
    const input = [...colliding.slice(0, 2), ...many, ...colliding.slice(2)];
    const direct = snapshotOfParties(input, ref);
    const tokens = unpack(direct.tokens);
    expect(tokens.length).toBeGreaterThan(32_768);
    expect(new Set(tokens).size).toBe(tokens.length);
    const texts = unpack(direct.nameTexts);
    for (let n = 0; n < texts.length; n++) {
      const ids = direct.nameTokenIds.subarray(direct.nameTokenStarts[n]!, direct.nameTokenStarts[n + 1]!);
      expect(Array.from(ids, (id) => tokens[id]).join(' ')).toBe(texts[n]!.toLowerCase());
    }
    const batched = snapshotInBatches(input, 250);
    expect(unpack(batched.tokens)).toEqual(tokens);
    expect(batched.nameTokenIds).toEqual(direct.nameTokenIds);
    expect(batched.postingIds).toEqual(direct.postingIds);
    expect(batched.joinedKey).toEqual(direct.joinedKey);
  });

  it('gives the same snapshot from parties added in flat batches (columnBatchOf) as one by one', () => {
    const expected = asPlain(snapshotOfParties(inputs, ref));
    for (const size of [1, 5, 1000])
      expect(asPlain(snapshotInBatches(inputs, size)), `batches of ${size}`).toEqual(expected);
  });
});
