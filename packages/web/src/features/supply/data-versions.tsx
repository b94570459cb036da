import type { SupplyAnalysis } from '../../api/supply-types.ts';
import { formatDate } from '../../components/format.ts';

/** The versions of every dataset the analysis read, so the result can be reproduced. */
export function DataVersions({ versions }: { versions: SupplyAnalysis['dataVersions'] }) {
  return (
    <dl className="record-meta data-versions">
      <div>
        <dt>Control lists</dt>
        <dd>
          {versions.controlLists.map((l) => (
            <span key={l.list} className="chip" title={`in force from ${formatDate(l.validFrom)}`}>
              {l.list} {l.version}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>EAR tables as of</dt>
        <dd>{formatDate(versions.earTablesAsOf)}</dd>
      </div>
      {versions.chpl ? (
        <div>
          <dt>CHPL</dt>
          <dd>{formatDate(versions.chpl)}</dd>
        </div>
      ) : null}
      {versions.scenarioLibrary ? (
        <div>
          <dt>Scenario library</dt>
          <dd>{versions.scenarioLibrary}</dd>
        </div>
      ) : null}
      {versions.catalogueStamp ? (
        <div>
          <dt>Catalogue</dt>
          <dd>
            <code title={versions.catalogueStamp}>{versions.catalogueStamp.slice(0, 24)}…</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
