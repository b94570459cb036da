import type { UsEccn } from './determination-data.ts';
import { stricterOutcome, type DeterminationBuilder, type Outcome } from './determination.ts';
import { describeSource } from './fact-citation.ts';
import type { OffChartMatch } from './us-off-chart.ts';

/** The paragraph that says some ECCNs state their requirement off the chart or refer to another agency. */
const SCOPE_CITATION = '15 CFR 738.3(a)';

/** What the off-chart step decided: the outcome, and whether Part 744 end-use rules still apply. */
export interface OffChartResult {
  outcome: Outcome;
  /** False when the EAR does not govern the item at all (another agency's regulations do). */
  subjectToEar: boolean;
}

/**
 * Applies an ECCN's licence requirement that is not a Country Chart column
 * (15 CFR 738.3(a)): a licence for every destination with only the exceptions
 * the text allows; "not subject to the EAR" naming the other regulations; the
 * short-supply requirement of part 754; and "review needed" naming what to read
 * wherever the requirement could not be read. `chartOutcome` is what the
 * ECCN's own rows gave (undefined when it has none); it is never loosened.
 * Never answers "no licence required".
 */
export function applyUsOffChart(
  eccn: UsEccn,
  found: OffChartMatch | undefined,
  chartOutcome: Outcome | undefined,
  out: DeterminationBuilder,
): OffChartResult {
  if (!found) return reviewUnread(eccn, chartOutcome, out);
  const { rule, match } = found;
  const cited = describeSource(rule.source);
  out.add('citations', rule.source.citation);
  if (match === 'partly') {
    out.add(
      'questions',
      `${rule.code} (part of ${eccn.eccn}) has its own requirement (${rule.detail}): classify to the paragraph level.`,
    );
    out.step(`${rule.code}`, 'question', rule.detail, cited);
    return { outcome: chartOutcome ?? 'review-needed', subjectToEar: true };
  }
  if (rule.kind === 'governed-elsewhere') {
    out.add('reasons', `Not subject to the EAR: ${rule.authority ?? rule.read}`);
    out.add('citations', SCOPE_CITATION);
    out.add(
      'questions',
      `Read ${rule.read}: the EAR does not govern this item, so Entente does not determine it.`,
    );
    out.step('Other agency', 'applies', rule.detail, cited);
    out.exceptions.length = 0;
    return { outcome: 'governed-elsewhere', subjectToEar: false };
  }
  if (rule.licence === 'required') {
    if (!out.reasons.includes(rule.reason))
      out.add(
        'reasons',
        `${rule.reason} (${rule.kind === 'short-supply' ? 'short supply' : 'all destinations'})`,
      );
    out.step(`${rule.reason} off the Country Chart`, 'applies', rule.detail, cited);
    // The text names the only exceptions left: every exception the chart rows offered is withdrawn.
    out.exceptions.length = 0;
    for (let i = out.toCheck.length - 1; i >= 0; i--)
      if (!rule.exceptions.includes(out.toCheck[i]!.id)) out.toCheck.splice(i, 1);
    for (const id of rule.exceptions)
      out.addToCheck({
        id,
        citation: rule.source.citation,
        conditions: rule.exceptionConditions ?? `License Exception ${id} as ${rule.source.citation} allows`,
        status: rule.source.status,
      });
    if (rule.exceptions.length === 0)
      out.step('Licence exceptions', 'not-available', 'no licence exception applies', rule.source.citation);
    return {
      outcome: stricterOutcome(chartOutcome ?? 'licence-required', 'licence-required'),
      subjectToEar: true,
    };
  }
  out.add('questions', `Read ${rule.read}: ${rule.detail}`);
  out.step(`${rule.reason} off the Country Chart`, 'question', rule.detail, cited);
  return { outcome: firmOrReview(chartOutcome), subjectToEar: true };
}

/** The chart rows' outcome when it already requires a licence; otherwise nothing firm is known. */
function firmOrReview(chartOutcome: Outcome | undefined): Outcome {
  return chartOutcome === 'licence-required' || chartOutcome === 'exception-available'
    ? chartOutcome
    : 'review-needed';
}

function reviewUnread(
  eccn: UsEccn,
  chartOutcome: Outcome | undefined,
  out: DeterminationBuilder,
): OffChartResult {
  const read = `15 CFR 774 Supp. 1, ECCN ${eccn.eccn}, License Requirements`;
  out.add('citations', SCOPE_CITATION);
  out.add(
    'questions',
    `Read ${read}: its licence requirement is not a Country Chart column and could not be read (unverified); this is not "no licence required".`,
  );
  out.step(
    'Licence requirement off the Country Chart',
    'question',
    `${eccn.eccn} names no Country Chart column and its requirement was not read (unverified)`,
    SCOPE_CITATION,
  );
  return { outcome: firmOrReview(chartOutcome), subjectToEar: true };
}
