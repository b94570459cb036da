import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, apiGet } from '../../api/client.ts';
import type { SupplyAnalyseRequest, SupplyAnalysis, SupplyScenarioLibrary } from '../../api/supply-types.ts';
import { countryName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import type { Route } from '../../router.ts';
import template from '../../../../../docs/bom-template.csv?raw';
import { BomError } from './bom-error.tsx';
import { parseDestinations, readBomText, type BomUpload } from './bom-upload.ts';
import { Chokepoints } from './chokepoints.tsx';
import { ConcentrationPanel } from './concentration-panel.tsx';
import { DataVersions } from './data-versions.tsx';
import { ProductTree } from './product-tree.tsx';
import { ReachPanel } from './reach-panel.tsx';
import { ScenarioColumns } from './scenario-columns.tsx';
import { ScenarioPicker } from './scenario-picker.tsx';
import { money } from './supply-format.ts';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`;

/** The supply page: upload a BOM, choose destinations and scenarios, and read the exposure. */
export default function SupplyPage(_props: { route: Route }) {
  const library = useApi('supply-scenarios', (s) =>
    apiGet<SupplyScenarioLibrary>('/supply/scenarios', undefined, s),
  );
  const [upload, setUpload] = useState<BomUpload | undefined>();
  const [destination, setDestination] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [running, setRunning] = useState(false);
  const [analysis, setAnalysis] = useState<SupplyAnalysis | undefined>();
  const [productId, setProductId] = useState<string | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  const results = useRef<HTMLElement>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setError(undefined);
    setAnalysis(undefined);
    setUpload(undefined);
    if (!f) return;
    try {
      setUpload(readBomText(f.name, await f.text()));
    } catch (err) {
      setError(err as Error);
    }
  };

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!upload) return;
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(undefined);
    try {
      const destinations = parseDestinations(destination);
      const body: SupplyAnalyseRequest = {
        ...upload.body,
        ...(destinations.length
          ? { destination: destinations.length === 1 ? destinations[0]! : destinations }
          : {}),
        ...(chosen.length ? { scenarios: chosen } : {}),
      };
      setRunning(true);
      const result = await api<SupplyAnalysis>('POST', '/supply/analyse', body, ctrl.signal);
      setAnalysis(result);
      setProductId(result.products[0]?.id);
      requestAnimationFrame(() => results.current?.focus());
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setAnalysis(undefined);
      setError(err as Error);
    } finally {
      if (abort.current === ctrl) setRunning(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Supply chain"
        lede="Upload a bill of materials: where each part comes from, who controls it, how far US de minimis reaches, the chokepoints, and what-if scenarios."
        actions={
          <a className="btn" href={TEMPLATE_HREF} download="bom-template.csv">
            Download the BOM template (CSV)
          </a>
        }
      />
      <form className="panel supply-form" onSubmit={(e) => void run(e)} aria-label="Supply analysis">
        <div className="supply-inputs">
          <label className="field">
            <span>Bill of materials (CSV or JSON)</span>
            <input
              type="file"
              accept=".csv,.json,text/csv,application/json"
              onChange={(e) => void onFile(e)}
            />
          </label>
          {upload ? (
            <p className="muted small" role="status">
              {upload.file}: {upload.products} product{upload.products === 1 ? '' : 's'}, {upload.components}{' '}
              component{upload.components === 1 ? '' : 's'} ready.
            </p>
          ) : (
            <p className="muted small">
              One row per component (CSV) or <code>{'{products: [...]}'}</code> (JSON); see the template.
            </p>
          )}
          <label className="field">
            <span>Destination (ISO-2, optional)</span>
            <input
              name="destination"
              value={destination}
              onChange={(e) => setDestination(e.target.value)}
              placeholder="e.g. CN, or CN RU"
              autoComplete="off"
              aria-describedby="destination-hint"
            />
            <small id="destination-hint" className="muted">
              Blank: each product’s own destinations from the BOM.
            </small>
          </label>
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" disabled={!upload || running}>
              {running
                ? 'Analysing…'
                : chosen.length
                  ? `Analyse and run ${chosen.length} scenario${chosen.length === 1 ? '' : 's'}`
                  : 'Analyse'}
            </button>
          </div>
        </div>
        <div className="supply-scenarios">
          {library.error ? (
            <ErrorMessage error={library.error} onRetry={library.reload} />
          ) : library.loading || !library.data ? (
            <Loading label="Loading the scenario library…" />
          ) : library.data.scenarios.length === 0 ? (
            <Empty title="The scenario library is empty" />
          ) : (
            <ScenarioPicker
              scenarios={library.data.scenarios}
              version={library.data.version}
              value={chosen}
              onChange={setChosen}
              disabled={running}
            />
          )}
        </div>
      </form>
      {error ? <BomError error={error} /> : null}
      {running ? <Loading label="Analysing the bill of materials…" /> : null}
      {!running && !analysis && !error ? (
        <Empty title="No bill of materials analysed yet">
          Choose a CSV or JSON file, optionally a destination and scenarios, then press “Analyse”.
        </Empty>
      ) : null}
      {analysis && !running ? (
        <section ref={results} tabIndex={-1} aria-label="Supply analysis results" className="supply-results">
          <Results analysis={analysis} productId={productId} setProductId={setProductId} />
        </section>
      ) : null}
    </>
  );
}

function Results({
  analysis,
  productId,
  setProductId,
}: {
  analysis: SupplyAnalysis;
  productId: string | undefined;
  setProductId: (id: string) => void;
}) {
  const product = analysis.products.find((p) => p.id === productId) ?? analysis.products[0];
  if (!product) return <Empty title="The BOM holds no product" />;
  const cur = analysis.currency;
  const controlled = product.components.filter((c) => c.controlled);
  return (
    <>
      <div className="panel">
        <div className="section-head">
          <h2 id="h-product">
            {product.id}
            {product.name ? ` · ${product.name}` : ''}
          </h2>
          {analysis.products.length > 1 ? (
            <label className="field field-inline product-pick">
              <span>Product</span>
              <select value={product.id} onChange={(e) => setProductId(e.target.value)}>
                {analysis.products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id}
                    {p.name ? ` · ${p.name}` : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <dl className="record-meta">
          <div>
            <dt>Made in</dt>
            <dd>{countryName(product.madeIn)}</dd>
          </div>
          <div>
            <dt>Value</dt>
            <dd>
              {money(product.value, cur)} <span className="muted small">({product.valueBasis})</span>
            </dd>
          </div>
          <div>
            <dt>Components</dt>
            <dd>
              {product.components.length} · {controlled.length} controlled
            </dd>
          </div>
          <div>
            <dt>Destinations</dt>
            <dd>{product.destinations.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Scenarios run</dt>
            <dd>{analysis.scenarios.length}</dd>
          </div>
        </dl>
      </div>

      <section className="panel" aria-labelledby="h-tree">
        <h2 id="h-tree">Product tree</h2>
        <ProductTree product={product} currency={cur} />
      </section>

      <section className="panel" aria-labelledby="h-reach">
        <h2 id="h-reach">US reach: de minimis by destination</h2>
        <ReachPanel product={product} currency={cur} />
      </section>

      <div className="supply-pair">
        <section className="panel" aria-labelledby="h-conc">
          <h2 id="h-conc">Controlled value by jurisdiction of origin</h2>
          <ConcentrationPanel product={product} currency={cur} />
        </section>
        <section className="panel" aria-labelledby="h-choke">
          <h2 id="h-choke">Chokepoints</h2>
          <Chokepoints product={product} />
        </section>
      </div>

      <section className="panel" aria-labelledby="h-scn">
        <h2 id="h-scn">Scenarios side by side</h2>
        {analysis.scenarios.length === 0 ? (
          <Empty title="No scenario run">Choose scenarios from the library above and analyse again.</Empty>
        ) : (
          <ScenarioColumns scenarios={analysis.scenarios} productId={product.id} currency={cur} />
        )}
      </section>

      {product.questions.length || analysis.questions.length ? (
        <section className="panel" aria-labelledby="h-q">
          <h2 id="h-q">Questions still open</h2>
          <ul className="questions">
            {[...new Set([...product.questions, ...analysis.questions])].map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="h-data">
        <h2 id="h-data">Data read</h2>
        <DataVersions versions={analysis.dataVersions} />
      </section>
    </>
  );
}
