import type { KeyboardEvent } from 'react';

/** A row of tabs that switch between route-addressed views (arrow keys move between tabs). */
export function Tabs({
  tabs,
  active,
  label,
}: {
  tabs: { id: string; label: string; href: string }[];
  active: string;
  label: string;
}) {
  const onKey = (e: KeyboardEvent<HTMLAnchorElement>, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    window.location.hash = next.href;
    const links = e.currentTarget.parentElement?.querySelectorAll('a');
    (links?.[tabs.indexOf(next)] as HTMLElement | undefined)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t, i) => (
        <a
          key={t.id}
          role="tab"
          href={t.href}
          aria-selected={t.id === active}
          tabIndex={t.id === active ? 0 : -1}
          className={t.id === active ? 'tab active' : 'tab'}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </a>
      ))}
    </div>
  );
}
