import { PageHeader } from '../../components/page-header.tsx';
import { Tabs } from '../../components/tabs.tsx';
import type { Route } from '../../router.ts';
import { AssessmentForm } from './assessment-form.tsx';
import { DecisionRecordPage } from './decision-record-page.tsx';
import { DecisionRecords } from './decision-records.tsx';

const TABS = [
  { id: 'new', label: 'New assessment', href: '#/transactions' },
  { id: 'records', label: 'Decision records', href: '#/transactions/records' },
];

/** Transactions: assess a shipment in every jurisdiction that reaches it, and the decision records kept. */
export default function TransactionsPage({ route }: { route: Route }) {
  const view = route.parts[1] ?? 'new';
  if (view === 'records' && route.parts[2]) return <DecisionRecordPage id={route.parts[2]} />;
  return (
    <>
      <PageHeader
        title="Transactions"
        lede="Do I need a licence to ship this, and where? Every jurisdiction whose law reaches the shipment, side by side."
      />
      <Tabs tabs={TABS} active={view} label="Transaction views" />
      {view === 'records' ? <DecisionRecords /> : <AssessmentForm />}
    </>
  );
}
