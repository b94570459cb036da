import { describe, expect, it } from 'vitest';
import {
  buildParty,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  findNameLinks,
  type Listing,
  type Party,
} from '@entente/core';
import { findNameLinksInWorkers } from './name-links-in-workers.ts';

const listing = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Listing => ({
  entityId: `${source}:${sourceId}`,
  source,
  party: buildParty({
    source,
    sourceId,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
    ...extra,
  }),
  current: true,
  versionId: 1,
  publishedAt: '2026-01-01',
});
const dob = (value: string) => ({ birthDates: [{ value, precision: 'day' as const }] });

// Namesakes, spelling variants and organisations across four sources: links of every kind (automatic, reserved).
const world: Listing[] = [
  listing('un-sc', 'IRi.039', 'Qasem Soleimani', dob('1957-03-11')),
  listing('eu-sanctions', '1', 'Qasem SOLEIMANI', dob('1957-03-11')),
  listing('au-dfat', '2', 'Qassem Soleymani', dob('1957-03-11')),
  listing('us-csl', '3', 'Qasem Soleimani'),
  listing('eu-sanctions', '4', 'Ali Hassan Rezaei', dob('1960-01-01')),
  listing('au-dfat', '5', 'Ali Hasan Rezaei', dob('1971-05-05')),
  listing('un-sc', 'KPe.001', 'Korea Mining Development Trading Corporation', { schema: 'organization' }),
  listing('us-csl', '6', 'Korea Mining Development Trading Corp', { schema: 'organization' }),
  listing('eu-sanctions', '7', 'Korea Mining Development Trading Corporation', { schema: 'organization' }),
  listing('au-dfat', '8', 'Green Pine Associated Corporation', { schema: 'organization' }),
];

describe('findNameLinksInWorkers', () => {
  it('finds in screening workers the very links the single-thread path finds', async () => {
    const expected = findNameLinks(
      buildScreeningIndex(
        world.map((l) => ({ party: l.party, versionId: l.versionId })),
        DEFAULT_NAME_REFERENCE,
      ),
      world,
    );
    const found = await findNameLinksInWorkers(world, world, DEFAULT_NAME_REFERENCE, {
      workers: 2,
      minListingsForWorkers: 0,
      chunk: 3,
    });
    expect(expected.some((l) => l.automatic) && expected.some((l) => !l.automatic)).toBe(true);
    expect(found).toEqual(expected);
  });

  it('reports its progress up to every listing screened', async () => {
    const seen: number[] = [];
    await findNameLinksInWorkers(world, world, DEFAULT_NAME_REFERENCE, {
      workers: 1,
      minListingsForWorkers: 0,
      chunk: 4,
      onProgress: (done, total) => seen.push(done / total),
    });
    expect(seen.at(-1)).toBe(1);
  });
});
