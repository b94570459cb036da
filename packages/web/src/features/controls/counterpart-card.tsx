import type { Counterpart } from '../../api/types.ts';
import { labelOf } from '../../components/format.ts';
import { href } from '../../router.ts';
import { UnverifiedBadge } from './entry-citation.tsx';

/** One counterpart: the other entry, how the shown entry relates to it, and the basis of the link. */
export function CounterpartCard({
  counterpart: c,
  relation,
}: {
  counterpart: Counterpart;
  relation: string;
}) {
  const i = c.id.indexOf(':');
  return (
    <div className="det counterpart">
      <div className="det-head">
        <span className={`rel rel-${c.type}`}>{relation}</span>
        <a href={href(['controls', c.id.slice(0, i), c.id.slice(i + 1)])}>
          <code>{c.id}</code>
        </a>
      </div>
      {c.heading ? <div className="det-item">{c.heading}</div> : null}
      <div className="muted small">
        basis: {labelOf(c.basis)}
        {c.note ? ` · ${c.note}` : ''}
        {c.via ? ` · via ${c.via}` : ''}
      </div>
      {c.warning ? (
        <div className="small">
          <UnverifiedBadge /> not followed: {c.warning}
        </div>
      ) : null}
      {c.source && !c.via ? (
        <div className="muted small">
          source: {c.source.citation}
          {c.source.status === 'verified'
            ? ` · read in ${c.source.readIn ?? 'an unrecorded text'}${c.source.readOn ? ` on ${c.source.readOn}` : ''}`
            : ' · unverified'}
        </div>
      ) : null}
    </div>
  );
}
