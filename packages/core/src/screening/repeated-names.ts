import { isOrganisationPair } from './name-features.ts';
import type { NormalizedName } from './normalize-name.ts';
import type { IndexedName } from './screening-index.ts';

interface Seen<T> {
  name: IndexedName;
  organisation: boolean;
  value: T;
}

function sameItems(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A value computed once per query for each listed name *as the name comparison reads it*: its
 * words (`tokenIds`, and `joined`, their spelling without spaces), its original-script words
 * and whether the pair is an organisation's (`isOrganisationPair`). `nameScoreBound` and
 * `scoreIndexedName` read nothing else of a name, and the lists repeat names across sources
 * (about a third of the mirror's 123,710 names repeat another's words), so a repeated name
 * takes the value of the first instead of being compared again.
 */
export class RepeatedNames<T> {
  readonly #query: NormalizedName;
  readonly #seen = new Map<number, Seen<T>[]>();

  constructor(query: NormalizedName) {
    this.#query = query;
  }

  /** The value for `name`: that of an equal name seen before, else `compute(name)`, kept. */
  get(name: IndexedName, compute: (name: IndexedName) => T): T {
    const ids = name.tokenIds;
    let key = ids.length;
    for (let j = 0; j < ids.length; j++) key = (Math.imul(key, 31) + ids[j]!) | 0;
    const organisation = isOrganisationPair(this.#query, name.normalized);
    const same = this.#seen.get(key);
    if (same)
      for (const s of same)
        if (
          s.organisation === organisation &&
          sameItems(s.name.tokenIds, ids) &&
          sameItems(s.name.normalized.originalTokens, name.normalized.originalTokens)
        )
          return s.value;
    const value = compute(name);
    const entry = { name, organisation, value };
    if (same) same.push(entry);
    else this.#seen.set(key, [entry]);
    return value;
  }
}
