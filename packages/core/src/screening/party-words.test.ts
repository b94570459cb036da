import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import { mayReadAcrossNames } from './party-words.ts';
import { prepareQuery } from './score-indexed-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

describe("partyWords: which queries are read across a party's names", () => {
  const index = buildScreeningIndex(
    [
      ['Nimrud Sepasad Laboratory', 'Barqavan Industries'],
      ['Ural Stock Exchange Holding', 'Joint Ural Incorporated Venture'],
    ]
      .map((names, i) =>
        buildParty({
          source: 'test',
          sourceId: `o${i}`,
          schema: 'organization',
          names: names.map((full, k) => ({ full, quality: k ? 'strong' : 'primary' })),
        }),
      )
      .map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
  const weight = indexTokenWeight(index);
  const reads = (text: string) =>
    mayReadAcrossNames(
      index,
      prepareQuery(index, normalizeName(text, index.reference, 'organization'), weight),
    );

  it('reads three rare distinctive words', () => {
    expect(reads('Nimrud Barqavan Sepasad Group')).toBe(true);
  });

  // A name made only of a legal form keeps its words as its name; they are rare in the index
  // (legal forms are read apart from listed names) but say nothing of whose name it is.
  it('never counts the words of a legal form, even when they are all the name has', () => {
    expect(reads('JOINT STOCK Inc.')).toBe(false);
    expect(reads('Joint Stock Company Limited')).toBe(false);
  });
});
