import { Fragment, useState } from 'react';
import type { ComponentAnalysis, ProductAnalysis } from '../../api/supply-types.ts';
import { countryName } from '../../components/format.ts';
import { OutcomeBadge } from '../transactions/outcome-badge.tsx';
import { ControlBadge } from './control-badge.tsx';
import { ALLIES, controlOf, money, pct } from './supply-format.ts';

/** The findings flagged on a component, as short badges. */
function Findings({ c }: { c: ComponentAnalysis }) {
  const d = c.dependencies;
  const out: { label: string; tone: string; title: string }[] = [];
  if (d.singleSource) out.push({ label: 'Single source', tone: 'danger', title: 'no alternate source' });
  else if (d.singleJurisdiction)
    out.push({
      label: 'Single jurisdiction',
      tone: 'warn',
      title: `every source ships from ${d.sourceJurisdictions.join(', ')}`,
    });
  if (d.chplTier)
    out.push({ label: `CHPL tier ${d.chplTier}`, tone: 'warn', title: 'on the Common High Priority List' });
  if (d.divergences.length)
    out.push({
      label: 'Divergent',
      tone: 'program',
      title: d.divergences.map((v) => `${v.controlledBy} controls, ${v.lackingIn} does not`).join('; '),
    });
  if (out.length === 0) return <span className="muted small">—</span>;
  return (
    <>
      {out.map((f) => (
        <span key={f.label} className={`badge finding badge-${f.tone}`} title={f.title}>
          {f.label}
        </span>
      ))}
    </>
  );
}

/** The place a part comes from: `US` with the country name as a tooltip. */
function Country({ code }: { code: string }) {
  return (
    <abbr className="country" title={countryName(code)}>
      {code}
    </abbr>
  );
}

