import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { Route } from './router.ts';
import { useRoute } from './router.ts';
import { Loading } from './components/states.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { MissingDataNotice } from './features/data-status/missing-data-notice.tsx';

type Page = LazyExoticComponent<ComponentType<{ route: Route }>>;

/** The sections of the app, in navigation order; `agencyOnly` sections are hidden from exporters. */
const SECTIONS: { id: string; label: string; page: Page; agencyOnly?: boolean }[] = [
  {
    id: 'screening',
    label: 'Screening',
    page: lazy(() => import('./features/screening/screening-page.tsx')),
  },
  {
    id: 'monitoring',
    label: 'Monitoring',
    page: lazy(() => import('./features/monitoring/monitoring-page.tsx')),
  },
  {
    id: 'transactions',
    label: 'Transactions',
    page: lazy(() => import('./features/transactions/transactions-page.tsx')),
  },
  {
    id: 'supply',
    label: 'Supply',
    page: lazy(() => import('./features/supply/supply-page.tsx')),
  },
  {
    id: 'controls',
    label: 'Control lists',
    page: lazy(() => import('./features/controls/controls-page.tsx')),
  },
  { id: 'gaps', label: 'Gaps', page: lazy(() => import('./features/gaps/gaps-page.tsx')) },
  {
    id: 'listing-gaps',
    label: 'Listing gaps',
    page: lazy(() => import('./features/listing-gaps/listing-gaps-page.tsx')),
  },
  { id: 'lists', label: 'List updates', page: lazy(() => import('./features/lists/lists-page.tsx')) },
  {
    id: 'denials',
    label: 'Denials',
    page: lazy(() => import('./features/denials/denials-page.tsx')),
    agencyOnly: true,
  },
  {
    id: 'dashboard',
    label: 'Dashboard',
    page: lazy(() => import('./features/dashboard/dashboard-page.tsx')),
  },
];

function Shell() {
  const { user, signOut } = useSession();
  const route = useRoute();
  const sections = SECTIONS.filter((s) => !s.agencyOnly || user?.orgKind === 'agency');
  const active = sections.find((s) => s.id === route.parts[0]) ?? sections[0]!;
  const Page = active.page;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/screening">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          Entente
        </a>
        <span className="tagline">Harmonised export controls among allied states</span>
        <span className="topbar-user">
          <span className="who" data-testid="who">
            {user?.orgKind === 'agency' ? 'Agency' : 'Exporter'} · {user?.role}
            {user?.jurisdiction ? ` · ${user.jurisdiction}` : ''}
          </span>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === active.id ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <MissingDataNotice section={active.id} />
        <Suspense fallback={<Loading label="Opening…" />}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}

function Gate() {
  const { user, checking } = useSession();
  if (checking) return <Loading label="Starting Entente…" />;
  return user ? <Shell /> : <LoginPage />;
}

/** The application: sign-in, then the shell with its sections. */
export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
