import { z } from '@hono/zod-openapi';
import { OUTCOMES } from '@entente/core';

const Outcome = z.enum(OUTCOMES);
const Jurisdiction = z.enum(['US', 'EU', 'UK', 'JP']);
const ByJurisdiction = z.object({
  US: Outcome.optional(),
  EU: Outcome.optional(),
  UK: Outcome.optional(),
  JP: Outcome.optional(),
});
const Source = z.object({ supplier: z.string().optional(), country: z.string() });
const ControlStatus = z.enum(['controlled', 'at-only', 'not-listed', 'unclassified']);

/** One scenario as the library holds it (core `SupplyScenario`); inline scenarios take the same shape. */
export const SupplyScenarioSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['add-control', 'deny-exports', 'list-supplier']),
    actor: z.string().openapi({ description: 'US, EU, UK, JP or an ISO-2 country acting nationally' }),
    entry: z.string().optional(),
    match: z.object({ codes: z.array(z.string()), hsCodes: z.array(z.string()) }).optional(),
    destinations: z
      .object({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() })
      .optional(),
    suppliers: z.array(z.string()).optional(),
    list: z.string().optional(),
    source: z
      .object({ citation: z.string(), url: z.string().optional(), date: z.string().optional() })
      .optional(),
    note: z.string().optional(),
  })
  .openapi('SupplyScenario');

/** `POST /supply/analyse` body. */
export const SupplyAnalyseRequest = z
  .object({
    bom: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'the BOM in its JSON form (docs/supply-bom-format.md): {currency?, products:[{id, madeIn, components:[…]}]}; give it or `bomCsv`',
    }),
    bomCsv: z.string().min(1).max(1_500_000).optional().openapi({
      description:
        'the BOM as the text of a CSV file (docs/supply-bom-format.md, one row per component); give it or `bom`. Errors name its row and column.',
    }),
    file: z
      .string()
      .max(200)
      .optional()
      .openapi({ example: 'bom-uav.csv', description: 'name of the uploaded file, used in error messages' }),
    destination: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .openapi({ example: 'CN', description: "destination(s); default each product's own" }),
    scenarios: z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .max(50)
      .optional()
      .openapi({ description: 'library ids (GET /supply/scenarios) or inline scenarios' }),
  })
  .openapi('SupplyAnalyseRequest');

const ComponentControl = z.object({
  jurisdiction: Jurisdiction,
  status: ControlStatus,
  code: z.string().optional(),
  heading: z.string().optional(),
  reasons: z.array(z.string()),
  inferred: z.boolean(),
  reason: z.string(),
});

const Component = z.object({
  partId: z.string(),
  description: z.string(),
  row: z.number().optional(),
  quantity: z.number(),
  unitValue: z.number(),
  value: z.number(),
  valueShare: z.number(),
  hsCode: z.string().optional(),
  supplier: z.string(),
  supplierCountry: z.string(),
  origin: z.string(),
  alternates: z.array(Source),
  controls: z.array(ComponentControl),
  controlledBy: z.array(Jurisdiction),
  controlled: z.boolean(),
  supplyLeg: z.object({
    from: z.string(),
    to: z.string(),
    domestic: z.boolean(),
    laws: z.array(
      z.object({
        jurisdiction: Jurisdiction,
        basis: z.string(),
        code: z.string().optional(),
        outcome: Outcome.optional(),
        licenceRequired: z.boolean().optional(),
        reasons: z.array(z.string()),
      }),
    ),
    notes: z.array(z.string()),
  }),
  dependencies: z.object({
    sources: z.number(),
    singleSource: z.boolean(),
    sourceJurisdictions: z.array(z.string()),
    singleJurisdiction: z.boolean(),
    chplTier: z.string().optional(),
    divergences: z.array(
      z.object({
        source: z.enum(['gap', 'classification']),
        entry: z.string().optional(),
        category: z
          .enum(['unilateral', 'regime-not-implemented', 'plurilateral', 'scope-differs'])
          .optional(),
        controlledBy: z.string(),
        lackingIn: z.string(),
        note: z.string(),
      }),
    ),
    reasons: z.array(z.string()),
  }),
});

