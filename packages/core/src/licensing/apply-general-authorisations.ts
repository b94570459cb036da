import type { GeneralAuthorisation } from './determination-data.ts';
import type { DeterminationBuilder } from './determination.ts';
import { describeSource, type FactSource } from './fact-citation.ts';
import { fitGeneralAuthorisation, type AnnexIvFinding } from './match-general-authorisation.ts';

const RESULT = { available: 'available', 'to-check': 'to-check', no: 'not-available' } as const;

// The citations of each result, built once per authorisation and reason: a reason names the
// facts it rests on, and the datasets are immutable once loaded.
interface Cited {
  citations: string[];
  cited: string;
  unverified: boolean;
}
const citedByReason = new WeakMap<GeneralAuthorisation, Map<string, Cited>>();
function citedFor(ga: GeneralAuthorisation, why: string, sources: readonly FactSource[]): Cited {
  let byReason = citedByReason.get(ga);
  if (!byReason) citedByReason.set(ga, (byReason = new Map()));
  let c = byReason.get(why);
  if (!c) {
    const citations = [...new Set(sources.map(describeSource))];
    c = {
      citations,
      cited: citations.join('; '),
      unverified: sources.some((s) => s.status === 'unverified'),
    };
    byReason.set(why, c);
  }
  return c;
}

const joined = new WeakMap<GeneralAuthorisation, string>();
function conditionsOf(ga: GeneralAuthorisation): string {
  let text = joined.get(ga);
  if (text === undefined) joined.set(ga, (text = ga.conditions.join('; ')));
  return text;
}

/**
 * Evaluates every authorisation of a dataset and records, on `out`, what was
 * offered or refused with the citation of each fact the result rests on; a
 * result resting on an unverified fact says "unverified" and is never
 * 'available'.
 */
export function applyGeneralAuthorisations(
  list: readonly GeneralAuthorisation[],
  item: string,
  destination: string,
  annexIv: AnnexIvFinding,
  out: DeterminationBuilder,
): void {
  for (const ga of list) {
    const { fit, why, sources } = fitGeneralAuthorisation(ga, item, destination, annexIv);
    const { citations, cited, unverified } = citedFor(ga, why, sources);
    out.authorisations.push({
      id: ga.id,
      title: ga.title,
      result: RESULT[fit],
      why,
      citations: [...citations],
      status: unverified ? 'unverified' : 'verified',
    });
    const conditions = conditionsOf(ga);
    const mark = unverified ? ', unverified' : '';
    if (fit === 'available') {
      out.add('generalAuthorisations', ga.id);
      out.add('citations', ga.legalBasis);
      out.step(`${ga.id} ${ga.title}`, 'available', `${why}. Conditions: ${conditions}`, cited);
    } else if (fit === 'to-check') {
      out.addToCheck({
        id: ga.id,
        citation: cited,
        conditions: `${ga.title}: ${why}. ${conditions}`,
        ...(unverified ? { status: 'unverified' as const } : {}),
      });
      out.step(
        `${ga.id} ${ga.title}`,
        'question',
        `may apply${mark}: ${why} (dataset confidence ${ga.confidence})`,
        cited,
      );
    } else out.step(`${ga.id} ${ga.title}`, 'not-available', `${why}${mark}`, cited);
  }
}

/** Withdraws every offered authorisation (a catch-all end use forbids their use). */
export function withdrawGeneralAuthorisations(out: DeterminationBuilder, why: string): void {
  out.generalAuthorisations.length = 0;
  for (const a of out.authorisations)
    if (a.result !== 'not-available') Object.assign(a, { result: 'not-available', why });
  const ids = new Set(out.authorisations.map((a) => a.id));
  const kept = out.toCheck.filter((t) => !ids.has(t.id));
  out.toCheck.splice(0, out.toCheck.length, ...kept);
}
