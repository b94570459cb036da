import { apiGet } from '../../api/client.ts';
import type { ControlListVersion } from '../../api/types.ts';
import { formatCount, formatDate } from '../../components/format.ts';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';

/** What each list is, for people who do not know the acronyms. */
export const LIST_NAMES: Record<string, string> = {
  US: 'US Commerce Control List (EAR)',
  USML: 'US Munitions List (ITAR)',
  EU: 'EU dual-use list (Annex I)',
  UK: 'UK Strategic Export Control List',
  JP: 'Japan export control list',
  WA: 'Wassenaar Arrangement',
  MTCR: 'Missile Technology Control Regime',
  NSG: 'Nuclear Suppliers Group',
  AG: 'Australia Group',
};

/** The control lists in force, one card each with version, entry count and a link to browse. */
export function ListCatalogue() {
  const state = useApi('controls', (s) =>
    apiGet<{ versions: ControlListVersion[]; correspondences: number }>('/controls', undefined, s),
  );
  return (
    <section aria-labelledby="h-lists">
      <h2 id="h-lists">Lists</h2>
      <Async state={state}>
        {({ versions, correspondences }) => {
          const latest = new Map<string, ControlListVersion>();
          for (const v of versions) if (!v.validTo && !latest.has(v.listId)) latest.set(v.listId, v);
          for (const v of versions) if (!latest.has(v.listId)) latest.set(v.listId, v);
          const order = Object.keys(LIST_NAMES);
          const lists = [...latest.values()].sort(
            (a, b) => order.indexOf(a.listId) - order.indexOf(b.listId),
          );
          if (lists.length === 0)
            return (
              <Empty title="No control list is loaded">
                Run `entente sync` with the mirror to load them.
              </Empty>
            );
          return (
            <>
              <p className="muted">
                {formatCount(correspondences)} cross-walk links between entries of these lists.
              </p>
              <ul className="card-grid">
                {lists.map((v) => (
                  <li key={v.listId} className="card">
                    <a className="card-title" href={href(['controls', v.listId])}>
                      {v.listId}
                    </a>
                    <div>{LIST_NAMES[v.listId] ?? v.listId}</div>
                    <div className="muted small">
                      version {v.version} · in force from {formatDate(v.validFrom)} ·{' '}
                      {formatCount(v.entryCount)} entries
                    </div>
                    <div className="muted small">
                      {versions.filter((x) => x.listId === v.listId).length} stored version
                      {versions.filter((x) => x.listId === v.listId).length === 1 ? '' : 's'}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Async>
    </section>
  );
}
