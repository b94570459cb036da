import type { DeterminationData } from '../licensing/determination-data.ts';
import { exportingJurisdiction } from '../licensing/find-jurisdictions.ts';
import type { BomSource } from './bom.ts';
import type { DeterminationMemo } from './determination-memo.ts';
import { actorTerritory, isInScope } from './destination-scope.ts';
import { findUsReach } from './find-us-reach.ts';
import { compileMatch, supplierMatcher, type ItemMatcher } from './match-item.ts';
import type {
  AffectedComponent,
  AlternateCheck,
  ReachChange,
  ScenarioProductImpact,
  ScenarioResult,
} from './scenario-result.ts';
import type { ComponentAnalysis, ProductAnalysis } from './supply-analysis.ts';
import type { SupplyScenario } from './supply-scenario.ts';

interface Ctx {
  data: DeterminationData;
  memo: DeterminationMemo;
  territory: Set<string>;
  scenario: SupplyScenario;
  matches?: ItemMatcher;
  listed?: (supplier: string | undefined) => boolean;
}

/** Is an alternate still usable, and does its own jurisdiction control the part towards the product's maker? */
function checkAlternate(ctx: Ctx, c: ComponentAnalysis, madeIn: string, a: BomSource): AlternateCheck {
  const base = { ...(a.supplier ? { supplier: a.supplier } : {}), country: a.country };
  if (a.country === madeIn)
    return { ...base, jurisdiction: a.country, status: 'domestic', reason: `made in ${madeIn}: no export` };
  const j = exportingJurisdiction(ctx.data, a.country);
  if (!j)
    return {
      ...base,
      jurisdiction: a.country,
      status: 'not-modelled',
      reason: `the export controls of ${a.country} are not modelled`,
    };
  const control = c.controls.find((x) => x.jurisdiction === j);
  if (!control?.code)
    return { ...base, jurisdiction: j, status: 'unclassified', reason: `not classified under the ${j} list` };
  const d = ctx.memo.get(j, control.code, madeIn, a.country).determination;
  return {
    ...base,
    jurisdiction: j,
    status: control.status,
    ...(d ? { licenceRequired: d.licenceRequired, outcome: d.outcome } : {}),
    reason: d ? `${j}:${control.code} → ${madeIn}: ${d.outcome}` : `${j}:${control.code}`,
  };
}

function affect(
  ctx: Ctx,
  p: ProductAnalysis,
  c: ComponentAnalysis,
  reason: string,
  lost: (a: BomSource) => boolean,
): AffectedComponent {
  const remaining = c.alternates.filter((a) => !lost(a)).map((a) => checkAlternate(ctx, c, p.madeIn, a));
  return {
    partId: c.partId,
    description: c.description,
    value: c.value,
    share: c.valueShare,
    reason,
    alternatesRemaining: remaining,
    alternatesLost: c.alternates.filter(lost),
    unmitigated: !remaining.some((r) => r.licenceRequired !== true),
  };
}

function productDestinations(p: ProductAnalysis): string[] {
  return p.destinations;
}

