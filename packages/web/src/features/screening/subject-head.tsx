import { useState } from 'react';
import type { ScreeningMatch, ScreenSubject } from '../../api/types.ts';
import { ClearForm } from './clear-form.tsx';

/** One subject of a screening: its matched listings, best first. */
export interface SubjectGroup {
  subjectId: string;
  name: string;
  score: number;
  matches: ScreeningMatch[];
}

/**
 * The head of one subject's row: its name, best score and listings, and the action that clears
 * the whole subject (every listing it has now) for the screened name.
 */
export function SubjectHead({
  group,
  subject,
  onCleared,
}: {
  group: SubjectGroup;
  subject: ScreenSubject;
  onCleared: () => void;
}) {
  const [open, setOpen] = useState(false);
  const allCleared = group.matches.every((m) => m.cleared);
  const id = `s-${group.subjectId.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return (
    <>
      <h3 className="subject-head">
        {group.name}{' '}
        <span className="muted small">
          best score {group.score.toFixed(2)} · listed as{' '}
          {group.matches.map((m) => `${m.source} ${m.sourceId}`).join(', ')}
        </span>{' '}
        {allCleared ? (
          <span className="badge badge-cleared">Subject cleared</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            aria-controls={`${id}-clear`}
            onClick={() => setOpen((o) => !o)}
          >
            Clear subject
          </button>
        )}
      </h3>
      {open && !allCleared ? (
        <div className="match-panel" id={`${id}-clear`}>
          <ClearForm
            subject={subject}
            target={{
              kind: 'subject',
              subjectId: group.subjectId,
              name: group.name,
              matched: group.matches.length,
            }}
            onDone={() => {
              setOpen(false);
              onCleared();
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      ) : null}
    </>
  );
}
