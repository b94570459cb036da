import type { PartialDate, Party, PartySchema } from '../model/party.ts';
import type { NameComparison } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';

/** How a query birth date compares with the party's: agreement, conflict or nothing to compare. */
export function compareBirthDates(query: string | undefined, dates: PartialDate[]): ScoreTerm | undefined {
  if (!query || dates.length === 0) return undefined;
  const q = query.trim();
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(q)) return undefined;
  let bestGap = Infinity;
  let agreeAt = '';
  for (const d of dates) {
    const from = d.value;
    const to = d.to ?? d.value;
    const n = Math.min(q.length, from.length);
    const qv = q.slice(0, n);
    if (qv >= from.slice(0, n) && qv <= to.slice(0, n)) {
      agreeAt = n >= 10 ? 'day' : n >= 7 ? 'month' : 'year';
      break;
    }
    const gap = Math.min(
      Math.abs(+q.slice(0, 4) - +from.slice(0, 4)),
      Math.abs(+q.slice(0, 4) - +to.slice(0, 4)),
    );
    bestGap = Math.min(bestGap, d.circa ? Math.max(0, gap - 2) : gap);
  }
  const listed = dates.map((d) => (d.to ? `${d.value}…${d.to}` : d.value)).join(', ');
  if (agreeAt)
    return featureTerm('birthDateMatch', `birth date ${q} agrees with listed ${listed} (to the ${agreeAt})`);
  if (bestGap <= 1)
    return featureTerm('birthDateMatch', `birth date ${q} is within a year of listed ${listed}`, 0);
  return featureTerm('birthDateConflict', `birth date ${q} conflicts with listed ${listed}`);
}

/** How a query country compares with the party's countries. */
export function compareCountries(query: string | undefined, party: Party): ScoreTerm | undefined {
  if (!query || party.countries.length === 0) return undefined;
  const q = query.trim().toUpperCase();
  const codes = [...new Set(party.countries.map((c) => c.code.toUpperCase()))];
  if (codes.includes(q)) return featureTerm('countryMatch', `country ${q} is one of the listed countries`);
  return featureTerm(
    'countryConflict',
    `country ${q} is not among the listed countries (${codes.join(', ')})`,
  );
}

/** Whether a query identifier equals one of the party's identifiers. */
export function compareIdentifiers(query: string[] | undefined, party: Party): ScoreTerm | undefined {
  if (!query || query.length === 0 || party.identifiers.length === 0) return undefined;
  const wanted = new Set(query.map(normalizeIdentifier).filter((v) => v.length >= 4));
  for (const id of party.identifiers) {
    if (wanted.has(normalizeIdentifier(id.value))) {
      return featureTerm(
        'identifierMatch',
        `identifier ${id.value} (${id.label ?? id.type}) matches exactly`,
      );
    }
  }
  return undefined;
}

/** Whether the query's kind of party is compatible with the listed one. */
export function compareSchemas(query: PartySchema | undefined, listed: PartySchema): ScoreTerm | undefined {
  if (!query || query === 'unknown' || listed === 'unknown' || query === listed) return undefined;
  const orgLike = (s: PartySchema): boolean => s === 'organization' || s === 'vessel' || s === 'aircraft';
  if (orgLike(query) && orgLike(listed))
    return featureTerm('schemaConflict', `a ${query} query may name a listed ${listed}`, 0);
  return featureTerm('schemaConflict', `query is a ${query}, listed party is a ${listed}`);
}

/** Human explanation of a name comparison. */
export function explainNameComparison(c: NameComparison, matchedName: string): string {
  if (c.method === 'joined')
    return `name matches "${matchedName}" when written without spaces (${Math.round(c.score * 100)} %)`;
  const pairs = c.pairs.map((p) =>
    p.kind === 'exact' ? p.query : `${p.query}≈${p.candidate} (${p.kind} ${p.similarity.toFixed(2)})`,
  );
  let text = `name matches "${matchedName}"${c.method === 'original-script' ? ' in its original script' : ''}: ${pairs.join(', ') || 'no common words'}`;
  if (c.unmatchedQuery.length) text += `; query words not found: ${c.unmatchedQuery.join(' ')}`;
  if (c.unmatchedCandidate.length) text += `; listed words not in query: ${c.unmatchedCandidate.join(' ')}`;
  return `${text} (query coverage ${c.queryCoverage.toFixed(2)}, listed-name coverage ${c.candidateCoverage.toFixed(2)})`;
}
