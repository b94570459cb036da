import { DomainError } from '../errors.ts';
import { analyseProduct } from './analyse-product.ts';
import type { Bom } from './bom.ts';
import { DeterminationMemo } from './determination-memo.ts';
import { indexGaps } from './find-dependencies.ts';
import { runScenario } from './run-scenario.ts';
import type { SupplyAnalysis, SupplyData } from './supply-analysis.ts';
import type { SupplyScenario } from './supply-scenario.ts';

/** Options of a supply analysis: destinations (else each product's own) and scenarios to run. */
export interface AnalyseSupplyOptions {
  destinations?: string[];
  scenarios?: SupplyScenario[];
  /** Determination cache; pass `new DeterminationMemo(data, false)` to measure without it. */
  memo?: DeterminationMemo;
}

/**
 * Analyses a validated bill of materials: for each product, who reaches it
 * per destination (US de minimis, each ally per controlled component), its
 * single-source and single-jurisdiction dependencies, the HHI of its
 * controlled value by jurisdiction of origin, CHPL components and allied
 * divergences; then runs each scenario. Every finding carries its reasons;
 * the result names the data versions read.
 *
 * @example
 * analyseSupply(supplyData, validateBom(supplyData.determination, raw), { destinations: ['CN'] });
 */
export function analyseSupply(
  supply: SupplyData,
  bom: Bom,
  options: AnalyseSupplyOptions = {},
): SupplyAnalysis {
  const data = supply.determination;
  const destinations = [...new Set((options.destinations ?? []).map((d) => d.trim().toUpperCase()))];
  destinations.forEach((d, i) => {
    if (!data.countries.has(d))
      throw new DomainError('unknown-country', `destination: unknown country "${d}"`, {
        field: `destinations[${i}]`,
        accepted: 'an ISO 3166-1 alpha-2 code such as CN',
      });
  });
  const memo = options.memo ?? new DeterminationMemo(data);
  const gaps = indexGaps(supply.gaps);
  const products = bom.products.map((p, i) =>
    analyseProduct(
      data,
      memo,
      gaps,
      p,
      `products[${i}]`,
      destinations.length > 0 ? destinations : p.destinations,
    ),
  );
  const scenarios = (options.scenarios ?? []).map((s) => runScenario(data, memo, s, products));
  return {
    currency: bom.currency,
    destinations: [...new Set(products.flatMap((p) => p.destinations))],
    counts: { products: products.length, components: products.reduce((n, p) => n + p.components.length, 0) },
    products,
    scenarios,
    dataVersions: supply.versions,
    questions: products
      .flatMap((p) => [...p.questions, ...p.reach.flatMap((r) => r.questions)])
      .filter((q, i, all) => all.indexOf(q) === i),
  };
}