const DeMinimis = z.object({
  threshold: z.number(),
  productValue: z.number(),
  usControlledValue: z.number(),
  share: z.number(),
  exceedsThreshold: z.boolean(),
  neverEligible: z.array(
    z.object({ partId: z.string(), rule: z.string(), citation: z.string(), text: z.string() }),
  ),
  subjectToEar: z.boolean(),
  lines: z.array(
    z.object({
      partId: z.string(),
      value: z.number(),
      usCode: z.string().optional(),
      counted: z.boolean(),
      outcome: Outcome.optional(),
      why: z.string(),
      exclusion: z.unknown().optional(),
    }),
  ),
  reasons: z.array(z.string()),
});

const Product = z.object({
  id: z.string(),
  name: z.string().optional(),
  madeIn: z.string(),
  value: z.number(),
  valueBasis: z.enum(['declared', 'sum-of-components']),
  destinations: z.array(z.string()),
  controls: z.array(ComponentControl),
  hsCode: z.string().optional(),
  components: z.array(Component),
  reach: z.array(
    z.object({
      destination: z.string(),
      exportingJurisdiction: Jurisdiction.optional(),
      us: z.object({ subjectToEar: z.boolean(), basis: z.string(), deMinimis: DeMinimis.optional() }),
      components: z.array(z.object({ partId: z.string(), outcomes: ByJurisdiction })),
      questions: z.array(z.string()),
    }),
  ),
  concentration: z.object({
    hhi: z.number().optional(),
    level: z.enum(['none', 'low', 'moderate', 'high']),
    total: z.number(),
    shares: z.array(z.object({ key: z.string(), value: z.number(), share: z.number() })),
    reason: z.string(),
  }),
  summary: z.object({
    controlled: z.array(z.string()),
    singleSource: z.array(z.string()),
    singleJurisdiction: z.array(z.string()),
    chpl: z.array(z.string()),
    divergent: z.array(z.string()),
    usOrigin: z.array(z.string()),
  }),
  questions: z.array(z.string()),
});

const AlternateCheck = z.object({
  supplier: z.string().optional(),
  country: z.string(),
  jurisdiction: z.string(),
  status: z.enum(['controlled', 'at-only', 'not-listed', 'unclassified', 'not-modelled', 'domestic']),
  licenceRequired: z.boolean().optional(),
  outcome: Outcome.optional(),
  reason: z.string(),
});

const ScenarioResult = z.object({
  scenario: SupplyScenarioSchema.pick({
    id: true,
    title: true,
    kind: true,
    actor: true,
    source: true,
    note: true,
    entry: true,
  }),
  products: z.array(
    z.object({
      productId: z.string(),
      productValue: z.number(),
      valueAtStake: z.number(),
      shareAtStake: z.number(),
      components: z.array(
        z.object({
          partId: z.string(),
          description: z.string(),
          value: z.number(),
          share: z.number(),
          reason: z.string(),
          alternatesRemaining: z.array(AlternateCheck),
          alternatesLost: z.array(Source),
          unmitigated: z.boolean(),
        }),
      ),
      exports: z.array(z.object({ destination: z.string(), reason: z.string() })),
      reachChanges: z.array(
        z.object({
          destination: z.string(),
          shareBefore: z.number(),
          shareAfter: z.number(),
          subjectBefore: z.boolean(),
          subjectAfter: z.boolean(),
          reason: z.string(),
        }),
      ),
    }),
  ),
  totals: z.object({
    productsAffected: z.number(),
    componentsAffected: z.number(),
    unmitigated: z.number(),
    valueAtStake: z.number(),
  }),
  reasons: z.array(z.string()),
});

/** The supply analysis (core `SupplyAnalysis`). */
export const SupplyAnalysisSchema = z
  .object({
    currency: z.string(),
    destinations: z.array(z.string()),
    counts: z.object({ products: z.number(), components: z.number() }),
    products: z.array(Product),
    scenarios: z.array(ScenarioResult),
    dataVersions: z.object({
      controlLists: z.array(z.object({ list: z.string(), version: z.string(), validFrom: z.string() })),
      earTablesAsOf: z.string(),
      chpl: z.string().optional(),
      catalogueStamp: z.string().optional(),
      scenarioLibrary: z.string().optional(),
    }),
    questions: z.array(z.string()),
  })
  .openapi('SupplyAnalysis');
