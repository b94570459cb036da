/**
 * Set (d), classes 4 (numbers and series), 5 (organisation words, acronyms,
 * a longer listed name) and 7 (cross-script). Cross-script queries that the
 * lists carry in that script are screened against the index without
 * non-Latin names (`index: 'latin'`), so they must reach the Latin spellings.
 */
import { partyEntityId, type Party } from '@entente/core';
import { classCase, latinNames, sample, type ListedName } from './class-case.ts';
import { foldKey, foldWords, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import type { ListContext } from './list-context.ts';
import type { NameTables } from './name-tables.ts';
import { hashOrder } from './split.ts';
import { otherSeriesNumber, sameNumberOtherForm } from './transform-numbers.ts';
import { dropGenericWord, swapGenericWord, withAcronym } from './transform-orgs.ts';
import { changeHangulSyllable, changeKanaSyllable, wadeGiles } from './transform-spelling.ts';

const query = (party: Party, name: string | undefined) => (name ? { name, schema: party.schema } : undefined);

/** Builds classes 4, 5 and 7 of set (d). */
export function otherClassCases(ctx: ListContext, tables: NameTables): HeldoutCase[] {
  const out: HeldoutCase[] = [];
  const rule = (
    cls: number,
    id: string,
    pool: ListedName[],
    expect: 'match' | 'no-match',
    make: (f: ListedName, seed: number) => string | undefined,
  ): void => {
    out.push(
      ...sample(pool, `${cls}:${id}`, (f, seed) => {
        const q = query(f.party, make(f, seed));
        return q && classCase(ctx, f, q, cls, id, expect);
      }),
    );
  };
  const orgs = latinNames(ctx, 'organization', 2, 12);
  const numbered = [...orgs, ...latinNames(ctx, 'vessel', 2, 8)].filter((f) =>
    /\b(\d{1,2}|[IVX]{2,6})\b/.test(f.name),
  );
  rule(4, 'number-form', numbered, 'match', (f) => sameNumberOtherForm(f.name));
  rule(4, 'other-series', numbered, 'no-match', (f) => otherSeriesNumber(f.name));
  rule(5, 'generic-word-swap', orgs, 'match', (f, s) => swapGenericWord(f.name, tables.generic, s));
  rule(5, 'generic-word-dropped', orgs, 'match', (f) => dropGenericWord(f.name, tables.generic));
  rule(5, 'acronym-added', orgs, 'match', (f) => withAcronym(f.name));
  out.push(...longerNameCases(ctx, orgs, tables.generic));
  out.push(...crossScriptCases(ctx));
  return out;
}

/** Words that do not make an organisation another one: legal forms and connectors. */
const NOT_DISTINCT = new Set([
  'of',
  'the',
  'and',
  'in',
  'for',
  'llc',
  'ltd',
  'jsc',
  'ojsc',
  'pjsc',
  'cjsc',
  'inc',
  'co',
  'corp',
  'gmbh',
  'ooo',
  'ao',
  'zao',
  'oao',
  'pao',
  'sa',
  'plc',
  'limited',
  'joint',
  'stock',
  'open',
  'closed',
  'public',
  'private',
  'fze',
  'fzco',
  'llp',
]);

/** True when the longer name adds a word of its own: not bracketed, not a legal form or generic word. */
function addsDistinctWord(short: string, long: string, generic: NameTables['generic']): boolean {
  const extra = foldWords(long.replace(/\([^)]*\)/g, ' ')).slice(foldWords(short).length);
  return extra.some((w) => w.length >= 4 && !NOT_DISTINCT.has(w) && !generic.has(w) && !/^\d+$/.test(w));
}

/**
 * Class 5, should not match: a listed organisation whose name is a shorter
 * listed organisation's name plus a distinct word ("Islamic Army" and
 * "Islamic Army of X"), on the same list (so they are two listings) and of
 * different subjects; the query is the longer name, the truth the shorter party.
 */
function longerNameCases(
  ctx: ListContext,
  orgs: ListedName[],
  generic: NameTables['generic'],
): HeldoutCase[] {
  const byStart = new Map<string, ListedName[]>();
  for (const f of orgs) {
    const w = foldWords(f.name);
    if (w.length >= 2)
      byStart.set(`${f.party.source}|${w.join(' ')}`, [
        ...(byStart.get(`${f.party.source}|${w.join(' ')}`) ?? []),
        f,
      ]);
  }
  const pairs: { short: ListedName; long: ListedName }[] = [];
  for (const long of orgs) {
    const w = foldWords(long.name);
    for (let n = 2; n < w.length; n++)
      for (const short of byStart.get(`${long.party.source}|${w.slice(0, n).join(' ')}`) ?? [])
        if (
          ctx.subject.get(partyEntityId(short.party)) !== ctx.subject.get(partyEntityId(long.party)) &&
          addsDistinctWord(short.name, long.name, generic)
        )
          pairs.push({ short, long });
  }
  const out: HeldoutCase[] = [];
  for (const { short, long } of hashOrder(pairs, (p) => `${p.short.name}|${p.long.name}`)) {
    if (out.length >= 150) break;
    const c = classCase(
      ctx,
      short,
      { name: long.name, schema: 'organization' },
      5,
      'longer-listed-name',
      'no-match',
    );
    if (c && !out.some((o) => o.id === c.id)) out.push(c);
  }
  return out;
}

/** Class 7: names in Arabic, Han or Hangul script against the Latin index; Wade–Giles; one syllable changed. */
function crossScriptCases(ctx: ListContext): HeldoutCase[] {
  const out: HeldoutCase[] = [];
  for (const script of ['Arab', 'Hani', 'Hang', 'Kana']) {
    const pool: ListedName[] = [];
    for (const party of ctx.parties)
      if (party.schema === 'person' || party.schema === 'organization')
        for (const n of party.names) if (scriptOf(n.full) === script) pool.push({ party, name: n.full });
    const latinOf = (p: Party): string[] =>
      p.names.filter((n) => scriptOf(n.full) === 'Latn').map((n) => n.full);
    // Persons only: their names are transliterated; organisation names are translated, which no name matcher can do.
    out.push(
      ...sample(
        pool.filter((f) => f.party.schema === 'person' && latinOf(f.party).length > 0),
        `7:${script}`,
        (f) =>
          classCase(ctx, f, query(f.party, f.name)!, 7, `${script.toLowerCase()}-to-latin`, 'match', {
            index: 'latin',
            truthNames: latinOf(f.party),
            sameList: true,
          }),
      ),
    );
    if (script === 'Hang' || script === 'Kana')
      out.push(
        ...sample(pool, `7:${script}:change`, (f, s) => {
          const changed = script === 'Hang' ? changeHangulSyllable(f.name, s) : changeKanaSyllable(f.name, s);
          return changed && foldKey(changed) !== foldKey(f.name)
            ? classCase(
                ctx,
                f,
                query(f.party, changed)!,
                7,
                `${script.toLowerCase()}-syllable-changed`,
                'no-match',
              )
            : undefined;
        }),
      );
  }
  const chinese = latinNames(ctx, 'person', 2, 3).filter(
    (f) =>
      f.party.countries.some((c) => ['CN', 'TW', 'HK'].includes(c.code)) ||
      f.party.names.some((n) => scriptOf(n.full) === 'Hani'),
  );
  out.push(
    ...sample(chinese, '7:wade-giles', (f) => {
      const q = query(f.party, wadeGiles(f.name));
      return q && classCase(ctx, f, q, 7, 'wade-giles', 'match');
    }),
  );
  return out;
}
