import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { deletionArraysOf } from './build-snapshot.ts';
import {
  DeletionNeighbourhood,
  deletionJobsOf,
  deletionKey,
  deletionArraysFor,
  deletionPart,
  deletionVariantCount,
  countDeletionBuckets,
  fillDeletionBuckets,
  fillDeletionBucketsInGroups,
  forEachDeletionHash,
  startDeletionBuckets,
} from './deletion-neighbourhood.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { arabicConsonantVariant, foldSpelling, kasraVariant } from './spelling-fold.ts';

const vocabulary = ['hussein', 'mohammad', 'abdulrahman', 'vladimirovich', 'anna', 'mohammadalihassan'];
const index = new DeletionNeighbourhood(vocabulary, () => 2);
const near = (token: string, edits: number): string[] => {
  const found = new Set<string>();
  index.forEachNear(token, edits, (id) => found.add(vocabulary[id]!));
  return [...found];
};

describe('DeletionNeighbourhood', () => {
  it.each([
    ['hussien', 'hussein', 'transposition'],
    ['muhammad', 'mohammad', 'substitution'],
    ['mohamad', 'mohammad', 'deletion'],
    ['abdelrahmane', 'abdulrahman', 'substitution and insertion'],
    ['wladimirowich', 'vladimirovich', 'two substitutions'],
    ['mohammedalihassan', 'mohammadalihassan', 'an edit in the middle of a long word'],
  ])('finds %s → %s (%s)', (query, listed) => {
    expect(near(query, 2)).toContain(listed);
  });

  it('finds every word that shares a deletion variant, over thousands of colliding buckets', () => {
    // Seeded words over four letters: thousands of entries share each bucket's neighbours.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = Array.from({ length: 3000 }, () =>
      Array.from({ length: 4 + Math.floor(random() * 12) }, () => 'abcd'[Math.floor(random() * 4)]).join(''),
    );
    const built = new DeletionNeighbourhood(words, () => 2);
    const variants = (word: string): Set<number> => {
      const out = new Set<number>();
      forEachDeletionHash(word, 2, (h) => out.add(h));
      return out;
    };
    const all = words.map(variants);
    for (const query of words.slice(0, 200)) {
      const found = new Set<number>();
      built.forEachNear(query, 2, (id) => found.add(id));
      const mine = variants(query);
      words.forEach((word, id) => {
        if (Math.abs(word.length - query.length) > 2) return;
        if ([...mine].some((h) => all[id]!.has(h))) expect(found.has(id), `${query} → ${word}`).toBe(true);
      });
    }
  });

  it('hashes each deletion variant as FNV-1a of its own string (stored snapshots stay valid)', () => {
    // The definition the stored buckets were made with: every variant hashed from its start.
    const fnv = (s: string): number => {
      let h = 0x811c9dc5 ^ s.length;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    const expected = (word: string, deletions: number): number[] => {
      const key = deletionKey(word);
      const out = [fnv(key)];
      const without = (i: number, j = -1): string => [...key].filter((_, k) => k !== i && k !== j).join('');
      for (let i = 0; i < key.length && deletions > 0; i++) {
        if (i > 0 && key[i] === key[i - 1]) continue;
        out.push(fnv(without(i)));
        for (let j = i + 1; j < key.length && deletions > 1; j++)
          if (!(j > i + 1 && key[j] === key[j - 1])) out.push(fnv(without(i, j)));
      }
      return out;
    };
    for (const word of ['', 'a', 'aa', 'anna', 'mohammad', 'mohammadalihassan', 'иванов', 'abbba', '李明'])
      for (const deletions of [0, 1, 2]) {
        const got: number[] = [];
        forEachDeletionHash(word, deletions, (h) => got.push(h));
        expect(got, `${word}, ${deletions}`).toEqual(expected(word, deletions));
      }
  });

  it('leaves out words of other lengths', () => {
    expect(near('anna', 1)).not.toContain('abdulrahman');
  });

  it('keys long words by their first and last four letters', () => {
    expect(deletionKey('mohammadalihassan')).toBe('mohassan');
    expect(deletionKey('anna')).toBe('anna');
  });
});

