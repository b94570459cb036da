import { useState } from 'react';
import type { ClearanceReviewReason } from '@entente/core';
import type { ScreeningMatch, ScreenSubject } from '../../api/types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { formatDate } from '../../components/format.ts';
import { href } from '../../router.ts';
import { ClearForm } from './clear-form.tsx';
import { FeatureBreakdown } from './feature-breakdown.tsx';
import { PartyRecordView } from './party-record.tsx';

type Open = 'why' | 'record' | 'clear' | undefined;

/** Why a listing of a cleared subject is shown again, in words. */
const REVIEW_LABEL: Record<ClearanceReviewReason, string> = {
  'new-listing': 'New listing of a cleared subject: review it',
  'subject-split': 'Cleared subject was split since: review it',
};

/** One ranked match: score, names, list, and on demand why it matched, the full record and clearing it. */
export function MatchCard({
  match,
  subject,
  onCleared,
}: {
  match: ScreeningMatch;
  subject: ScreenSubject;
  onCleared: () => void;
}) {
  const [open, setOpen] = useState<Open>(undefined);
  const toggle = (o: Open) => setOpen((cur) => (cur === o ? undefined : o));
  const id = `m-${match.entityId.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return (
    <li className={match.cleared ? 'match cleared' : 'match'} aria-labelledby={`${id}-name`}>
      <div className="match-main">
        <ScoreBar value={match.score} label={`Score of ${match.name}`} width={100} />
        <div className="match-names">
          <a id={`${id}-name`} className="match-name" href={href(['screening', 'party', match.entityId])}>
            {match.name}
          </a>
          {match.matchedName !== match.name ? (
            <span className="muted"> · matched “{match.matchedName}”</span>
          ) : null}
          <div className="match-meta">
            <span className="badge badge-source">{match.source}</span>
            <span className="badge">{match.schema}</span>
            {match.programs.slice(0, 4).map((p) => (
              <span key={p} className="badge badge-program">
                {p}
              </span>
            ))}
            {match.listVersion ? (
              <span className="muted small">list of {formatDate(match.listVersion.publishedAt)}</span>
            ) : null}
            {match.cleared ? (
              <span className="badge badge-cleared" title={match.cleared.reason}>
                Cleared: {match.cleared.reason}
              </span>
            ) : null}
            {match.clearanceToReview ? (
              <span className="badge badge-review" role="note" title={match.clearanceToReview.reason}>
                {REVIEW_LABEL[match.clearanceToReview.why]} (cleared{' '}
                {formatDate(match.clearanceToReview.createdAt)}: {match.clearanceToReview.reason})
              </span>
            ) : null}
          </div>
        </div>
        <div className="match-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open === 'why'}
            aria-controls={`${id}-panel`}
            onClick={() => toggle('why')}
          >
            Why this matched
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open === 'record'}
            aria-controls={`${id}-panel`}
            onClick={() => toggle('record')}
          >
            Full record
          </button>
          {match.cleared ? null : (
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={open === 'clear'}
              aria-controls={`${id}-panel`}
              onClick={() => toggle('clear')}
            >
              Clear as false positive
            </button>
          )}
        </div>
      </div>
      {open ? (
        <div className="match-panel" id={`${id}-panel`}>
          {open === 'why' ? <FeatureBreakdown match={match} /> : null}
          {open === 'record' ? <PartyRecordView entityId={match.entityId} /> : null}
          {open === 'clear' ? (
            <ClearForm
              subject={subject}
              target={{ kind: 'listing', match }}
              onDone={() => {
                setOpen(undefined);
                onCleared();
              }}
              onCancel={() => setOpen(undefined)}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
