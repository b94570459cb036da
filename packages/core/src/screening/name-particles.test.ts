import { describe, expect, it } from 'vitest';
import { keepsFirstLetter, NAME_PARTICLES, particleRunAt } from './name-particles.ts';
import { foldSpelling } from './spelling-fold.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string of `n` letters. */
function* strings(n: number): Generator<string> {
  if (n === 0) {
    yield '';
    return;
  }
  for (const rest of strings(n - 1)) for (const c of LETTERS) yield c + rest;
}

describe('keepsFirstLetter', () => {
  // A rule that matches at a word's start reads at most four letters there ("tsch"): every
  // continuation of up to three letters covers each rule's reach from a first letter.
  it('is true only of starts whose first letter no fold rewrites, whatever follows', () => {
    let checked = 0;
    for (const first of LETTERS) {
      if (!keepsFirstLetter(first)) continue;
      for (const n of [0, 1, 2, 3])
        for (const rest of strings(n)) {
          const word = first + rest;
          if (foldSpelling(word)[0] !== first) expect.fail(`${word} folds to ${foldSpelling(word)}`);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(15 * 26 ** 3);
  });

  it('is false of letters a fold can rewrite at a word start', () => {
    // One word per rule that rewrites its first letter: the test above would fail without them.
    for (const word of [
      'bhlat',
      'tschen',
      'ckar',
      'wali',
      'oesman',
      'ousama',
      'oomar',
      'yevgeni',
      'yusuf',
      'pharid',
      'khalid',
      'ghani',
      'qasim',
      'eeran',
      'eissa',
    ]) {
      expect(foldSpelling(word)[0], word).not.toBe(word[0]);
      expect(keepsFirstLetter(word), word).toBe(false);
    }
  });

  it('lets particleRunAt find folded joins of particles that keep their letter and of those that do not', () => {
    expect([...NAME_PARTICLES].filter((p) => keepsFirstLetter(p)).length).toBeGreaterThan(20);
    // Folded alike after a particle that keeps its letter ("abdel") and one that does not ("el"),
    // exact ("bin"), a run of particles; the folds keep "e" and "a" apart at a word's start.
    expect(particleRunAt(['abdalrahman'], ['abdel', 'rahman'], 0)).toBe(2);
    expect(particleRunAt(['binladen'], ['bin', 'laden'], 0)).toBe(2);
    expect(particleRunAt(['elsaid'], ['el', 'sayd'], 0)).toBe(2);
    expect(particleRunAt(['vanderhoeven'], ['van', 'der', 'hoven'], 0)).toBe(3);
    expect(particleRunAt(['alsaid'], ['el', 'sayd'], 0)).toBe(0);
  });
});
