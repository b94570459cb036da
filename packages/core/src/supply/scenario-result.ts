import type { Outcome } from '../licensing/determination.ts';
import type { BomSource } from './bom.ts';
import type { SupplyScenario } from './supply-scenario.ts';
import type { AlternateStatus } from './supply-analysis.ts';

/** An alternate source checked against a scenario: still usable, and is it itself controlled? */
export interface AlternateCheck {
  supplier?: string;
  country: string;
  jurisdiction: string;
  status: AlternateStatus;
  /** True when the alternate's own jurisdiction requires a licence to ship to the product's maker. */
  licenceRequired?: boolean;
  outcome?: Outcome;
  reason: string;
}

/** A component a scenario cuts or puts under licence. */
export interface AffectedComponent {
  partId: string;
  description: string;
  value: number;
  /** Share of the product's value. */
  share: number;
  reason: string;
  alternatesRemaining: AlternateCheck[];
  alternatesLost: BomSource[];
  /** True when no alternate remains free of a licence requirement. */
  unmitigated: boolean;
}

/** A change of US reach over a product through its US content, for one destination. */
export interface ReachChange {
  destination: string;
  shareBefore: number;
  shareAfter: number;
  subjectBefore: boolean;
  subjectAfter: boolean;
  reason: string;
}

/** What one scenario does to one product. */
export interface ScenarioProductImpact {
  productId: string;
  productValue: number;
  valueAtStake: number;
  shareAtStake: number;
  components: AffectedComponent[];
  /** Destinations the finished product can no longer be shipped to (or only under licence). */
  exports: { destination: string; reason: string }[];
  reachChanges: ReachChange[];
}

/** The result of one scenario over the whole BOM. */
export interface ScenarioResult {
  scenario: Pick<SupplyScenario, 'id' | 'title' | 'kind' | 'actor' | 'source' | 'note'> & { entry?: string };
  products: ScenarioProductImpact[];
  totals: { productsAffected: number; componentsAffected: number; unmitigated: number; valueAtStake: number };
  reasons: string[];
}
