import type { Outcome } from '../../api/licensing-types.ts';
import { labelOf } from '../../components/format.ts';

const TONE: Record<Outcome, string> = {
  prohibited: 'danger',
  'licence-required': 'danger',
  'review-needed': 'danger',
  'governed-elsewhere': 'warn',
  'exception-available': 'warn',
  'general-authorisation-available': 'warn',
  'no-licence-required': 'ok',
  'not-controlled': 'ok',
};

// Words that say more than the id: neither outcome may read as a permissive one.
const WORDS: Partial<Record<Outcome, string>> = {
  'review-needed': 'Review needed (unverified)',
  'governed-elsewhere': 'Not subject: another authority',
};

/** A determination outcome as a coloured badge (colour is never the only cue: the words are there). */
export function OutcomeBadge({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return <span className="muted">—</span>;
  return <span className={`outcome outcome-${TONE[outcome]}`}>{WORDS[outcome] ?? labelOf(outcome)}</span>;
}