describe('foldSpelling', () => {
  it.each([
    ['wladimirowitsch', 'vladimirovich'],
    ['wladimirowicz', 'vladimirovich'],
    ['poetin', 'putin'],
    ['mohammed', 'mohamed'],
    ['mohammed', 'muhammad'],
    ['ghasem', 'qasem'],
    ['hossein', 'husein'],
    ['khalil', 'halil'],
    ['abdollah', 'abdullah'],
    ['chatayev', 'chataev'],
    ['sergeyev', 'sergeev'],
    ['yevgeniy', 'evgeniy'],
    ['abdelouadoud', 'abdelwadoud'],
    ['ouazzani', 'wazzani'],
    ['senhadji', 'sanhaji'],
    ['djamel', 'jamel'],
    ['qadhafi', 'qaddafi'],
  ])('folds %s and %s to one spelling', (token, other) => {
    expect(foldSpelling(token)).toBe(foldSpelling(other));
  });

  it.each([
    ['hassan', 'hussein'],
    ['karimi', 'rahimi'],
    ['yemelin', 'melin'],
    ['qassem', 'qasim'],
    ['louis', 'lwis'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(foldSpelling(a)).not.toBe(foldSpelling(b));
  });
});

describe('kasraVariant', () => {
  const variant = (a: string, b: string): boolean => kasraVariant(a, foldSpelling(a), b, foldSpelling(b));

  it.each([
    ['qassem', 'qasim'],
    ['hashem', 'hashim'],
    ['kazem', 'kazim'],
  ])('takes %s and %s for the kasra written e and i', (a, b) => {
    expect(variant(a, b)).toBe(true);
    expect(variant(b, a)).toBe(true);
  });

  it.each([
    ['kamal', 'kamil'],
    ['mohammed', 'muhammad'],
    ['hassan', 'hussein'],
    ['qasim', 'qasir'],
    ['bahar', 'bihar'],
  ])('does not take %s and %s', (a, b) => {
    expect(variant(a, b)).toBe(false);
  });
});

describe('arabicConsonantVariant', () => {
  const variant = (a: string, b: string): boolean =>
    arabicConsonantVariant(a, foldSpelling(a), b, foldSpelling(b));

  it.each([
    ['gaddafi', 'qadhafi'],
    ['gadhafi', 'qaddafi'],
    ['ghathafi', 'qadhafi'],
    ['gasim', 'qasim'],
    ['gadir', 'qadeer'],
  ])('takes %s and %s for the qaf written g or the dhal written th', (a, b) => {
    expect(variant(a, b)).toBe(true);
    expect(variant(b, a)).toBe(true);
  });

  it.each([
    ['gerry', 'kerry'],
    ['gill', 'kill'],
    ['smith', 'smid'],
    ['berg', 'barq'],
    ['garim', 'qasim'],
    ['gaddafi', 'gaddafi'],
    ['qadhafi', 'qaddafi'],
  ])('does not take %s and %s', (a, b) => {
    expect(variant(a, b)).toBe(false);
  });
});

describe('screening index patched after it was prepared', () => {
  it('finds a misspelt name of a party added later', () => {
    const party = (id: string, full: string) =>
      buildParty({ source: 't', sourceId: id, schema: 'person', names: [{ full, quality: 'primary' }] });
    const local = buildScreeningIndex([{ party: party('1', 'Ivan Petrov') }], DEFAULT_NAME_REFERENCE);
    local.add(party('2', 'Saddam Hussein'));
    expect(screenParty(local, { name: 'Saddam Hussien' })[0]?.sourceId).toBe('2');
  });
});

const sameBytes = (a: Uint32Array, b: Uint32Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

describe('deletion index made in parts', () => {
  it('gives the arrays of the one-pass build, entry for entry, for narrow and wide tokens', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = ['abcdeaa', 'мохамедд', '穆罕默德'];
    const tokens = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 1 + Math.floor(random() * 14) }, () => {
        const set = letters[i % 3 === 0 ? 0 : i % 3]!;
        return set[Math.floor(random() * set.length)];
      }).join(''),
    );
    for (const list of [tokens.filter((_, i) => i % 3 === 0), tokens]) {
      const whole = deletionArraysOf(list);
      const { jobs, arrays } = deletionJobsOf(list, 1);
      deletionPart(jobs[0]!);
      expect(arrays.offsets.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(arrays.count).toBe(whole.count);
      expect([...arrays.offsets]).toEqual([...whole.offsets]);
      expect([...arrays.entries]).toEqual([...whole.entries]);
    }
  });

  it('counts a bucket past 255 entries (its bytes full, the rest in the offsets) as the one-pass build', () => {
    // 600 long tokens with one deletion key ("abcd" … "wxyz"): all their variants share buckets,
    // each of them 600 entries deep, beside short tokens in buckets of their own.
    const middle = (i: number): string => String.fromCharCode(0x61 + (i % 26), 0x61 + Math.floor(i / 26));
    const tokens = [
      ...Array.from({ length: 600 }, (_, i) => `abcd${middle(i)}wxyz`),
      ...['anna', 'ivan', 'li', 'hassan'],
    ];
    const whole = deletionArraysOf(tokens);
    let deepest = 0;
    for (let b = 0; b + 1 < whole.offsets.length; b++)
      deepest = Math.max(deepest, whole.offsets[b + 1]! - whole.offsets[b]!);
    expect(deepest).toBeGreaterThanOrEqual(600);
    const { jobs, arrays } = deletionJobsOf(tokens, 1);
    deletionPart(jobs[0]!);
    expect(jobs[0]!.counts.some((c) => c === 255)).toBe(true);
    expect([...arrays.offsets]).toEqual([...whole.offsets]);
    expect([...arrays.entries]).toEqual([...whole.entries]);
  });

  it('fills in groups of buckets the same slots as the fill at random, in any chunk and bucket range', () => {
    // 12,000 tokens: over 131,072 entries, 262,144 buckets, so four groups of 65,536 buckets.
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const tokens = Array.from({ length: 12_000 }, () =>
      Array.from({ length: 2 + random(12) }, () => String.fromCharCode(97 + random(26))).join(''),
    );
    const source = { tokens };
    const { offsets, entries } = deletionArraysFor(deletionVariantCount(source, 0, tokens.length));
    expect(offsets.length - 1).toBeGreaterThan(3 * 65_536);
    countDeletionBuckets(source, 0, tokens.length, offsets);
    startDeletionBuckets(offsets);
    const starts = offsets.slice();
    fillDeletionBuckets(source, 0, tokens.length, offsets, entries);
    const buckets = offsets.length - 1;
    for (const chunk of [64, 1000, 1 << 22])
      for (const ranges of [
        [0, buckets],
        [0, 70_000, 131_072, buckets],
        [0, 1, buckets - 1, buckets],
      ]) {
        const grouped = starts.slice();
        const filled = new Uint32Array(entries.length);
        for (let r = 0; r + 1 < ranges.length; r++)
          fillDeletionBucketsInGroups(
            source,
            0,
            tokens.length,
            grouped,
            filled,
            ranges[r],
            ranges[r + 1],
            chunk,
          );
        expect(sameBytes(grouped, offsets)).toBe(true);
        expect(sameBytes(filled, entries)).toBe(true);
      }
  });
});
