/**
 * Supply-chain analysis benchmark. Run: `npx tsx bench/supply-analyse.ts`.
 * Builds the control catalogue and determination data from the mirror (no
 * store), generates a BOM of 10,000 components (10 products of 1,000 lines
 * drawn from the three test BOMs, with varied suppliers, countries, values
 * and alternates; seeded), and times validation + analysis with 5 library
 * scenarios, median of runs. Baseline in the same process: the same analysis
 * with the determination memo disabled (every component line runs the
 * licence engine for its supply leg, its US content and each ally).
 */
import { readFileSync } from 'node:fs';
import { analyseSupply, deriveCorrespondences, DeterminationMemo, validateBom } from '@entente/core';
import {
  ControlCatalogue,
  catalogueLookup,
  catalogueSuggest,
  latestVersions,
  loadDeterminationData,
  readAllControlLists,
} from '@entente/adapters';
import {
  buildSupplyData,
  loadSupplyScenarios,
  parseBomCsv,
  readChplDate,
} from '../packages/adapters/src/supply/index.ts';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';

const MIRROR = SHARED_DATA;
const fixture = (name: string) => new URL(`../packages/cli/test/fixtures/${name}`, import.meta.url);
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Raw = Record<string, any>;

/** A seeded pseudo-random generator (mulberry32), so every run analyses the same BOM. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateBom(products: number, perProduct: number): Raw {
  const templates: Raw[] = [
    ...(parseBomCsv(readFileSync(fixture('bom-uav.csv'), 'utf8'), 'bom-uav.csv').products as Raw[]),
    ...JSON.parse(readFileSync(fixture('bom-network-switch.json'), 'utf8')).products,
    ...JSON.parse(readFileSync(fixture('bom-quantum-cryostat.json'), 'utf8')).products,
  ];
  const parts: Raw[] = templates.flatMap((p) => p.components.map(({ row: _row, ...c }: Raw) => c));
  const countries = [
    'US',
    'DE',
    'FR',
    'NL',
    'FI',
    'PL',
    'GB',
    'JP',
    'KR',
    'TW',
    'CN',
    'VN',
    'MY',
    'CH',
    'IL',
    'CA',
    'MX',
    'IN',
  ];
  const madeIn = ['PL', 'DE', 'FI', 'TW', 'JP', 'GB', 'US', 'KR', 'MX', 'FR'];
  const rnd = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return {
    currency: 'USD',
    products: Array.from({ length: products }, (_, p) => ({
      id: `product-${p}`,
      madeIn: madeIn[p % madeIn.length],
      destinations: ['CN', 'RU', 'IR', 'DE'],
      components: Array.from({ length: perProduct }, (_, i) => {
        const base = pick(parts);
        const supplierCountry = rnd() < 0.6 ? base.supplierCountry : pick(countries);
        return {
          ...base,
          partId: `${base.partId}-${p}-${i}`,
          quantity: 1 + Math.floor(rnd() * 8),
          unitValue: Math.round(base.unitValue * (0.5 + rnd()) * 100) / 100,
          supplier:
            rnd() < 0.02 ? 'SZ DJI Technology Co., Ltd.' : `${base.supplier} #${Math.floor(rnd() * 50)}`,
          supplierCountry,
          origin: rnd() < 0.7 ? base.origin : supplierCountry,
          alternates: Array.from({ length: Math.floor(rnd() * 3) }, () => ({ country: pick(countries) })),
        };
      }),
    })),
  };
}

async function main(): Promise<void> {
  const lists = latestVersions(await readAllControlLists(MIRROR));
  const catalogue = new ControlCatalogue(lists, deriveCorrespondences(lists));
  const data = await loadDeterminationData(MIRROR, {
    lookup: catalogueLookup(catalogue),
    suggest: catalogueSuggest(catalogue),
  });
  const library = await loadSupplyScenarios(data);
  const supply = buildSupplyData(catalogue, data, {
    chplDate: (await readChplDate(MIRROR)) ?? '',
    scenarioLibrary: library.version,
  });
  const ids = [
    'us-2024-09-quantum-cryogenic',
    'us-2020-12-dji-entity-list',
    'eu-2022-russia-export-ban',
    'uk-2024-04-quantum',
    'cn-2024-12-gallium-germanium-to-us',
  ];
  const scenarios = library.scenarios.filter((s) => ids.includes(s.id));
  const raw = generateBom(10, 1000);

  const run = (memo: boolean) => {
    const t = performance.now();
    const bom = validateBom(data, raw);
    const analysis = analyseSupply(supply, bom, {
      scenarios,
      ...(memo ? {} : { memo: new DeterminationMemo(data, false) }),
    });
    return { ms: performance.now() - t, analysis };
  };
  const first = run(true);
  const a = first.analysis;
  console.log(
    `BOM: ${a.counts.products} products, ${a.counts.components} components, ${a.destinations.length} destinations, ${scenarios.length} scenarios (first run ${first.ms.toFixed(0)} ms)`,
  );
  console.log(
    `scenarios: ${a.scenarios.map((s) => `${s.scenario.id} ${s.totals.componentsAffected} comp./${s.totals.productsAffected} prod.`).join('; ')}`,
  );
  console.log(
    `products reached by the US (any destination): ${a.products.filter((p) => p.reach.some((r) => r.us.subjectToEar)).length}; JSON size ${(JSON.stringify(a).length / 1e6).toFixed(1)} MB`,
  );
  for (let i = 0; i < 3; i++) run(true);
  const memoised: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 7; i++) {
    memoised.push(run(true).ms);
    if (i < 3) baseline.push(run(false).ms);
  }
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`analysis (validate + analyse + 5 scenarios): ${fmt(memoised)}  target < 2000 ms`);
  console.log(`baseline, determinations not memoised:       ${fmt(baseline)}`);
  console.log(`ratio baseline/analysis: ${(median(baseline) / median(memoised)).toFixed(1)}×`);
  console.log(
    `load: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; node ${process.version}`,
  );
}

await main();
