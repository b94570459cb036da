import { PageHeader } from '../../components/page-header.tsx';
import { Tabs } from '../../components/tabs.tsx';
import type { Route } from '../../router.ts';
import { ConsultationList } from './consultation-list.tsx';
import { ConsultationThread } from './consultation-thread.tsx';
import { DenialDetail } from './denial-detail.tsx';
import { DenialForm } from './denial-form.tsx';
import { DenialList } from './denial-list.tsx';

const TABS = [
  { id: 'inbox', label: 'Denials', href: '#/denials' },
  { id: 'consultations', label: 'Consultations', href: '#/denials/consultations' },
  { id: 'new', label: 'Notify a denial', href: '#/denials/new' },
];

/** Denials and consultations (agencies): shared denials, the denial form, and no-undercut consultations. */
export default function DenialsPage({ route }: { route: Route }) {
  const view = route.parts[1] ?? 'inbox';
  if (view === 'denial' && route.parts[2]) return <DenialDetail id={route.parts[2]} />;
  if (view === 'consultations' && route.parts[2]) return <ConsultationThread id={route.parts[2]} />;
  return (
    <>
      <PageHeader
        title="Denials and consultations"
        lede="Denial notifications shared between allied agencies, and the no-undercut consultations they open."
      />
      <Tabs tabs={TABS} active={view} label="Denial views" />
      {view === 'new' ? (
        <DenialForm />
      ) : view === 'consultations' ? (
        <ConsultationList box={route.query.get('box') ?? 'inbox'} />
      ) : (
        <DenialList />
      )}
    </>
  );
}
