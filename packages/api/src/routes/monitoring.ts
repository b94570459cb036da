import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ALERT_KINDS,
  ALERT_STATES,
  alertsToCsv,
  isDomainError,
  type Alert,
  type AlertState as AlertStateValue,
  type StoredCounterparty,
} from '@entente/core';
import type { MonitorService } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { describes, idParam, json, ORG_ERRORS, READERS, WRITERS } from './route-parts.ts';
import { actorFrom } from './sharing-deps.ts';

const errors = ORG_ERRORS;
const AlertState = z.enum(ALERT_STATES as [AlertStateValue, ...AlertStateValue[]]);
const AlertKind = z.enum(ALERT_KINDS as [Alert['kind'], ...Alert['kind'][]]);
/** An ownership link as the register states it: owner, share, control. */
const Owner = z.object({
  ownerId: z.string(),
  share: z.number().optional(),
  controls: z.boolean().optional(),
});

const Counterparty = describes<StoredCounterparty>()(
  z
    .object({
      id: z.string(),
      orgId: z.string(),
      version: z.number(),
      updatedAt: z.string(),
      type: z.string(),
      names: z.array(z.string()),
      countries: z.array(z.string()),
      addresses: z.array(z.string()),
      birthDate: z.string().optional(),
      identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
      owners: z.array(Owner),
    })
    .openapi('Counterparty'),
);
const AlertSchema = describes<Alert>()(
  z
    .object({
      id: z.string(),
      orgId: z.string(),
      kind: AlertKind,
      state: AlertState,
      counterpartyId: z.string(),
      counterpartyName: z.string(),
      entityId: z.string().openapi({ description: 'the listing of the best hit (`source:sourceId`)' }),
      subjectId: z.string().openapi({
        description:
          'the resolved subject of the hits (one alert per counterparty and subject, GET /subjects?id=…); the listing’s own entity id until a resolution has seen it',
      }),
      subjectName: z.string().optional(),
      listings: z
        .array(
          z.object({
            entityId: z.string(),
            source: z.string(),
            score: z.number().optional(),
            listedName: z.string().optional(),
          }),
        )
        .openapi({
          description: 'every current listing of the subject; `score` on those the counterparty hits',
        }),
      notListedBy: z.array(z.string()).openapi({
        description: 'the loaded lists that do not list the subject (empty until a resolution has seen it)',
      }),
      listedName: z.string(),
      matchedName: z.string(),
      score: z.number(),
      features: z.record(z.string(), z.number()),
      explanation: z.array(z.string()),
      programs: z.array(z.string()),
      listVersionId: z.number().optional(),
      assignee: z.string().optional(),
      clearanceId: z.string().optional(),
      reason: z.string().optional(),
      expiresAt: z.string().optional(),
      createdAt: z.string(),
      updatedAt: z.string(),
      decidedAt: z.string().optional(),
      runId: z.string().optional(),
      events: z.array(
        z.object({
          at: z.string(),
          by: z.string(),
          type: z.string(),
          from: z.string().optional(),
          to: z.string().optional(),
          assignee: z.string().nullable().optional(),
          comment: z.string().optional(),
        }),
      ),
    })
    .openapi('MonitorAlert'),
);
const Run = z
  .object({
    id: z.string(),
    orgId: z.string(),
    trigger: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    target: z.string(),
    done: z.number(),
    total: z.number(),
    counts: z.record(z.string(), z.number()),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    error: z.string().optional(),
    record: z
      .object({
        mode: z.enum(['full', 'delta']),
        versions: z.record(z.string(), z.number()),
        listVersions: z.number(),
        weightsDrift: z.number(),
      })
      .optional()
      .openapi({
        description:
          'what the run did: a full re-screen or a delta, the list version per source, and how far token weights can have moved in it',
      }),
  })
  .openapi('MonitorRun');
const FullRunStatus = z
  .object({
    due: z.boolean(),
    reasons: z.array(z.string()),
    lastFullRun: z.string().optional(),
    deltasSince: z.number(),
    listVersionsSince: z.number(),
    daysSince: z.number().optional(),
    weightsDriftSince: z.number(),
    rule: z.object({ listVersions: z.number(), days: z.number(), weightsDrift: z.number() }),
  })
  .openapi('MonitorFullRunStatus');
const AlertChange = z
  .object({
    state: AlertState.optional(),
    reason: z.string().min(3).max(2000).optional(),
    expiresAt: z.string().max(40).optional(),
    comment: z.string().min(1).max(4000).optional(),
    assignee: z.string().max(320).nullable().optional(),
  })
  .openapi('MonitorAlertChange');
const AlertQuery = z.object({
  state: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: `comma-separated: ${ALERT_STATES.join(', ')}` }),
  kind: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: `comma-separated: ${ALERT_KINDS.join(', ')}` }),
  assignee: z.string().max(320).optional(),
  counterparty: z.string().max(200).optional(),
});

