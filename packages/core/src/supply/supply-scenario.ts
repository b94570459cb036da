/** Where a scenario's measure applies: destinations included (all when absent) and excluded. */
export interface DestinationScope {
  /** ISO-2 codes, US Country Groups (`D:5`, `E:1`), `EU` (member states), `EU001`, `JP-A` (Japan's Group A), or `*`. */
  include?: string[];
  exclude?: string[];
}

/** The items a measure covers: control entries (`LIST:code`, paragraphs below included) and HS code prefixes. */
export interface ItemMatch {
  codes: string[];
  hsCodes: string[];
}

/** The public act or event a scenario mirrors. */
export interface ScenarioSource {
  citation: string;
  url?: string;
  date?: string;
}

interface ScenarioBase {
  id: string;
  title: string;
  /** Who acts: US, EU, UK, JP, or a country (ISO-2) acting nationally. */
  actor: string;
  source?: ScenarioSource;
  note?: string;
}

/** "Jurisdiction X adds a control on entry Y" (licence required towards `destinations`). */
export interface AddControlScenario extends ScenarioBase {
  kind: 'add-control';
  entry: string;
  match: ItemMatch;
  destinations: DestinationScope;
}

/** "Jurisdiction X denies exports to destination Z" (every item, or the items of `match`). */
export interface DenyExportsScenario extends ScenarioBase {
  kind: 'deny-exports';
  destinations: DestinationScope;
  match?: ItemMatch;
}

/** "Supplier S is listed" on a restricted-party list of the actor. */
export interface ListSupplierScenario extends ScenarioBase {
  kind: 'list-supplier';
  suppliers: string[];
  list: string;
}

/** One what-if a BOM is tested against. */
export type SupplyScenario = AddControlScenario | DenyExportsScenario | ListSupplierScenario;

/** The kinds of scenario. */
export const SCENARIO_KINDS = ['add-control', 'deny-exports', 'list-supplier'] as const;
