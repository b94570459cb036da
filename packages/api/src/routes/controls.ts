import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { describeControlEntry } from '@entente/adapters';
import { DomainError, isUnverified } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { EntryParams, ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { ControlEntryView, ControlListVersionSchema, CounterpartSchema } from './controls-schemas.ts';

const listsRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/controls',
    tags: ['controls'],
    summary: 'Control lists: every stored version, and the size of the crosswalk',
    responses: {
      200: json(
        z.object({ versions: z.array(ControlListVersionSchema), correspondences: z.number().int() }),
        'Stored list versions, newest first per list',
      ),
      ...ERRORS,
    },
  },
);

const listEntriesRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/controls/{list}',
    tags: ['controls'],
    summary: 'Every entry of one control list (code, parent, heading, reasons), for browsing it as a tree',
    request: {
      params: z.object({
        list: z
          .string()
          .regex(/^[A-Za-z]{2,8}$/)
          .openapi({ param: { name: 'list', in: 'path' }, example: 'EU' }),
      }),
      query: z.object({
        at: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
          .optional(),
      }),
    },
    responses: {
      200: json(
        z.object({
          list: z.object({ id: z.string(), name: z.string(), version: z.string(), validFrom: z.string() }),
          entries: z.array(
            z.object({
              code: z.string(),
              parent: z.string().optional(),
              heading: z.string(),
              reasons: z.array(z.string()),
              unverified: z
                .boolean()
                .optional()
                .openapi({ description: "true when the entry's text could not be read" }),
            }),
          ),
        }),
        'The list and its entries in code order',
      ),
      ...ERRORS,
    },
  },
);

const entryRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/controls/{list}/{code}',
    tags: ['controls'],
    summary: 'One control entry (or its nearest enclosing entry) with its versions and counterparts',
    request: {
      params: EntryParams,
      query: z.object({
        at: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
          .optional(),
      }),
    },
    responses: { 200: json(ControlEntryView, 'The entry'), ...ERRORS },
  },
);

const crosswalkRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/crosswalk/{list}/{code}',
    tags: ['controls'],
    summary: 'Every counterpart of a control entry in the other lists, with the relation and its basis',
    request: { params: EntryParams },
    responses: {
      200: json(
        z.object({
          entry: z.string(),
          heading: z.string(),
          exact: z.boolean(),
          counterparts: z.array(CounterpartSchema),
        }),
        'The counterparts',
      ),
      ...ERRORS,
    },
  },
);

/** `GET /controls`, `/controls/{list}/{code}`, `/crosswalk/{list}/{code}`. */
export function registerControls(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listsRoute, async (c) => {
    const store = deps.services.controls;
    const [versions, links] = await Promise.all([store.listControlVersions(), store.correspondences()]);
    return c.json({ versions, correspondences: links.length }, 200);
  });
  app.openapi(listEntriesRoute, async (c) => {
    const { list } = c.req.valid('param');
    const { at } = c.req.valid('query');
    const { catalogue } = deps.services;
    const opened = at ? await catalogue.at(at) : await catalogue.get();
    const found = opened.catalogue.list(list.toUpperCase());
    if (!found) {
      throw new DomainError('not-found', `No control list "${list}"`, {
        field: 'list',
        accepted: opened.catalogue.lists.map((l) => l.id),
      });
    }
    return c.json(
      {
        list: { id: found.id, name: found.name, version: found.version, validFrom: found.validFrom },
        entries: found.entries.map((e) => ({
          code: e.code,
          ...(e.parent ? { parent: e.parent } : {}),
          heading: e.heading,
          reasons: [...e.reasons],
          ...(isUnverified(e) ? { unverified: true } : {}),
        })),
      },
      200,
    );
  });
  app.openapi(entryRoute, async (c) => {
    const { list, code } = c.req.valid('param');
    const { at } = c.req.valid('query');
    const { db, catalogue } = deps.services;
    const opened = at ? await catalogue.at(at) : await catalogue.get();
    const view = await describeControlEntry(db, opened.catalogue, `${list}:${code}`);
    return c.json(view, 200);
  });
  app.openapi(crosswalkRoute, async (c) => {
    const { list, code } = c.req.valid('param');
    const { catalogue } = await deps.services.catalogue.get();
    const id = `${list.toUpperCase()}:${code}`;
    const found = catalogue.find(id);
    if (!found) throw new DomainError('not-found', `No entry ${id} in the catalogue`, { field: 'code' });
    return c.json(
      {
        entry: id,
        heading: found.entry.heading,
        exact: found.exact,
        counterparts: catalogue.counterparts(id),
      },
      200,
    );
  });
}
