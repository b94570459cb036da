import { PageHeader } from '../../components/page-header.tsx';
import { PartyRecordView } from './party-record.tsx';

/** A page of its own for one listed party. */
export function PartyPage({ entityId }: { entityId: string }) {
  return (
    <>
      <p className="crumbs">
        <a href="#/screening">Screening</a> / listed party
      </p>
      <PageHeader
        title={entityId}
        lede="The listed record as published, with the same party on other lists."
      />
      <div className="panel">
        <PartyRecordView entityId={entityId} />
      </div>
    </>
  );
}
