import type { Determination } from '../../api/licensing-types.ts';

const WORDS: Record<Determination['authorisations'][number]['result'], string> = {
  available: 'available',
  'to-check': 'may apply',
  'not-available': 'not available',
};

/** The general authorisations a determination offered or refused, each with its citations and "unverified" mark. */
export function AuthorisationList({ authorisations }: { authorisations: Determination['authorisations'] }) {
  if (!authorisations.length) return null;
  return (
    <div className="det-line">
      <strong>General authorisations considered</strong>
      <ul className="plain authorisations">
        {authorisations.map((a) => (
          <li key={a.id} className={`authorisation-${a.result}`}>
            <code>{a.id}</code> {WORDS[a.result]}
            {a.status === 'unverified' ? (
              <>
                {' '}
                <span className="badge badge-warn">unverified</span>
              </>
            ) : null}
            : {a.why}
            <div className="muted small citations">{a.citations.join(' · ')}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
