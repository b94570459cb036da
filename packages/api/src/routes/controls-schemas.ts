import { z } from '@hono/zod-openapi';
import type { ControlEntryView as CoreControlEntryView, Counterpart, GapReport } from '@entente/core';
import { describes } from './route-parts.ts';

const CorrespondenceType = z.enum(['same', 'broader', 'narrower', 'overlaps']);
const CorrespondenceBasis = z.enum([
  'shared-regime-code',
  'regime-origin',
  'curated-plurilateral',
  'curated-munitions',
  'curated-japan-row',
  'curated-other',
  'curated-renumbered',
]);

/** Where an entry's facts were read (core `ControlCitation`); `unverified` when its text could not be read. */
export const ControlCitationSchema = z
  .object({
    act: z.string().openapi({
      example: 'Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003',
    }),
    provision: z.string().openapi({ example: 'entry 3A001.a' }),
    readFrom: z
      .string()
      .optional()
      .openapi({ description: 'address or repository path the text was read from' }),
    readOn: z.string().optional().openapi({ description: 'date read (YYYY-MM-DD)' }),
    status: z.enum(['verified', 'unverified']),
    note: z
      .string()
      .optional()
      .openapi({ description: 'why unverified, or what was read instead of the act' }),
  })
  .openapi('ControlCitation');

/** One entry of one control list (core `ControlEntry`). */
export const ControlEntrySchema = z
  .object({
    list: z.string(),
    code: z.string(),
    parent: z.string().optional(),
    heading: z.string(),
    text: z.string().optional(),
    reasons: z.array(z.string()),
    regimeRefs: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string().optional(),
    source: z.object({ act: z.string(), version: z.string(), url: z.string().optional() }),
    confidence: z.enum(['high', 'medium', 'low']),
    reasonScopes: z
      .array(
        z.object({
          reason: z.string(),
          control: z.string(),
          chartColumn: z.string().optional(),
          destination: z.string().optional(),
        }),
      )
      .optional(),
    exceptions: z.record(z.string(), z.string()).optional(),
    citation: ControlCitationSchema,
    destinations: z
      .array(z.string())
      .optional()
      .openapi({ description: 'destinations (ISO-2) a national entry is limited to; absent: every one' }),
  })
  .openapi('ControlEntry');

/** A counterpart of an entry in another list, and how the asked entry relates to it. */
export const CounterpartSchema = describes<Counterpart>()(
  z
    .object({
      id: z.string().openapi({ example: 'EU:3A001' }),
      heading: z.string().optional(),
      type: CorrespondenceType.openapi({ description: 'how the asked entry relates to the counterpart' }),
      basis: CorrespondenceBasis,
      note: z.string().optional(),
      warning: z.string().optional().openapi({
        description: 'why the link is doubtful (its headings describe different items); not followed',
      }),
      source: z
        .object({
          citation: z.string(),
          status: z.enum(['verified', 'unverified']),
          readIn: z.string().optional(),
          readOn: z.string().optional(),
          note: z.string().optional(),
        })
        .optional()
        .openapi({
          description:
            'for a curated link: the provisions compared and where their texts were read, or unverified and why',
        }),
      via: z.string().optional().openapi({ description: 'the entry the link was reached through' }),
    })
    .openapi('Counterpart'),
);

/** A stored version of one control list. */
export const ControlListVersionSchema = z
  .object({
    id: z.number().int(),
    listId: z.string(),
    version: z.string(),
    validFrom: z.string(),
    validTo: z.string().optional(),
    contentHash: z.string(),
    entryCount: z.number().int(),
  })
  .openapi('ControlListVersion');

/** One entry with its list version, stored versions and counterparts. */
export const ControlEntryView = describes<CoreControlEntryView>()(
  z
    .object({
      id: z.string(),
      requested: z.string(),
      exact: z.boolean().openapi({ description: 'false when the nearest enclosing entry is shown' }),
      list: z.object({ id: z.string(), name: z.string(), version: z.string(), validFrom: z.string() }),
      entry: ControlEntrySchema,
      versions: z.array(
        z.object({
          version: z.string(),
          validFrom: z.string(),
          validTo: z.string().optional(),
          present: z.boolean(),
          changed: z.array(z.string()),
        }),
      ),
      counterparts: z.array(CounterpartSchema),
    })
    .openapi('ControlEntryView'),
);

/** One gap: an entry one ally controls and another lacks. */
export const ControlGapSchema = z
  .object({
    entry: z.string(),
    heading: z.string(),
    category: z.enum(['unilateral', 'regime-not-implemented', 'plurilateral', 'scope-differs']),
    controlledBy: z.string(),
    lackingIn: z.string(),
    note: z.string(),
    evidence: z
      .array(z.string())
      .openapi({ description: 'the evidence path that makes it a gap: links followed and what was missing' }),
  })
  .openapi('ControlGap');

/** An entry/jurisdiction pair that is not a gap, with the path that clears it. */
export const GapClearedSchema = z
  .object({
    entry: z.string(),
    other: z.string(),
    status: z.enum(['counterpart', 'implemented', 'not-compared']),
    evidence: z.array(z.string()),
  })
  .openapi('GapCleared');

/** The gaps and their counts per gap category and `controlledBy→lackingIn` pair. */
export const GapReportSchema = describes<GapReport>()(
  z
    .object({
      jurisdictions: z.array(z.string()),
      category: z.number().int().optional(),
      gaps: z.array(ControlGapSchema),
      clearedCount: z
        .number()
        .int()
        .openapi({ description: 'pairs that are not gaps (a counterpart, another act, or not compared)' }),
      cleared: z
        .array(GapClearedSchema)
        .optional()
        .openapi({ description: 'those pairs with the path that clears each; only with include=cleared' }),
      summary: z.record(z.string(), z.record(z.string(), z.number())),
      notes: z.array(z.string()),
    })
    .openapi('GapReport'),
);

/** One ranked candidate entry for a product description. */
export const ClassifyCandidate = z
  .object({
    id: z.string(),
    heading: z.string(),
    reasons: z.array(z.string()),
    score: z.number(),
    features: z.object({ fullText: z.number(), trigram: z.number() }),
    counterparts: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        type: CorrespondenceType,
        basis: CorrespondenceBasis,
        note: z.string().optional(),
      }),
    ),
  })
  .openapi('ClassifyCandidate');
