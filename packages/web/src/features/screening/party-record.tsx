import { apiGet, seg } from '../../api/client.ts';
import type { PartyRecord } from '../../api/types.ts';
import { Async } from '../../components/states.tsx';
import { countryName } from '../../components/format.ts';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';

/** The full record of a listed party (`GET /parties/{id}`): names, dates, countries, identifiers, addresses. */
export function PartyRecordView({ entityId }: { entityId: string }) {
  const state = useApi(entityId, (s) => apiGet<PartyRecord>(`/parties/${seg(entityId)}`, undefined, s));
  return (
    <Async state={state} loadingLabel="Loading the listed record…">
      {({ party, sameAs }) => (
        <div className="party-record">
          <dl className="record-grid">
            <dt>List</dt>
            <dd>
              {party.source} · {party.sourceId}
            </dd>
            <dt>Kind</dt>
            <dd>{party.schema}</dd>
            <dt>Names</dt>
            <dd>
              <ul className="plain">
                {party.names.map((n, i) => (
                  <li key={i}>
                    {n.full}{' '}
                    <span className="muted small">
                      ({n.quality}
                      {n.script ? `, ${n.script}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
            {party.birthDates.length ? (
              <>
                <dt>Born</dt>
                <dd>
                  {party.birthDates
                    .map((d) => (d.to ? `${d.value} – ${d.to}` : d.value) + (d.circa ? ' (circa)' : ''))
                    .join('; ')}
                  {party.birthPlaces.length ? ` · ${party.birthPlaces.join('; ')}` : ''}
                </dd>
              </>
            ) : null}
            {party.countries.length ? (
              <>
                <dt>Countries</dt>
                <dd>{party.countries.map((c) => `${countryName(c.code)} (${c.role})`).join('; ')}</dd>
              </>
            ) : null}
            {party.identifiers.length ? (
              <>
                <dt>Identifiers</dt>
                <dd>
                  <ul className="plain">
                    {party.identifiers.map((d, i) => (
                      <li key={i}>
                        {d.label ?? d.type}: <code>{d.value}</code>
                        {d.country ? ` (${d.country})` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {party.addresses.length ? (
              <>
                <dt>Addresses</dt>
                <dd>
                  <ul className="plain">
                    {party.addresses.map((a, i) => (
                      <li key={i}>{a.full}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {party.programs.length ? (
              <>
                <dt>Programmes</dt>
                <dd>{party.programs.join(', ')}</dd>
              </>
            ) : null}
            {party.legalBasis.length ? (
              <>
                <dt>Legal basis</dt>
                <dd>{party.legalBasis.join('; ')}</dd>
              </>
            ) : null}
            {sameAs.length ? (
              <>
                <dt>Also listed as</dt>
                <dd>
                  {sameAs.map((s) => (
                    <a key={s} className="chip" href={href(['screening', 'party', s])}>
                      {s}
                    </a>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      )}
    </Async>
  );
}