const importRegister = defineRoute(WRITERS, {
  method: 'post',
  path: '/monitoring/counterparties',
  tags: ['monitoring'],
  summary:
    "Import (or update) your organisation's counterparty register from CSV or JSON text: all rows or none (422 `register-invalid` lists every problem by row and field); unchanged rows are kept, changed ones versioned; monitoring then screens what changed (audited)",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              file: z.string().min(1).max(200).default('register'),
              format: z.enum(['csv', 'json']),
              content: z.string().min(1),
            })
            .openapi('RegisterImport'),
        },
      },
    },
  },
  responses: {
    201: json(
      z.object({
        created: z.boolean(),
        importId: z.string().optional(),
        rows: z.number(),
        added: z.array(z.string()),
        changed: z.array(z.string()),
        unchanged: z.number(),
      }),
      'Stored (or nothing to store: `created` false)',
    ),
    422: json(
      ErrorBody,
      'Rows with problems (`register-invalid`) or a file that is not a register (`file-rejected`)',
    ),
    ...errors,
  },
});
const listCounterparties = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/counterparties',
  tags: ['monitoring'],
  summary: "Your organisation's register (current versions) and its ownership links",
  responses: {
    200: json(
      z.object({
        counterparties: z.array(Counterparty),
        links: z.array(Owner.extend({ ownedId: z.string() })),
      }),
      'Register',
    ),
    ...errors,
  },
});
const counterpartyHistory = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/counterparties/{id}',
  tags: ['monitoring'],
  summary: 'Every version of one of your counterparties, newest first; 404 for any other id',
  request: { params: idParam },
  responses: { 200: json(z.object({ versions: z.array(Counterparty) }), 'Versions'), ...errors },
});
const listAlerts = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/alerts',
  tags: ['monitoring'],
  summary: "Your organisation's alerts, oldest first, with their history",
  request: { query: AlertQuery },
  responses: { 200: json(z.object({ alerts: z.array(AlertSchema) }), 'Alerts'), ...errors },
});
const exportAlerts = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/alerts.csv',
  tags: ['monitoring'],
  summary: "Your organisation's alerts as CSV (formula-like cells written as text)",
  request: { query: AlertQuery },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors },
});
const getAlert = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/alerts/{id}',
  tags: ['monitoring'],
  summary: 'One of your alerts with its history; 404 for any other id (audited)',
  request: { params: idParam },
  responses: { 200: json(AlertSchema, 'Alert'), ...errors },
});
const changeAlert = defineRoute(WRITERS, {
  method: 'post',
  path: '/monitoring/alerts/{id}',
  tags: ['monitoring'],
  summary:
    'Change an alert: state (open → in-review → escalated → true-match | false-positive, 409 `alert-transition-refused` otherwise; a false positive records a clearance with the reason and expiry), assignee (a user of your organisation), comment; audited',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: AlertChange } } },
  },
  responses: {
    200: json(AlertSchema, 'Changed'),
    409: json(ErrorBody, 'Refused by the workflow or changed meanwhile'),
    ...errors,
  },
});
const bulkChange = defineRoute(WRITERS, {
  method: 'post',
  path: '/monitoring/alerts/bulk',
  tags: ['monitoring'],
  summary:
    'Apply one change to several alerts (each checked and audited on its own); per-alert errors are reported, not thrown',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ ids: z.array(z.string().min(1).max(200)).min(1).max(500), change: AlertChange })
            .openapi('MonitorBulkChange'),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        alerts: z.array(AlertSchema),
        errors: z.array(z.object({ id: z.string(), error: z.string(), message: z.string() })),
      }),
      'Changed, and the ones refused',
    ),
    ...errors,
  },
});
const listRuns = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/runs',
  tags: ['monitoring'],
  summary:
    "Your organisation's monitoring runs, newest first, with progress (`done` of `total` names screened)",
  responses: { 200: json(z.object({ runs: z.array(Run) }), 'Runs'), ...errors },
});
const monitorStatus = defineRoute(READERS, {
  method: 'get',
  path: '/monitoring/status',
  tags: ['monitoring'],
  summary:
    'Whether a full re-screen is due for your organisation, and why (deltas cannot see everything a full run does); start one with POST /monitoring/runs {"full": true}',
  responses: { 200: json(z.object({ fullRun: FullRunStatus }), 'Status'), ...errors },
});
const startRun = defineRoute(WRITERS, {
  method: 'post',
  path: '/monitoring/runs',
  tags: ['monitoring'],
  summary:
    'Start a run now (`full`: every counterparty against every list); follow it with GET /monitoring/runs',
  request: {
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ full: z.boolean().default(false) }) } },
    },
  },
  responses: { 202: json(z.object({ started: z.boolean() }), 'Started in the background'), ...errors },
});

