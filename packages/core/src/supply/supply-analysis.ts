import type { ControlGap } from '../controls/classify-gaps.ts';
import type { DeterminationData, Jurisdiction } from '../licensing/determination-data.ts';
import type { Outcome } from '../licensing/determination.ts';
import type { BomSource } from './bom.ts';
import type { ComponentControl, ControlStatus } from './component-controls.ts';
import type { DeMinimisResult } from './de-minimis.ts';
import type { Concentration } from './herfindahl.ts';
import type { ScenarioResult } from './scenario-result.ts';

/** The versions of every dataset a supply analysis read, so it can be reproduced. */
export interface SupplyDataVersions {
  controlLists: { list: string; version: string; validFrom: string }[];
  /** Date of the EAR tables (CCL, Country Chart, Country Groups). */
  earTablesAsOf: string;
  /** Publication date of the Common High Priority List. */
  chpl?: string;
  /** Fingerprint of the stored control lists and crosswalk. */
  catalogueStamp?: string;
  /** Version of the scenario library. */
  scenarioLibrary?: string;
}

/** What a supply analysis reads: the determination data, the allies' gaps and their versions. */
export interface SupplyData {
  determination: DeterminationData;
  /** The gaps between allies' lists (core `classifyGaps` over the catalogue). */
  gaps: ControlGap[];
  versions: SupplyDataVersions;
}

/** One law reaching a component's shipment from its supplier to the product's maker. */
export interface SupplyLegLaw {
  jurisdiction: Jurisdiction;
  basis: string;
  code?: string;
  outcome?: Outcome;
  licenceRequired?: boolean;
  reasons: string[];
}

/** A component controlled differently by two allies. */
export interface ComponentDivergence {
  /** `gap`: from the gaps analysis of the lists; `classification`: the BOM's own classifications disagree. */
  source: 'gap' | 'classification';
  entry?: string;
  category?: ControlGap['category'];
  controlledBy: string;
  lackingIn: string;
  note: string;
}

/** The dependencies of one component: sources, jurisdictions, CHPL and divergences. */
export interface ComponentDependencies {
  sources: number;
  singleSource: boolean;
  /** Jurisdictions the sources ship from (EU members grouped as EU). */
  sourceJurisdictions: string[];
  singleJurisdiction: boolean;
  chplTier?: string;
  divergences: ComponentDivergence[];
  reasons: string[];
}

/** One component as analysed: value, each ally's control, its supply leg and dependencies. */
export interface ComponentAnalysis {
  partId: string;
  description: string;
  row?: number;
  quantity: number;
  unitValue: number;
  value: number;
  /** Share of the product's value. */
  valueShare: number;
  hsCode?: string;
  supplier: string;
  supplierCountry: string;
  origin: string;
  alternates: BomSource[];
  controls: ComponentControl[];
  /** Allies whose list controls the component (anti-terrorism-only US entries excepted). */
  controlledBy: Jurisdiction[];
  controlled: boolean;
  supplyLeg: { from: string; to: string; domestic: boolean; laws: SupplyLegLaw[]; notes: string[] };
  dependencies: ComponentDependencies;
}

/** Who reaches a product sold to one destination: the US through its content, and each ally per component. */
export interface DestinationReach {
  destination: string;
  /** The jurisdiction whose exporting-state controls apply to the product (where it is made), if modelled. */
  exportingJurisdiction?: Jurisdiction;
  us: { subjectToEar: boolean; basis: string; deMinimis?: DeMinimisResult };
  /** For each controlled component: each controlling ally's outcome were it shipped alone to the destination. */
  components: { partId: string; outcomes: Partial<Record<Jurisdiction, Outcome>> }[];
  questions: string[];
}

/** One product of the BOM, analysed. */
export interface ProductAnalysis {
  id: string;
  name?: string;
  madeIn: string;
  value: number;
  valueBasis: 'declared' | 'sum-of-components';
  destinations: string[];
  /** The finished product's classification in each ally (unclassified when the BOM gives none). */
  controls: ComponentControl[];
  hsCode?: string;
  components: ComponentAnalysis[];
  reach: DestinationReach[];
  /** HHI of the controlled value by jurisdiction of origin. */
  concentration: Concentration;
  /** Part ids per finding, for a summary table. */
  summary: {
    controlled: string[];
    singleSource: string[];
    singleJurisdiction: string[];
    chpl: string[];
    divergent: string[];
    usOrigin: string[];
  };
  questions: string[];
}

/** The whole analysis: every product, every scenario, and the data it read. */
export interface SupplyAnalysis {
  currency: string;
  destinations: string[];
  counts: { products: number; components: number };
  products: ProductAnalysis[];
  scenarios: ScenarioResult[];
  dataVersions: SupplyDataVersions;
  questions: string[];
}

/** The status an alternate source has under its own jurisdiction's list. */
export type AlternateStatus = ControlStatus | 'not-modelled' | 'domestic';
