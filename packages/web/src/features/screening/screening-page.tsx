import { Tabs } from '../../components/tabs.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import type { Route } from '../../router.ts';
import { SingleScreen } from './single-screen.tsx';
import { BatchScreen } from './batch-screen.tsx';
import { ClearanceList } from './clearance-list.tsx';
import { PartyPage } from './party-page.tsx';

const TABS = [
  { id: 'search', label: 'Search a name', href: '#/screening' },
  { id: 'batch', label: 'Batch (CSV)', href: '#/screening/batch' },
  { id: 'clearances', label: 'Cleared matches', href: '#/screening/clearances' },
];

/** Restricted-party screening: one name, a CSV batch, the clearances, and a listed party's record. */
export default function ScreeningPage({ route }: { route: Route }) {
  const view = route.parts[1] ?? 'search';
  if (view === 'party' && route.parts[2]) return <PartyPage entityId={route.parts[2]} />;
  return (
    <>
      <PageHeader
        title="Screening"
        lede="Is this customer, consignee or vessel on any ally’s restricted-party list?"
      />
      <Tabs tabs={TABS} active={view} label="Screening views" />
      {view === 'batch' ? (
        <BatchScreen />
      ) : view === 'clearances' ? (
        <ClearanceList />
      ) : (
        <SingleScreen route={route} />
      )}
    </>
  );
}
