import {
  codeLineage,
  compareNames,
  compileNameReference,
  controlEntriesCorrespond,
  DEFAULT_SCREENING_THRESHOLD,
  normalizeName,
  type DenialItem,
  type DenialMatcher,
  type EntriesCorrespond,
  type NameMatches,
  type NameReference,
} from '@entente/core';
import type { ControlCatalogue } from '../controls/control-catalogue.ts';

/** Share of its length a very common given name weighs, as in the screening index. */
const GENERIC_WEIGHT = 0.6;

/**
 * The screening engine's name comparison (core `compareNames` on `normalizeName`),
 * with the application party as the query and the denied party as the listed name,
 * and very common given names weighed down as the screening index weighs them.
 *
 * @example
 * screeningNameMatches(reference)('Yuzhnoe Design Office', 'Yuzhnoye Design Office') // ≥ 0.86
 */
export function screeningNameMatches(reference: NameReference): NameMatches {
  const compiled = compileNameReference(reference);
  const weight = (t: string) => Math.max(1, t.length) * (compiled.genericNames.has(t) ? GENERIC_WEIGHT : 1);
  const memo = new Map<string, ReturnType<typeof normalizeName>>();
  const normal = (name: string) => {
    let n = memo.get(name);
    if (!n) {
      n = normalizeName(name, reference);
      if (memo.size > 10_000) memo.clear();
      memo.set(name, n);
    }
    return n;
  };
  return (a, b) => compareNames(normal(a), normal(b), compiled, weight).score;
}

/** The list and code of an item: its `list`, else its code's `LIST:` prefix. */
function listAndCode(item: Pick<DenialItem, 'code' | 'list'>): { list?: string; code: string } {
  const m = /^([A-Za-z]{2,5}):(.+)$/.exec(item.code.trim());
  const code = (m ? m[2]! : item.code).replace(/\s+/g, '');
  const list = (item.list ?? m?.[1])?.toUpperCase();
  return list ? { list, code } : { code };
}

/** Relations of the crosswalk that make two entries "essentially identical" items. */
const COUNTS = new Set(['same', 'narrower', 'broader']);

/**
 * Control entry correspondence through the catalogue's crosswalk: two items
 * of different lists correspond when one's entry (or the nearest enclosing
 * entry) has the other's entry, an entry enclosing it or an entry inside it
 * as a `same`, `narrower` or `broader` counterpart (`overlaps` does not
 * count). Items of the same list, and items whose list or entry the
 * catalogue does not know, fall back to core's bare-code rule.
 *
 * @example
 * crosswalkEntriesCorrespond(catalogue)({ code: 'UK:ML1' }, { code: 'US:0A501.a' }) // true
 */
export function crosswalkEntriesCorrespond(catalogue: ControlCatalogue | undefined): EntriesCorrespond {
  if (!catalogue) return controlEntriesCorrespond;
  const resolved = new Map<string, string | undefined>();
  const resolve = (item: Pick<DenialItem, 'code' | 'list'>): string | undefined => {
    const { list, code } = listAndCode(item);
    if (!list) return undefined;
    const key = `${list}:${code}`;
    if (!resolved.has(key)) {
      let id: string | undefined;
      try {
        const found = catalogue.find(key);
        if (found) id = `${list}:${found.entry.code}`;
      } catch {
        id = undefined;
      }
      resolved.set(key, id);
    }
    return resolved.get(key);
  };
  const counterparts = new Map<string, string[]>();
  const linked = (id: string): string[] => {
    let ids = counterparts.get(id);
    if (!ids) {
      ids = catalogue
        .counterparts(id)
        .filter((c) => COUNTS.has(c.type))
        .map((c) => c.id);
      counterparts.set(id, ids);
    }
    return ids;
  };
  const lineage = (id: string): string[] => {
    const i = id.indexOf(':');
    return codeLineage(id.slice(i + 1)).map((c) => `${id.slice(0, i)}:${c}`);
  };
  const reaches = (from: string, to: string): boolean => {
    const up = new Set(lineage(to));
    return linked(from).some((c) => up.has(c) || lineage(c).includes(to));
  };
  return (a, b) => {
    const x = resolve(a);
    const y = resolve(b);
    if (!x || !y || x.slice(0, x.indexOf(':')) === y.slice(0, y.indexOf(':')))
      return controlEntriesCorrespond(a, b);
    return reaches(x, y) || reaches(y, x);
  };
}

/**
 * The "essentially identical" test with the real parts: the catalogue's
 * crosswalk (bare codes without one) and the screening engine's name
 * comparison at the screening default threshold.
 */
export function screeningDenialMatcher(
  reference: NameReference,
  catalogue: ControlCatalogue | undefined,
): DenialMatcher {
  return {
    entriesCorrespond: crosswalkEntriesCorrespond(catalogue),
    nameMatches: screeningNameMatches(reference),
    threshold: DEFAULT_SCREENING_THRESHOLD,
  };
}

/**
 * A matcher provider for `SharingOptions.matcher`: the name reference is read
 * once; the catalogue is asked for on every check (a source reloads it when
 * the stored lists change) and, when none is loaded, bare codes are used.
 */
export function denialMatcherSource(
  reference: () => Promise<NameReference>,
  catalogue: () => Promise<ControlCatalogue | undefined>,
): () => Promise<DenialMatcher> {
  let names: Promise<NameMatches> | undefined;
  let last: { catalogue: ControlCatalogue | undefined; correspond: EntriesCorrespond } | undefined;
  return async () => {
    names ??= reference().then(screeningNameMatches);
    names.catch(() => (names = undefined));
    const [nameMatches, current] = await Promise.all([names, catalogue().catch(() => undefined)]);
    if (!last || last.catalogue !== current)
      last = { catalogue: current, correspond: crosswalkEntriesCorrespond(current) };
    return { entriesCorrespond: last.correspond, nameMatches, threshold: DEFAULT_SCREENING_THRESHOLD };
  };
}
