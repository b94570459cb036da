import { z } from '@hono/zod-openapi';
import { SHARING_GROUPS } from '@entente/core';

const text = (max: number) => z.string().max(max);
/** Path ids: opaque, short; anything else is simply not found. */
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'den_0a1b2c3d4e5f607182' }),
});

export const Item = z
  .object({ code: text(100).min(1), list: text(10).optional(), description: text(2000) })
  .openapi('ControlledItem');
export const TransactionParty = z
  .object({
    role: z.enum(['consignee', 'end-user', 'third-party']),
    name: text(500).min(1),
    address: text(1000).optional(),
    country: text(2).optional(),
  })
  .openapi('TransactionParty');
export const SharingScope = z
  .object({
    regimes: z.array(z.enum(SHARING_GROUPS)).max(5).default([]),
    agencies: z.array(text(64)).max(100).default([]),
  })
  .openapi('SharingScope');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const DenialInput = z
  .object({
    reference: text(100).optional(),
    deniedOn: Day,
    items: z.array(Item).min(1).max(100),
    parties: z.array(TransactionParty).min(1).max(100),
    destination: text(2),
    endUse: text(2000),
    reason: text(1000).min(1),
    validUntil: Day.optional(),
    scope: SharingScope,
  })
  .openapi('DenialInput');
export const DenialAmendment = DenialInput.omit({ reference: true }).partial().openapi('DenialAmendment');

export const Denial = DenialInput.extend({
  id: z.string(),
  orgId: z.string(),
  validUntil: z.string(),
  notifyingGovernment: z.string().optional(),
  status: z.enum(['active', 'revoked']),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revokedAt: z.string().optional(),
  revokeReason: z.string().optional(),
  scope: z.object({ regimes: z.array(z.enum(SHARING_GROUPS)), agencies: z.array(z.string()) }),
}).openapi('Denial');

export const ApplicationInput = z
  .object({
    applicant: text(500).min(1),
    reference: text(100).optional(),
    items: z.array(Item).min(1).max(100),
    parties: z.array(TransactionParty).min(1).max(100),
    destination: text(2),
    endUse: text(2000),
  })
  .openapi('ApplicationInput');
export const Application = ApplicationInput.extend({
  id: z.string(),
  orgId: z.string(),
  status: z.enum(['pending', 'approved', 'denied']),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  denialId: z.string().optional(),
}).openapi('Application');

export const Consultation = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    denialId: z.string(),
    requesterOrgId: z.string(),
    addresseeOrgId: z.string(),
    state: z.enum(['open', 'answered', 'closed']),
    respondBy: z.string(),
    match: z.unknown(),
    messages: z.array(
      z.object({ id: z.number(), orgId: z.string(), userId: z.string(), body: z.string(), at: z.string() }),
    ),
    decision: z.enum(['approve', 'deny']).optional(),
    createdAt: z.string(),
    closedAt: z.string().optional(),
  })
  .openapi('Consultation');

export const AuditEntry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorOrgId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'failed']),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    prevHash: z.string(),
    hash: z.string(),
    denialsRead: z.array(z.string()).optional().openapi({
      description:
        'On another agency’s entry: which of your denials it read (its address and details are withheld)',
    }),
  })
  .openapi('AuditEntry');

/** The audit chain's head: publish it outside the system, check it later with `entente audit verify --expect-head`. */
export const AuditHead = z
  .object({
    count: z.number().int(),
    lastHash: z.string(),
    at: z.string().nullable(),
  })
  .openapi('AuditHead');

/** Refusals of anonymous callers on one route for one reason (counted, not chained). */
export const RefusalCount = z
  .object({
    route: z.string(),
    reason: z.string(),
    count: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
  })
  .openapi('RefusalCount');

/** `application/json` content of a schema, for requests and responses. */
export function json<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } } };
}
