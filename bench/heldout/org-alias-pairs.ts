/**
 * A tune-only check of organisation names (issue 14, class 5): pairs of one
 * listed organisation's own spellings, across every list the evaluation
 * indexes, screened one against the others.
 *
 * A subject (subject-clusters.ts: parties joined by a UN reference or a
 * shared spelling of two words or more) is read only when its split
 * (`splitOf`) is `tune`: nothing of `threshold` or `report` is screened,
 * printed or counted. For each such subject holding organisations, each of
 * its Latin spellings (fold key) is screened against a one-subject index of
 * its organisations' other spellings (every name with the query's fold key
 * removed), and kept only when it passes set (a)'s spelling test v3
 * (`relatedDistinctiveWordsV3` against the other spellings): a different
 * alias ("Army of the Pure" for an Urdu name) is not a spelling any name
 * matcher can tie. The spellings set (a) itself screens (those of UN
 * subjects, against the UN list) are among them when the subject is a tune
 * one; the rest are the other authorities' aliases of organisations the UN
 * does not list.
 *
 *   npx tsx bench/heldout/org-alias-pairs.ts [--threshold 0.86] [--misses 60] [--cause <cause>]
 *     [--own-cities] [--skeletons] [--json <file>]
 *
 * Prints recall at the threshold (the best score over the other spellings),
 * overall and by cause class, and the misses grouped by a rough cause:
 * `long` (6+ words on either side), `added` (a distinctive word of the
 * query matches no word of the best listed spelling), `dropped` (the
 * reverse), `acronym` (a word of 3–6 letters in capitals on one side),
 * `spelling` (every distinctive word has a close counterpart: a respelling).
 */
import { pathToFileURL } from 'node:url';
import {
  buildParty,
  countryCodeFromName,
  FEATURE_WEIGHTS,
  buildScreeningIndex,
  namePartsOf,
  partyEntityId,
  screenParty,
  type Party,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { spellingOnlyParties } from './build-dev-set.ts';
import { foldKey, foldWords, scriptOf } from './fold-name.ts';
import { listContext } from './list-context.ts';
import { closeWordsV3, distinctiveWords, relatedDistinctiveWordsV3, skeleton } from './set-un-spellings.ts';
import { splitOf } from './split.ts';

/** One screened pair: a spelling of a tune organisation against the subject's other spellings. */
export interface OrgAliasPair {
  subject: string;
  query: string;
  /** The other spelling that scored best. */
  best: string;
  score: number;
  words: number;
  causes: string[];
  /**
   * `--own-country` experiment: the score with the query's words naming one of
   * the subject's own countries let go (less `extraGenericWord` a word), when
   * the rest spells every distinctive word of the best listed spelling; absent
   * when the query holds no such word.
   */
  ownCountry?: number;
  /**
   * `--skeletons` experiment: the score with each query word whose consonant
   * skeleton (ph as f, x as ks; `skeleton` of set (a)) of three letters or
   * more equals an unpaired listed word's replaced by that word — English
   * words written back from Russian ("Konsalting", "Treyd", "Klaud"); absent
   * when no word was replaced.
   */
  skeletonRespelt?: number;
}

const argValue = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};

/** Rough causes of a pair's difficulty (several may hold). */
export function causesOf(query: string, listed: string): string[] {
  const causes: string[] = [];
  const qw = foldWords(query);
  const lw = foldWords(listed);
  if (Math.max(qw.length, lw.length) >= 6) causes.push('long');
  const qd = distinctiveWords(query);
  const ld = distinctiveWords(listed);
  const unmatched = (a: string[], b: string[]) => a.filter((w) => !b.some((v) => closeWordsV3(w, v)));
  const added = unmatched(qd, ld);
  const dropped = unmatched(ld, qd);
  if (added.length) causes.push('added');
  if (dropped.length) causes.push('dropped');
  const acronym = (s: string) => /\b[A-Z]{3,6}\b/.test(s);
  if (acronym(query) !== acronym(listed)) causes.push('acronym');
  if (!added.length && !dropped.length) {
    const same = qd.every((w) => ld.includes(w)) && ld.every((w) => qd.includes(w));
    causes.push(same ? 'generic-words' : 'spelling');
  }
  return causes;
}

/** Short forms of a country that the ISO names leave out ("Korea" for either Korea). */
const SHORT_FORMS: Record<string, string[]> = { korea: ['KP', 'KR'] };

/** Endings that make a demonym of a country name (its last vowel dropped): Syria-n, Iran-ian, Iraq-i, Chin-ese. */
const DEMONYM_ENDINGS = ['n', 'an', 'ian', 'i', 'ese'];

