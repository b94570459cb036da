import type { DeterminationData, Jurisdiction } from '../licensing/determination-data.ts';
import type { Outcome } from '../licensing/determination.ts';
import { exportingJurisdiction } from '../licensing/find-jurisdictions.ts';
import { componentValue, productValue, type BomComponent, type BomProduct } from './bom.ts';
import {
  isControlledAnywhere,
  resolveComponentControls,
  type ComponentControl,
} from './component-controls.ts';
import type { DeterminationMemo } from './determination-memo.ts';
import { jurisdictionOfCountry } from './destination-scope.ts';
import { findDependencies, type GapIndex } from './find-dependencies.ts';
import { findUsReach } from './find-us-reach.ts';
import { herfindahl } from './herfindahl.ts';
import type {
  ComponentAnalysis,
  DestinationReach,
  ProductAnalysis,
  SupplyLegLaw,
} from './supply-analysis.ts';

function supplyLeg(
  data: DeterminationData,
  memo: DeterminationMemo,
  c: BomComponent,
  controls: ComponentControl[],
  madeIn: string,
): ComponentAnalysis['supplyLeg'] {
  const leg = {
    from: c.supplierCountry,
    to: madeIn,
    domestic: c.supplierCountry === madeIn,
    laws: [] as SupplyLegLaw[],
    notes: [] as string[],
  };
  if (leg.domestic) return leg;
  const reaching: { jurisdiction: Jurisdiction; basis: string }[] = [];
  const home = exportingJurisdiction(data, c.supplierCountry);
  if (home) reaching.push({ jurisdiction: home, basis: `shipped from ${c.supplierCountry}` });
  else
    leg.notes.push(
      `Entente does not model the export controls of ${c.supplierCountry}; check them for the shipment to ${madeIn}.`,
    );
  if (c.origin === 'US' && home !== 'US')
    reaching.push({ jurisdiction: 'US', basis: 'US-origin part re-exported (15 CFR 734.3(a)(2))' });
  for (const r of reaching) {
    const control = controls.find((x) => x.jurisdiction === r.jurisdiction);
    if (!control?.code) {
      leg.laws.push({ ...r, reasons: [] });
      leg.notes.push(`Classify ${c.partId} under the ${r.jurisdiction} list (${r.basis}).`);
      continue;
    }
    const { determination, error } = memo.get(r.jurisdiction, control.code, madeIn, c.supplierCountry);
    leg.laws.push({
      ...r,
      code: control.code,
      ...(determination
        ? { outcome: determination.outcome, licenceRequired: determination.licenceRequired }
        : {}),
      reasons: determination?.reasons ?? [],
    });
    if (error) leg.notes.push(`${c.partId}: ${error}`);
  }
  return leg;
}

function analyseComponent(
  data: DeterminationData,
  memo: DeterminationMemo,
  gaps: GapIndex,
  p: BomProduct,
  value: number,
  c: BomComponent,
  field: string,
): ComponentAnalysis {
  const controls = resolveComponentControls(data, c, field);
  const v = componentValue(c);
  return {
    partId: c.partId,
    description: c.description,
    ...(c.row !== undefined ? { row: c.row } : {}),
    quantity: c.quantity,
    unitValue: c.unitValue,
    value: v,
    valueShare: value > 0 ? v / value : 0,
    ...(c.hsCode ? { hsCode: c.hsCode } : {}),
    supplier: c.supplier,
    supplierCountry: c.supplierCountry,
    origin: c.origin,
    alternates: c.alternates,
    controls,
    controlledBy: controls.filter((x) => x.status === 'controlled').map((x) => x.jurisdiction),
    controlled: isControlledAnywhere(controls),
    supplyLeg: supplyLeg(data, memo, c, controls, p.madeIn),
    dependencies: findDependencies(data, c, controls, gaps),
  };
}

function destinationReach(
  data: DeterminationData,
  memo: DeterminationMemo,
  product: ProductAnalysis,
  destination: string,
): DestinationReach {
  const questions: string[] = [];
  const exporting = exportingJurisdiction(data, product.madeIn);
  if (!exporting)
    questions.push(
      `Entente does not model the export controls of ${product.madeIn}, where ${product.id} is made.`,
    );
  const components = product.components
    .filter((c) => c.controlled)
    .map((c) => {
      const outcomes: Partial<Record<Jurisdiction, Outcome>> = {};
      for (const ctl of c.controls) {
        if (ctl.status !== 'controlled' || !ctl.code || (ctl.jurisdiction === 'US' && destination === 'US'))
          continue;
        const from = ctl.jurisdiction === 'US' ? undefined : product.madeIn;
        const d = memo.get(ctl.jurisdiction, ctl.code, destination, from).determination;
        if (d) outcomes[ctl.jurisdiction] = d.outcome;
      }
      return { partId: c.partId, outcomes };
    });
  const us = findUsReach(data, memo, product, destination);
  const unclassified = us.deMinimis?.lines.filter((l) => l.usCode === undefined) ?? [];
  if (unclassified.length)
    questions.push(
      `Classify the US-origin part(s) ${unclassified.map((l) => l.partId).join(', ')} under the CCL: they are not counted in the de minimis share.`,
    );
  return {
    destination,
    ...(exporting ? { exportingJurisdiction: exporting } : {}),
    us,
    components,
    questions,
  };
}

/**
 * Analyses one product: each component's controls in every ally, the laws
 * reaching its supply, its dependencies, the concentration of controlled
 * value by jurisdiction of origin, and who reaches the product per destination.
 */
export function analyseProduct(
  data: DeterminationData,
  memo: DeterminationMemo,
  gaps: GapIndex,
  p: BomProduct,
  field: string,
  destinations: string[],
): ProductAnalysis {
  const value = productValue(p);
  const components = p.components.map((c, i) =>
    analyseComponent(data, memo, gaps, p, value, c, `${field}.components[${i}]`),
  );
  const pick = (test: (c: ComponentAnalysis) => boolean) => components.filter(test).map((c) => c.partId);
  const product: ProductAnalysis = {
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
    madeIn: p.madeIn,
    value,
    valueBasis: p.value !== undefined ? 'declared' : 'sum-of-components',
    destinations,
    controls: resolveComponentControls(data, p, field),
    ...(p.hsCode ? { hsCode: p.hsCode } : {}),
    components,
    reach: [],
    concentration: herfindahl(
      components.filter((c) => c.controlled).map((c) => [jurisdictionOfCountry(data, c.origin), c.value]),
    ),
    summary: {
      controlled: pick((c) => c.controlled),
      singleSource: pick((c) => c.dependencies.singleSource),
      singleJurisdiction: pick((c) => c.dependencies.singleJurisdiction),
      chpl: pick((c) => c.dependencies.chplTier !== undefined),
      divergent: pick((c) => c.dependencies.divergences.length > 0),
      usOrigin: pick((c) => c.origin === 'US'),
    },
    questions: [],
  };
  const sum = components.reduce((s, c) => s + c.value, 0);
  if (p.value !== undefined && p.value < sum)
    product.questions.push(
      `${p.id}: declared value ${p.value} is below the sum of its components (${sum}); check the de minimis base.`,
    );
  if (destinations.length === 0)
    product.questions.push(
      `${p.id}: no destination given (--destination or the product's destinations): US reach is not computed.`,
    );
  product.reach = destinations.map((d) => destinationReach(data, memo, product, d));
  return product;
}
