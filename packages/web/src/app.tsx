import { useEffect, useState } from 'react';

/** The sections of the app, in navigation order. */
const SECTIONS = [
  { id: 'screening', label: 'Screening', blurb: 'Is this customer, consignee or vessel on any ally’s list?' },
  { id: 'transactions', label: 'Transactions', blurb: 'Do I need a licence to ship this, and where?' },
  {
    id: 'controls',
    label: 'Control lists',
    blurb: 'How each ally controls an item, cross-walked entry by entry.',
  },
  { id: 'gaps', label: 'Gaps', blurb: 'What one ally controls and others do not.' },
  {
    id: 'denials',
    label: 'Denials',
    blurb: 'Denial notifications and no-undercut consultations between allies.',
  },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

function currentSection(): SectionId {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (SECTIONS.find((s) => s.id === hash)?.id ?? 'screening') as SectionId;
}

/** The application shell: header, navigation and the selected section. */
export function App() {
  const [section, setSection] = useState<SectionId>(currentSection);
  useEffect(() => {
    const onHash = () => setSection(currentSection());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const active = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/screening">
          Entente
        </a>
        <span className="tagline">Harmonised export controls among allied states</span>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <h1>{active.label}</h1>
        <p className="lede">{active.blurb}</p>
      </main>
    </div>
  );
}