/** The country codes a span of words names: a country name, a short form, or a demonym of either. */
export function countryCodesOf(span: string): string[] | undefined {
  if (span.length < 4) return undefined;
  const code = countryCodeFromName(span);
  if (code) return [code];
  if (SHORT_FORMS[span]) return SHORT_FORMS[span];
  if (span.includes(' ')) return undefined;
  for (const end of DEMONYM_ENDINGS) {
    if (!span.endsWith(end) || span.length - end.length < 3) continue;
    const stem = span.slice(0, -end.length);
    for (const base of [stem, `${stem}a`, `${stem}e`, `${stem}o`]) {
      const codes = base.length >= 4 ? (countryCodeFromName(base) ?? SHORT_FORMS[base]) : undefined;
      if (codes) return typeof codes === 'string' ? [codes] : codes;
    }
  }
  return undefined;
}

const LEAD_CONNECTORS = new Set(['of', 'the', 'in', 'for']);

/**
 * The query without its words naming one of `own` (country codes), and how
 * many words were let go; connectors just before a country span go with it
 * ("… of the Russian Federation").
 */
export function withoutOwnCountry(
  query: string,
  own: ReadonlySet<string>,
  cities: ReadonlySet<string> = new Set(),
): [string, number] {
  const words = foldWords(query);
  const drop = new Array<boolean>(words.length).fill(false);
  let n = 0;
  for (let i = 0; i < words.length; i++)
    for (let len = Math.min(3, words.length - i); len >= 1; len--) {
      const span = words.slice(i, i + len).join(' ');
      const codes = countryCodesOf(span) ?? (cities.has(span) ? ['city'] : undefined);
      if (!codes) continue;
      if (codes.some((c) => own.has(c) || c === 'city')) {
        for (let k = i; k < i + len; k++) drop[k] = true;
        n += len;
        for (let k = i - 1; k >= 0 && LEAD_CONNECTORS.has(words[k]!); k--) drop[k] = true;
      }
      i += len - 1;
      break;
    }
  return [words.filter((_, i) => !drop[i]).join(' '), n];
}

/** A word's consonant skeleton with "ph" read as "f" and "x" as "ks". */
const looseSkeleton = (w: string): string => skeleton(w.replace(/ph/g, 'f').replace(/x/g, 'ks'));

/** The query with each word that spells a different word of `listed` by its skeleton replaced by it, and how many. */
export function respeltBySkeleton(query: string, listed: string): [string, number] {
  const lw = foldWords(listed);
  const qw = foldWords(query);
  const keys = new Map<string, string>();
  for (const w of lw) {
    const k = looseSkeleton(w);
    if (k.length >= 3 && !qw.includes(w)) keys.set(k, w);
  }
  let n = 0;
  const out = qw.map((w) => {
    const to = lw.includes(w) ? undefined : keys.get(looseSkeleton(w));
    if (to === undefined) return w;
    n++;
    return to;
  });
  return [out.join(' '), n];
}

/**
 * Screens every tune organisation's spellings against its other spellings;
 * `ownCities`: the own-country experiment lets go the subject's address
 * cities too.
 */
