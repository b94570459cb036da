import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty, type PartyName } from '../model/party.ts';
import { sharedDistinctNames } from './shared-names.ts';

const personNamed = (...names: (string | PartyName)[]) =>
  buildParty({
    source: 'test',
    sourceId: '1',
    schema: 'person',
    names: names.map((n, i) =>
      typeof n === 'string' ? { full: n, quality: i === 0 ? 'primary' : 'strong' } : n,
    ),
  });

const arabic = (full: string): PartyName => ({ full, script: 'Arab', quality: 'strong' });

describe('sharedDistinctNames', () => {
  it.each<{ case: string; a: (string | PartyName)[]; b: (string | PartyName)[]; shared: string[] }>([
    {
      case: 'two distinct names, written in another order and spacing',
      a: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
      b: ['DASTANI, Karim Reza', 'DASTANI, Gholam Reza'],
      shared: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
    },
    {
      case: 'surname first without a comma, and a hyphenated given name',
      a: ['DASTANI Karim-Reza', 'Bahram DASTANI'],
      b: ['Karim Reza Dastani', 'BAHRAM DASTANI'],
      shared: ['DASTANI Karim-Reza', 'Bahram DASTANI'],
    },
    {
      case: 'a spelling of the same name is not a second name',
      a: ['Karim Reza DASTANI', 'Karim Reza DASTANY'],
      b: ['Karim Reza DASTANI', 'Karim Reza DASTANY'],
      shared: ['Karim Reza DASTANI'],
    },
    {
      case: 'an alias in another script is a reading, not a second name',
      a: ['Karim Reza DASTANI', arabic('کریم رضا دستانی')],
      b: ['Karim Reza DASTANI', arabic('کریم رضا دستانی')],
      shared: ['Karim Reza DASTANI'],
    },
    {
      case: 'a single word (a surname alone) names too many people',
      a: ['Karim Reza DASTANI', 'DASTANI'],
      b: ['Karim Reza DASTANI', 'Dastani'],
      shared: ['Karim Reza DASTANI'],
    },
    {
      case: 'a name with a middle name added is a form of the same name',
      a: ['Karim DASTANI', 'Karim Abdolhossein DASTANI'],
      b: ['DASTANI, Karim', 'DASTANI, Karim Abdolhossein'],
      shared: ['Karim DASTANI'],
    },
    {
      case: 'a spelling with the surname put first is still a spelling',
      a: ['Karim Reza DASTANI', 'DASTANY Kareem Reza'],
      b: ['Karim Reza DASTANI', 'DASTANY Kareem Reza'],
      shared: ['Karim Reza DASTANI'],
    },
    {
      case: 'names that share words but are not the same name',
      a: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
      b: ['Karim Reza DASTANI', 'Gholamreza TAVASSOLI'],
      shared: ['Karim Reza DASTANI'],
    },
    {
      case: 'two given names that share their later words are two names, whichever listing is first',
      a: ['Karim Reza DASTANI', 'Gholam Reza DASTANI'],
      b: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
      shared: ['Karim Reza DASTANI', 'Gholam Reza DASTANI'],
    },
    {
      case: 'the same, the listing written with a joined given name first',
      a: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
      b: ['Karim Reza DASTANI', 'Gholam Reza DASTANI'],
      shared: ['Karim Reza DASTANI', 'Gholamreza DASTANI'],
    },
  ])('$case', ({ a, b, shared }) => {
    expect(sharedDistinctNames(personNamed(...a), personNamed(...b))).toEqual(shared);
  });

  it('counts the same names whichever listing is first and in whatever order each gives them', () => {
    // Writings of a few names (spacing, joined given names, surname first, a spelling), each
    // listing carrying some of them in some order.
    const writings = [
      'Karim Reza DASTANI',
      'DASTANI, Karim Reza',
      'Karim Reza DASTANY',
      'Gholam Reza DASTANI',
      'Gholamreza DASTANI',
      'DASTANI, Gholam Reza',
      'Mohammad Reza DASTANI',
      'Ali SAEEDI',
      'SAEEDI Ali Karim',
    ];
    const listing = fc.shuffledSubarray(writings, { minLength: 1 });
    fc.assert(
      fc.property(listing, listing, (a, b) => {
        const count = sharedDistinctNames(personNamed(...a), personNamed(...b)).length;
        expect(sharedDistinctNames(personNamed(...b), personNamed(...a)).length).toBe(count);
        expect(sharedDistinctNames(personNamed(...[...a].reverse()), personNamed(...b)).length).toBe(count);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
