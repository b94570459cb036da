import type { ReactNode } from 'react';
import type { ComponentAnalysis, ProductAnalysis } from '../../api/supply-types.ts';
import { countryName } from '../../components/format.ts';

function Group({
  id,
  title,
  hint,
  items,
  render,
}: {
  id: string;
  title: string;
  hint: string;
  items: ComponentAnalysis[];
  render: (c: ComponentAnalysis) => ReactNode;
}) {
  return (
    <section className="choke" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="count">{items.length}</span>
      </h3>
      <p className="muted small">{hint}</p>
      {items.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="choke-list">
          {items.map((c) => (
            <li key={c.partId}>
              <code>{c.partId}</code> {c.description}
              <div className="small">{render(c)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The chokepoints of a product: single-source and single-jurisdiction parts, CHPL parts, divergent controls. */
export function Chokepoints({ product }: { product: ProductAnalysis }) {
  const byId = new Map(product.components.map((c) => [c.partId, c]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((c): c is ComponentAnalysis => !!c);
  const singleJurisdiction = pick(product.summary.singleJurisdiction).filter(
    (c) => !c.dependencies.singleSource,
  );
  const prefix = `choke-${product.id}`;
  return (
    <div className="choke-grid">
      <Group
        id={`${prefix}-single`}
        title="Single source"
        hint="No alternate supplier in the BOM."
        items={pick(product.summary.singleSource)}
        render={(c) => (
          <>
            only {c.supplier} ({countryName(c.supplierCountry)})
          </>
        )}
      />
      <Group
        id={`${prefix}-jur`}
        title="Single jurisdiction"
        hint="Alternates exist, but every source ships from one jurisdiction."
        items={singleJurisdiction}
        render={(c) => <>all sources in {c.dependencies.sourceJurisdictions.join(', ')}</>}
      />
      <Group
        id={`${prefix}-chpl`}
        title="Common High Priority List"
        hint="HS code on the allies’ list of items Russia seeks for its weapons."
        items={pick(product.summary.chpl)}
        render={(c) => (
          <>
            tier {c.dependencies.chplTier} · HS {c.hsCode}
          </>
        )}
      />
      <Group
        id={`${prefix}-div`}
        title="Divergent control status"
        hint="Controlled by one ally and not by another."
        items={pick(product.summary.divergent)}
        render={(c) => (
          <ul className="plain">
            {c.dependencies.divergences.map((d, i) => (
              <li key={i}>
                <span className="jur">{d.controlledBy}</span>
                {d.entry ?? 'controls'} · not <span className="jur">{d.lackingIn}</span>
                <span className="muted"> {d.note}</span>
              </li>
            ))}
          </ul>
        )}
      />
    </div>
  );
}