export async function orgAliasPairs(
  mirror = MIRROR,
  ownCities = false,
  skeletons = false,
): Promise<OrgAliasPair[]> {
  const lists = await loadMirrorLists(mirror, () => {});
  const indexed = lists.flatMap((l) => l.parties);
  const extra = await spellingOnlyParties(mirror);
  const ctx = listContext(indexed, [...indexed, ...extra]);
  const reference = await loadNameReference(mirror);
  const bySubject = new Map<string, Party[]>();
  for (const party of indexed) {
    if (party.schema !== 'organization') continue;
    const subject = ctx.subject.get(partyEntityId(party)) ?? '';
    if (!subject || splitOf(subject) !== 'tune') continue;
    const list = bySubject.get(subject);
    if (list) list.push(party);
    else bySubject.set(subject, [party]);
  }
  const out: OrgAliasPair[] = [];
  for (const [subject, parties] of [...bySubject].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const spellings = new Map<string, string>();
    for (const p of parties)
      for (const n of p.names) {
        const key = foldKey(n.full);
        if (key && !spellings.has(key)) spellings.set(key, n.full);
      }
    if (spellings.size < 2) continue;
    for (const [key, query] of spellings) {
      if (scriptOf(query) !== 'Latn') continue;
      const words = foldWords(query);
      if (words.length === 0 || (words.length === 1 && words[0]!.length <= 4)) continue;
      if ((query.match(/,/g)?.length ?? 0) >= 2) continue;
      const others = [...spellings].filter(([k, n]) => k !== key && scriptOf(n) === 'Latn').map(([, n]) => n);
      if (!others.length) continue;
      const parts = others.flatMap((n) => {
        const p = namePartsOf(n);
        return p.length ? p : [n];
      });
      if (!relatedDistinctiveWordsV3(parts, query)) continue;
      const index = buildScreeningIndex(
        parties
          .map((p, i) => ({
            ...p,
            sourceId: `${p.sourceId}#${i}`,
            names: p.names.filter((n) => foldKey(n.full) !== key),
          }))
          .filter((p) => p.names.length)
          .map((p) => ({ party: buildParty(p) })),
        reference,
      );
      const hits = screenParty(index, { name: query, schema: 'organization' }, { threshold: 0, limit: 1 });
      const best = hits[0]?.matchedName ?? others[0]!;
      const own = new Set(parties.flatMap((p) => p.countries.map((c) => c.code.toUpperCase())));
      const cities = ownCities
        ? new Set(
            parties.flatMap((p) => p.addresses.flatMap((a) => (a.city ? [foldWords(a.city).join(' ')] : []))),
          )
        : undefined;
      const [stripped, letGo] = withoutOwnCountry(query, own, cities);
      let ownCountry: number | undefined;
      if (letGo > 0 && stripped) {
        const rest = distinctiveWords(stripped);
        const listedOwn = withoutOwnCountry(best, own, cities)[0];
        const spelled = distinctiveWords(listedOwn).every((w) => rest.some((v) => closeWordsV3(w, v)));
        const again = screenParty(
          index,
          { name: stripped, schema: 'organization' },
          { threshold: 0, limit: 1 },
        );
        const lifted = (again[0]?.score ?? 0) + FEATURE_WEIGHTS.extraGenericWord * letGo;
        ownCountry = spelled ? Math.max(hits[0]?.score ?? 0, lifted) : (hits[0]?.score ?? 0);
      }
      let skeletonRespelt: number | undefined;
      if (skeletons) {
        const [respelt, changed] = respeltBySkeleton(query, best);
        if (changed > 0) {
          const again = screenParty(
            index,
            { name: respelt, schema: 'organization' },
            { threshold: 0, limit: 1 },
          );
          skeletonRespelt = Math.max(hits[0]?.score ?? 0, again[0]?.score ?? 0);
        }
      }
      out.push({
        ...(skeletonRespelt !== undefined ? { skeletonRespelt } : {}),
        ...(ownCountry !== undefined ? { ownCountry } : {}),
        subject,
        query,
        best,
        score: hits[0]?.score ?? 0,
        words: words.length,
        causes: causesOf(query, best),
      });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const threshold = Number(argValue('--threshold') ?? 0.86);
  const showMisses = Number(argValue('--misses') ?? 60);
  const onlyCause = argValue('--cause');
  const pairs = await orgAliasPairs(
    MIRROR,
    process.argv.includes('--own-cities'),
    process.argv.includes('--skeletons'),
  );
  const hit = pairs.filter((p) => p.score >= threshold).length;
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
  console.log(
    `tune organisation spellings: ${pairs.length} pairs of ${new Set(pairs.map((p) => p.subject)).size} subjects; ` +
      `recall at ${threshold}: ${hit}/${pairs.length} = ${pct(hit, pairs.length)} %`,
  );
  const classes = ['long', 'added', 'dropped', 'acronym', 'spelling', 'generic-words'];
  for (const c of classes) {
    const all = pairs.filter((p) => p.causes.includes(c));
    const ok = all.filter((p) => p.score >= threshold).length;
    console.log(
      `  ${c.padEnd(14)} ${String(ok).padStart(5)}/${String(all.length).padEnd(5)} ${pct(ok, all.length)} %`,
    );
  }
  const withCountry = pairs.filter((p) => p.ownCountry !== undefined);
  const lifted = withCountry.filter((p) => p.score < threshold && p.ownCountry! >= threshold);
  const lowered = withCountry.filter((p) => p.score >= threshold && p.ownCountry! < threshold);
  console.log(
    `\nown-country experiment: ${withCountry.length} pairs hold a word naming the subject's own country; ` +
      `${lifted.length} misses lifted, ${lowered.length} hits lost: recall ${pct(hit + lifted.length - lowered.length, pairs.length)} %`,
  );
  for (const m of lifted)
    console.log(
      `  ${m.score.toFixed(3)} -> ${m.ownCountry!.toFixed(3)}\t${m.query}\t~\t${m.best}\t(${m.subject})`,
    );
  const respelt = pairs.filter((p) => p.skeletonRespelt !== undefined);
  if (respelt.length) {
    const up = respelt.filter((p) => p.score < threshold && p.skeletonRespelt! >= threshold);
    console.log(
      `\nskeleton experiment: ${respelt.length} pairs hold a query word respelt by its skeleton; ${up.length} misses lifted`,
    );
    for (const m of up)
      console.log(`  ${m.score.toFixed(3)} -> ${m.skeletonRespelt!.toFixed(3)}\t${m.query}\t~\t${m.best}`);
  }
  const misses = pairs.filter((p) => p.score < threshold && (!onlyCause || p.causes.includes(onlyCause)));
  console.log(`\nmisses (${misses.length}; showing ${Math.min(showMisses, misses.length)}):`);
  for (const m of misses.slice(0, showMisses))
    console.log(`${m.score.toFixed(3)}\t[${m.causes.join(',')}]\t${m.query}\t~\t${m.best}\t(${m.subject})`);
  if (process.argv.includes('--json')) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(argValue('--json')!, JSON.stringify(pairs, null, 1));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