function splitList(text: string | undefined): string[] | undefined {
  return text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

function filterOf(q: z.infer<typeof AlertQuery>) {
  const states = splitList(q.state) as Alert['state'][] | undefined;
  const kinds = splitList(q.kind) as Alert['kind'][] | undefined;
  const bad = [
    ...(states ?? []).filter((s) => !ALERT_STATES.includes(s)),
    ...(kinds ?? []).filter((k) => !ALERT_KINDS.includes(k)),
  ];
  if (bad.length) throw Object.assign(new Error(), { bad });
  return {
    ...(states ? { states } : {}),
    ...(kinds ? { kinds } : {}),
    ...(q.assignee ? { assignee: q.assignee } : {}),
    ...(q.counterparty ? { counterpartyId: q.counterparty } : {}),
  };
}

/**
 * The monitoring routes, all scoped to the signed-in organisation: the counterparty register,
 * alerts and their workflow (every change audited by the store), CSV export, runs.
 */
export function registerMonitoring(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const source = (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const a = actorFrom(c);
    return { userId: a.userId, orgId: a.orgId, ip: a.ip ?? null };
  };
  const runSoon = (m: MonitorService, orgId: string, full: boolean) =>
    void m
      .run(orgId, { trigger: full ? 'full' : 'register', full })
      .catch((e: unknown) => deps.log(`monitor: run for ${orgId} failed: ${String(e)}`));

  app.openapi(importRegister, async (c) => {
    const body = c.req.valid('json');
    const by = source(c);
    const m = await deps.services.monitor();
    const r = await m.importRegister(by.orgId, body.file, body.content, by, body.format);
    if (r.created) runSoon(m, by.orgId, false);
    return c.json(r, 201);
  });
  app.openapi(listCounterparties, async (c) => {
    const orgId = source(c).orgId;
    const m = await deps.services.monitor();
    const counterparties = (await m.register.counterparties(orgId)).map(({ changeSeq: _, ...cp }) => cp);
    return c.json({ counterparties, links: await m.register.ownershipLinks(orgId) }, 200);
  });
  app.openapi(counterpartyHistory, async (c) => {
    const { id } = c.req.valid('param');
    const versions = (await (await deps.services.monitor()).register.history(source(c).orgId, id)).map(
      ({ changeSeq: _, ...cp }) => cp,
    );
    if (versions.length === 0)
      return c.json(
        { error: 'not-found' as const, message: `No counterparty ${id}`, details: { field: 'id' } },
        404,
      );
    return c.json({ versions }, 200);
  });
  const alertsOf = async (
    c: Parameters<Parameters<typeof app.openapi>[1]>[0],
    q: z.infer<typeof AlertQuery>,
  ) => {
    let filter;
    try {
      filter = filterOf(q);
    } catch (e) {
      const bad = (e as { bad?: string[] }).bad ?? [];
      return {
        error: {
          error: 'invalid-input' as const,
          message: `Unknown state or kind ${bad.join(', ')}`,
          details: { field: 'state', accepted: [...ALERT_STATES, ...ALERT_KINDS] },
        },
      };
    }
    return { alerts: await (await deps.services.monitor()).alerts.alerts(source(c).orgId, filter) };
  };
  app.openapi(listAlerts, async (c) => {
    const r = await alertsOf(c, c.req.valid('query'));
    return 'error' in r ? c.json(r.error!, 400) : c.json({ alerts: r.alerts }, 200);
  });
  app.openapi(exportAlerts, async (c) => {
    const r = await alertsOf(c, c.req.valid('query'));
    if ('error' in r) return c.json(r.error!, 400);
    return c.body(alertsToCsv(r.alerts, new Date()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="alerts.csv"',
    });
  });
  // Before `/monitoring/alerts/{id}`, which would otherwise take "bulk" for an alert id.
  app.openapi(bulkChange, async (c) => {
    const by = source(c);
    const { ids, change } = c.req.valid('json');
    const m = await deps.services.monitor();
    const alerts: Alert[] = [];
    const errors: { id: string; error: string; message: string }[] = [];
    for (const id of ids) {
      try {
        alerts.push(await m.changeAlert(by.orgId, id, change, by));
      } catch (e) {
        if (!isDomainError(e)) throw e;
        errors.push({ id, error: e.code, message: e.message });
      }
    }
    return c.json({ alerts, errors }, 200);
  });
  app.openapi(getAlert, async (c) => {
    const by = source(c);
    return c.json(
      await (await deps.services.monitor()).alerts.alert(by.orgId, c.req.valid('param').id, by),
      200,
    );
  });
  app.openapi(changeAlert, async (c) => {
    const by = source(c);
    const change = c.req.valid('json');
    return c.json(
      await (
        await deps.services.monitor()
      ).changeAlert(by.orgId, c.req.valid('param').id, change as never, by),
      200,
    );
  });
  app.openapi(listRuns, async (c) =>
    c.json({ runs: await (await deps.services.monitor()).runs.recent(source(c).orgId) }, 200),
  );
  app.openapi(monitorStatus, async (c) =>
    c.json({ fullRun: await (await deps.services.monitor()).fullRunStatus(source(c).orgId) }, 200),
  );
  app.openapi(startRun, async (c) => {
    const full = ((await c.req.json().catch(() => ({}))) as { full?: boolean }).full === true;
    runSoon(await deps.services.monitor(), source(c).orgId, full);
    return c.json({ started: true }, 202);
  });
}