function impactOf(ctx: Ctx, p: ProductAnalysis): ScenarioProductImpact {
  const s = ctx.scenario;
  const inTerritory = (country: string) => ctx.territory.has(country);
  const components: AffectedComponent[] = [];
  const exports: ScenarioProductImpact['exports'] = [];
  const reachChanges: ReachChange[] = [];
  const hitOf: ItemMatcher = ctx.matches ?? (() => undefined);
  if (s.kind === 'add-control') {
    const scopeOk = !inTerritory(p.madeIn) && isInScope(ctx.data, s.destinations, p.madeIn);
    for (const c of p.components) {
      const hit = hitOf(c);
      if (!hit || !scopeOk) continue;
      if (inTerritory(c.supplierCountry))
        components.push(
          affect(
            ctx,
            p,
            c,
            `${s.actor} now controls ${hit}: shipping from ${c.supplierCountry} to ${p.madeIn} needs a licence`,
            (a) => inTerritory(a.country),
          ),
        );
      else if (s.actor === 'US' && c.origin === 'US')
        components.push(
          affect(
            ctx,
            p,
            c,
            `${s.actor} now controls ${hit}: re-export of the US-origin part to ${p.madeIn} needs a licence`,
            (a) => inTerritory(a.country),
          ),
        );
    }
    const productHit = inTerritory(p.madeIn) ? hitOf(p) : undefined;
    for (const d of productHit
      ? productDestinations(p).filter((d) => !inTerritory(d) && isInScope(ctx.data, s.destinations, d))
      : []) {
      exports.push({
        destination: d,
        reason: `${s.actor} now controls ${productHit}: the product made in ${p.madeIn} needs a licence to ${d}`,
      });
    }
    if (s.actor === 'US' && p.madeIn !== 'US') {
      for (const d of productDestinations(p).filter((d) => isInScope(ctx.data, s.destinations, d))) {
        const before = p.reach.find((r) => r.destination === d)?.us;
        const after = findUsReach(ctx.data, ctx.memo, p, d, (c) =>
          c.origin === 'US' && hitOf(c) ? `newly controlled by ${s.entry}` : undefined,
        );
        const b = before?.deMinimis?.share ?? 0;
        const a = after.deMinimis?.share ?? 0;
        if (a !== b || (before?.subjectToEar ?? false) !== after.subjectToEar) {
          reachChanges.push({
            destination: d,
            shareBefore: b,
            shareAfter: a,
            subjectBefore: before?.subjectToEar ?? false,
            subjectAfter: after.subjectToEar,
            reason: after.basis,
          });
        }
        if (!(before?.subjectToEar ?? false) && after.subjectToEar)
          exports.push({
            destination: d,
            reason: `the new US control on ${s.entry} brings the product under the EAR: ${after.basis}`,
          });
      }
    }
  } else if (s.kind === 'deny-exports') {
    const madeInScope = !inTerritory(p.madeIn) && isInScope(ctx.data, s.destinations, p.madeIn);
    for (const c of p.components) {
      if (!madeInScope) break;
      const hit = ctx.matches ? hitOf(c) : 'every item';
      if (!hit) continue;
      if (inTerritory(c.supplierCountry))
        components.push(
          affect(
            ctx,
            p,
            c,
            `${s.actor} denies exports (${hit}) to ${p.madeIn}: no shipment from ${c.supplierCountry}`,
            (a) => inTerritory(a.country),
          ),
        );
      else if (s.actor === 'US' && c.origin === 'US')
        components.push(
          affect(
            ctx,
            p,
            c,
            `${s.actor} denies exports to ${p.madeIn}: the US-origin part cannot be re-exported there`,
            (a) => inTerritory(a.country),
          ),
        );
    }
    for (const d of productDestinations(p).filter(
      (d) => !inTerritory(d) && isInScope(ctx.data, s.destinations, d),
    )) {
      if (inTerritory(p.madeIn) && !s.match)
        exports.push({
          destination: d,
          reason: `${s.actor} denies exports to ${d}; the product is made in ${p.madeIn}`,
        });
      else if (
        s.actor === 'US' &&
        p.madeIn !== 'US' &&
        p.reach.find((r) => r.destination === d)?.us.subjectToEar
      )
        exports.push({
          destination: d,
          reason: `the US denies exports to ${d} and reaches the product: ${p.reach.find((r) => r.destination === d)?.us.basis}`,
        });
    }
  } else {
    const listed = ctx.listed ?? (() => false);
    for (const c of p.components) {
      if (listed(c.supplier))
        components.push(
          affect(ctx, p, c, `supplier ${c.supplier} listed on the ${s.list} (${s.actor})`, (a) =>
            listed(a.supplier),
          ),
        );
    }
  }
  const componentsValue = components.reduce((sum, c) => sum + c.value, 0);
  const valueAtStake = exports.length > 0 ? p.value : componentsValue;
  return {
    productId: p.id,
    productValue: p.value,
    valueAtStake,
    shareAtStake: p.value > 0 ? valueAtStake / p.value : 0,
    components,
    exports,
    reachChanges,
  };
}

/**
 * Runs one scenario over analysed products: which components are cut or put
 * under licence (and which alternates remain, and whether those are
 * themselves controlled), which product exports stop, and the value at stake.
 */
export function runScenario(
  data: DeterminationData,
  memo: DeterminationMemo,
  scenario: SupplyScenario,
  products: ProductAnalysis[],
): ScenarioResult {
  const match = scenario.kind === 'list-supplier' ? undefined : scenario.match;
  const ctx: Ctx = {
    data,
    memo,
    territory: actorTerritory(data, scenario.actor),
    scenario,
    ...(match ? { matches: compileMatch(match) } : {}),
    ...(scenario.kind === 'list-supplier' ? { listed: supplierMatcher(scenario.suppliers) } : {}),
  };
  const impacts = products
    .map((p) => impactOf(ctx, p))
    .filter((i) => i.components.length > 0 || i.exports.length > 0 || i.reachChanges.length > 0);
  const componentsAffected = impacts.reduce((n, i) => n + i.components.length, 0);
  const unmitigated = impacts.reduce((n, i) => n + i.components.filter((c) => c.unmitigated).length, 0);
  const valueAtStake = impacts.reduce((v, i) => v + i.valueAtStake, 0);
  const { id, title, kind, actor, source, note } = scenario;
  return {
    scenario: {
      id,
      title,
      kind,
      actor,
      ...(source ? { source } : {}),
      ...(note ? { note } : {}),
      ...(scenario.kind === 'add-control' ? { entry: scenario.entry } : {}),
    },
    products: impacts,
    totals: { productsAffected: impacts.length, componentsAffected, unmitigated, valueAtStake },
    reasons: [
      impacts.length === 0
        ? `no product of the BOM is affected by "${title}"`
        : `${impacts.length} product(s), ${componentsAffected} component(s) affected (${unmitigated} without a usable alternate); value at stake ${valueAtStake}`,
    ],
  };
}
