// Shapes of the supply-chain routes (`POST /supply/analyse`, `GET /supply/scenarios`), from core's types.

import type { SupplyScenario } from '@entente/core';

export type {
  AffectedComponent,
  AlternateCheck,
  ComponentAnalysis,
  ComponentControl,
  Concentration,
  ControlStatus,
  DeMinimisResult,
  DestinationReach,
  ProductAnalysis,
  ScenarioProductImpact,
  ScenarioResult,
  SupplyAnalysis,
  SupplyScenario,
} from '@entente/core';

/** `GET /supply/scenarios`: the scenario library and its version. */
export interface SupplyScenarioLibrary {
  version: string;
  scenarios: SupplyScenario[];
}

/** `POST /supply/analyse` body: the BOM as JSON (`bom`) or as CSV text (`bomCsv`). */
export interface SupplyAnalyseRequest {
  bom?: Record<string, unknown>;
  bomCsv?: string;
  /** Name of the uploaded file, used in error messages. */
  file?: string;
  destination?: string | string[];
  scenarios?: (string | Record<string, unknown>)[];
}
