import { z } from '@hono/zod-openapi';

/** A listed party as the API returns it (the core `Party` model). */
export const PartySchema = z
  .object({
    source: z.string(),
    sourceId: z.string(),
    schema: z.enum(['person', 'organization', 'vessel', 'aircraft', 'unknown']),
    names: z.array(
      z.object({
        full: z.string(),
        quality: z.enum(['primary', 'strong', 'weak']),
        script: z.string().optional(),
        lang: z.string().optional(),
        parts: z.record(z.string(), z.string()).optional(),
      }),
    ),
    birthDates: z.array(
      z.object({
        value: z.string(),
        precision: z.enum(['year', 'month', 'day']),
        to: z.string().optional(),
        circa: z.boolean().optional(),
      }),
    ),
    birthPlaces: z.array(z.string()),
    countries: z.array(z.object({ code: z.string(), role: z.string() })),
    identifiers: z.array(
      z.object({
        type: z.string(),
        value: z.string(),
        country: z.string().optional(),
        label: z.string().optional(),
      }),
    ),
    addresses: z.array(z.object({ full: z.string() }).passthrough()),
    programs: z.array(z.string()),
    legalBasis: z.array(z.string()),
  })
  .passthrough()
  .openapi('Party');

/** One list version. */
export const ListVersionSchema = z
  .object({
    id: z.number().int(),
    source: z.string(),
    publishedAt: z.string(),
    importedAt: z.string(),
    contentHash: z.string(),
    format: z.string(),
    recordCount: z.number().int(),
    warningCount: z.number().int(),
    warningsByKind: z.record(z.string(), z.number()),
    files: z.array(z.string()),
  })
  .openapi('ListVersion');