function ComponentDetails({
  c,
  product,
  currency,
}: {
  c: ComponentAnalysis;
  product: ProductAnalysis;
  currency: string;
}) {
  const lines = product.reach.flatMap((r) =>
    (r.us.deMinimis?.lines ?? [])
      .filter((l) => l.partId === c.partId)
      .map((l) => ({ destination: r.destination, ...l })),
  );
  return (
    <div className="component-details">
      <div>
        <h4>Control by each ally</h4>
        <ul className="plain small">
          {c.controls.map((k) => (
            <li key={k.jurisdiction}>
              <span className="jur">{k.jurisdiction}</span>
              {k.reason}
              {k.reasons.length ? ` (${k.reasons.join(', ')})` : ''}
              {k.heading ? <div className="muted">{k.heading}</div> : null}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4>
          Supply leg {c.supplyLeg.from} → {c.supplyLeg.to}
          {c.supplyLeg.domestic ? ' (domestic)' : ''}
        </h4>
        {c.supplyLeg.laws.length === 0 ? (
          <p className="muted small">No modelled export control reaches this shipment.</p>
        ) : (
          <ul className="plain small">
            {c.supplyLeg.laws.map((l, i) => (
              <li key={i}>
                <span className="jur">{l.jurisdiction}</span>
                {l.basis}
                {l.code ? ` · ${l.code}` : ''} <OutcomeBadge outcome={l.outcome} />
                {l.reasons.length ? <span className="muted"> ({l.reasons.join(', ')})</span> : null}
              </li>
            ))}
          </ul>
        )}
        {c.supplyLeg.notes.map((n, i) => (
          <p key={i} className="muted small">
            {n}
          </p>
        ))}
        <h4>Alternate sources</h4>
        {c.alternates.length === 0 ? (
          <p className="muted small">None: {c.supplier} is the only source.</p>
        ) : (
          <ul className="plain small">
            {c.alternates.map((a, i) => (
              <li key={i}>
                {a.supplier ?? 'unnamed supplier'} ({countryName(a.country)})
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4>Dependencies</h4>
        {c.dependencies.reasons.length === 0 ? (
          <p className="muted small">
            {c.dependencies.sources} sources in {c.dependencies.sourceJurisdictions.join(', ')}; no finding.
          </p>
        ) : (
          <ul className="small">
            {c.dependencies.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
        {lines.length ? (
          <>
            <h4>US de minimis</h4>
            <ul className="plain small">
              {lines.map((l) => (
                <li key={l.destination}>
                  <span className="jur">{l.destination}</span>
                  {l.counted ? <strong>counted</strong> : 'not counted'} ({money(l.value, currency)}): {l.why}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The product as a tree: the finished product, then each component with its
 * origin, supplier, value, each ally's control status and the findings;
 * a component opens to its reasons, supply leg, alternates and de minimis lines.
 */
export function ProductTree({ product, currency }: { product: ProductAnalysis; currency: string }) {
  const [open, setOpen] = useState(true);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const rowsId = `tree-${product.id}`;
  return (
    <div className="table-block">
      <div className="table-scroll">
        <table className="data-table tree-table" aria-label={`Product tree of ${product.id}`}>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Origin</th>
              <th scope="col" className="col-supplier">
                Supplier (ships from)
              </th>
              <th scope="col" className="num">
                Value
              </th>
              {ALLIES.map((j) => (
                <th key={j} scope="col">
                  {j}
                </th>
              ))}
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody id={rowsId}>
            <tr className="tree-root">
              <th scope="row">
                <div className="tree-cell">
                  <button
                    type="button"
                    className="tree-toggle"
                    aria-expanded={open}
                    aria-controls={rowsId}
                    aria-label={`${open ? 'Collapse' : 'Expand'} ${product.id}`}
                    onClick={() => setOpen(!open)}
                  >
                    {open ? '▾' : '▸'}
                  </button>
                  <span className="tree-label">
                    <strong>{product.id}</strong> {product.name ? <span>{product.name}</span> : null}
                    <span className="muted small"> · {product.components.length} components</span>
                  </span>
                </div>
              </th>
              <td>
                made in <Country code={product.madeIn} />
              </td>
              <td />
              <td className="num">
                {money(product.value, currency)}
                <div className="muted small">
                  {product.valueBasis === 'declared' ? 'declared' : 'sum of parts'}
                </div>
              </td>
              {ALLIES.map((j) => (
                <td key={j}>
                  <ControlBadge control={controlOf(product.controls, j)} />
                </td>
              ))}
              <td />
            </tr>
            {open
              ? product.components.map((c, i) => {
                  const isOpen = expanded.has(c.partId);
                  const last = i === product.components.length - 1;
                  return (
                    <Fragment key={c.partId}>
                      <tr className={c.controlled ? 'tree-child controlled' : 'tree-child'}>
                        <th scope="row">
                          <div className="tree-cell">
                            <span className="tree-branch" aria-hidden="true">
                              {last ? '└' : '├'}
                            </span>
                            <button
                              type="button"
                              className="tree-toggle"
                              aria-expanded={isOpen}
                              aria-label={`Details of ${c.partId}`}
                              onClick={() => toggle(c.partId)}
                            >
                              {isOpen ? '▾' : '▸'}
                            </button>
                            <span className="tree-label">
                              <code>{c.partId}</code> {c.description}
                              {c.row !== undefined ? (
                                <span className="muted small"> · row {c.row}</span>
                              ) : null}
                            </span>
                          </div>
                        </th>
                        <td>
                          <Country code={c.origin} />
                        </td>
                        <td>
                          {c.supplier} <span className="muted">({c.supplierCountry})</span>
                        </td>
                        <td className="num">
                          {money(c.value, currency)}
                          <div className="muted small">{pct(c.valueShare)}</div>
                        </td>
                        {ALLIES.map((j) => (
                          <td key={j}>
                            <ControlBadge control={controlOf(c.controls, j)} />
                          </td>
                        ))}
                        <td>
                          <Findings c={c} />
                        </td>
                      </tr>
                      {isOpen ? (
                        <tr className="tree-detail">
                          <td colSpan={5 + ALLIES.length}>
                            <ComponentDetails c={c} product={product} currency={currency} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })
              : null}
          </tbody>
        </table>
      </div>
      <p className="muted small tree-legend">
        Status per ally: <span className="ctl ctl-controlled">Controlled</span>{' '}
        <span className="ctl ctl-at-only">AT only</span> (US anti-terrorism only){' '}
        <span className="ctl ctl-not-listed">Not listed</span>{' '}
        <span className="ctl ctl-unclassified">Unclassified</span> · * read across from another ally’s
        regime-numbered code · open a row for its reasons.
      </p>
    </div>
  );
}
