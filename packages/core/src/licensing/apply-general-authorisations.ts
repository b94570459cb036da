import type { GeneralAuthorisation } from './determination-data.ts';
import type { DeterminationBuilder } from './determination.ts';
import { describeSource } from './fact-citation.ts';
import { fitGeneralAuthorisation, type AnnexIvFinding } from './match-general-authorisation.ts';

const RESULT = { available: 'available', 'to-check': 'to-check', no: 'not-available' } as const;

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
    const unverified = sources.some((s) => s.status === 'unverified');
    const citations = [...new Set(sources.map(describeSource))];
    out.authorisations.push({
      id: ga.id,
      title: ga.title,
      result: RESULT[fit],
      why,
      citations,
      status: unverified ? 'unverified' : 'verified',
    });
    const conditions = ga.conditions.join('; ');
    const mark = unverified ? ', unverified' : '';
    if (fit === 'available') {
      out.add('generalAuthorisations', ga.id);
      out.add('citations', ga.legalBasis);
      out.step(
        `${ga.id} ${ga.title}`,
        'available',
        `${why}. Conditions: ${conditions}`,
        citations.join('; '),
      );
    } else if (fit === 'to-check') {
      out.addToCheck({
        id: ga.id,
        citation: citations.join('; '),
        conditions: `${ga.title}: ${why}. ${conditions}`,
        ...(unverified ? { status: 'unverified' as const } : {}),
      });
      out.step(
        `${ga.id} ${ga.title}`,
        'question',
        `may apply${mark}: ${why} (dataset confidence ${ga.confidence})`,
        citations.join('; '),
      );
    } else out.step(`${ga.id} ${ga.title}`, 'not-available', `${why}${mark}`, citations.join('; '));
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
