import type { ControlCitation } from '../../api/types.ts';

/** The mark of an entry whose text could not be read. */
export function UnverifiedBadge() {
  return (
    <span className="badge badge-warn" title="The text of this entry could not be read">
      UNVERIFIED
    </span>
  );
}

/** Where an entry's facts were read: act, provision, source and date, or why it is unverified. */
export function EntryCitation({ citation }: { citation?: ControlCitation }) {
  if (!citation)
    return (
      <dd>
        <UnverifiedBadge /> no citation recorded
      </dd>
    );
  const link = citation.readFrom && /^https?:\/\//.test(citation.readFrom);
  return (
    <dd className="entry-citation">
      {citation.status === 'verified' ? null : (
        <>
          <UnverifiedBadge />{' '}
        </>
      )}
      {citation.act}, {citation.provision}
      <div className="muted small">
        {citation.readFrom ? (
          <>
            read from {link ? <a href={citation.readFrom}>{citation.readFrom}</a> : citation.readFrom}
            {citation.readOn ? ` on ${citation.readOn}` : ''}
          </>
        ) : (
          'text not read'
        )}
      </div>
      {citation.note ? <div className="small">{citation.note}</div> : null}
    </dd>
  );
}
