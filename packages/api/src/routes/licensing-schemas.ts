import { z } from '@hono/zod-openapi';
import { OUTCOMES, type AssessmentRecord, type DecisionRecordHead } from '@entente/core';
import { describes } from './route-parts.ts';

const Outcome = z.enum(OUTCOMES);
const ByJurisdiction = z.object({
  US: Outcome.optional(),
  EU: Outcome.optional(),
  UK: Outcome.optional(),
  JP: Outcome.optional(),
});

/** `POST /determine` body: one item, one destination, one jurisdiction's rules. */
export const DetermineRequest = z
  .object({
    jurisdiction: z.string().min(1).max(4).openapi({ example: 'US', description: 'US, EU, UK or JP' }),
    item: z
      .string()
      .min(1)
      .max(60)
      .openapi({ example: '3A001.a.1.b', description: 'control entry code, EAR99 or none' }),
    to: z.string().min(1).max(8).openapi({ example: 'CN', description: 'destination, ISO 3166-1 alpha-2' }),
    from: z.string().min(1).max(8).optional().openapi({ example: 'DE' }),
    value: z.number().nonnegative().optional().openapi({ description: 'US dollars (LVS)' }),
    endUse: z.string().max(2000).optional(),
    hsCode: z.string().max(14).optional(),
  })
  .openapi('DetermineRequest');

/** One licence determination (core `Determination`). */
export const DeterminationSchema = z
  .object({
    jurisdiction: z.enum(['US', 'EU', 'UK', 'JP']),
    item: z.string(),
    destination: z.string(),
    origin: z.string().optional(),
    licenceRequired: z.boolean(),
    outcome: Outcome,
    reasons: z.array(z.string()),
    exceptions: z.array(z.string()),
    generalAuthorisations: z.array(z.string()),
    citations: z.array(z.string()),
    trace: z.array(
      z.object({
        rule: z.string(),
        result: z.enum(['applies', 'does-not-apply', 'available', 'not-available', 'question', 'info']),
        detail: z.string(),
        citation: z.string().optional(),
      }),
    ),
    toCheck: z.array(
      z.object({
        id: z.string(),
        citation: z.string(),
        conditions: z.string(),
        status: z.enum(['verified', 'unverified']).optional(),
      }),
    ),
    authorisations: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          result: z.enum(['available', 'to-check', 'not-available']),
          why: z.string(),
          citations: z.array(z.string()),
          status: z.enum(['verified', 'unverified']),
        }),
      )
      .optional()
      .openapi({
        description:
          'Every general authorisation or bulk licence offered or refused, with the provisions it rests on and where each was read; "unverified" when a fact could not be read in the act. Absent in decision records made before 2026-12-03.',
      }),
    questions: z.array(z.string()),
    licencePolicy: z.string().optional(),
  })
  .openapi('Determination');

const ExportParty = z.object({
  role: z.enum(['exporter', 'consignee', 'end-user', 'intermediary']),
  name: z.string().min(1).max(500),
  country: z.string().min(1).max(8),
  address: z.string().max(1000).optional(),
});

/** `POST /assess` body: a whole transaction (core `Transaction`, checked field by field). */
export const TransactionRequest = z
  .object({
    id: z.string().max(200).optional(),
    items: z
      .array(
        z.object({
          description: z.string().min(1).max(2000),
          classifications: z
            .record(z.string(), z.string())
            .optional()
            .openapi({ example: { US: '3A001.a.1.b', EU: '3A001.a.1' } }),
          code: z.string().max(60).optional(),
          hsCode: z.string().max(14).optional(),
          value: z.number().nonnegative().optional(),
          quantity: z.number().nonnegative().optional(),
          origin: z.string().min(1).max(8),
          usContentShare: z.number().min(0).max(1).optional(),
        }),
      )
      .min(1)
      .max(200),
    parties: z.array(ExportParty).min(1).max(50),
    route: z.array(z.string().max(8)).max(20).optional(),
    endUse: z.string().max(2000).optional(),
    indicators: z.array(z.string().max(60)).max(50).optional(),
  })
  .openapi('TransactionRequest');

const RedFlag = z.object({
  id: z.string(),
  severity: z.enum(['low', 'medium', 'high']),
  detail: z.string(),
  factor: z.string(),
});

/** The assessment of a whole transaction (core `Assessment`). */
export const AssessmentSchema = z
  .object({
    id: z.string().optional(),
    exportingCountry: z.string(),
    destination: z.string(),
    jurisdictions: z.array(
      z.object({
        jurisdiction: z.enum(['US', 'EU', 'UK', 'JP']),
        determinations: z.array(
          z.object({
            itemIndex: z.number().int(),
            description: z.string(),
            basis: z.string(),
            determination: DeterminationSchema,
          }),
        ),
      }),
    ),
    summary: z.object({
      items: z.array(
        z.object({
          itemIndex: z.number().int(),
          description: z.string(),
          strictestOutcome: Outcome,
          licenceRequired: z.boolean(),
          byJurisdiction: ByJurisdiction,
        }),
      ),
      divergences: z.array(
        z.object({
          itemIndex: z.number().int(),
          description: z.string(),
          outcomes: ByJurisdiction,
          note: z.string(),
        }),
      ),
    }),
    screening: z.array(
      z.object({
        party: ExportParty,
        hits: z.array(
          z.object({
            source: z.string(),
            sourceId: z.string().optional(),
            name: z.string(),
            score: z.number(),
            licenceRequirement: z.string().optional(),
            licencePolicy: z.string().optional(),
          }),
        ),
        flags: z.array(RedFlag),
      }),
    ),
    redFlags: z.array(RedFlag),
    risk: z.object({
      score: z.number(),
      level: z.enum(['low', 'medium', 'high']),
      factors: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          weight: z.number(),
          value: z.number(),
          contribution: z.number(),
          detail: z.string().optional(),
        }),
      ),
    }),
    questions: z.array(z.string()),
  })
  .openapi('Assessment');

const Summary = z.object({
  transactionId: z.string().optional(),
  exportingCountry: z.string(),
  destination: z.string(),
  items: z.number().int(),
  parties: z.number().int(),
  strictestOutcome: Outcome,
  licenceRequired: z.boolean(),
  riskLevel: z.string(),
  riskScore: z.number(),
});

/** A decision record without inputs and outputs. */
export const DecisionRecordHeadSchema = describes<DecisionRecordHead>()(
  z
    .object({
      id: z.string().openapi({ example: 'dr_3q2GqjvB0yT1kQmX' }),
      kind: z.literal('assessment'),
      createdAt: z.string(),
      retainUntil: z.string(),
      channel: z.enum(['cli', 'api']),
      userId: z.string().optional(),
      orgId: z.string().optional(),
      summary: Summary,
      contentHash: z.string(),
    })
    .openapi('DecisionRecordHead'),
);

/** An immutable decision record: inputs, data versions, outputs, time and user. */
export const DecisionRecordSchema = describes<AssessmentRecord>()(
  DecisionRecordHeadSchema.extend({
    inputs: z.object({ transaction: z.record(z.string(), z.unknown()) }),
    dataVersions: z.object({
      partyLists: z.array(
        z.object({ source: z.string(), versionId: z.number().int(), publishedAt: z.string() }),
      ),
      controlLists: z.array(z.object({ list: z.string(), version: z.string(), validFrom: z.string() })),
      earTablesAsOf: z.string(),
      catalogueStamp: z.string(),
      screening: z.string(),
    }),
    outputs: z.object({ assessment: AssessmentSchema }),
  }).openapi('DecisionRecord'),
);
