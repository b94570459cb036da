import { z } from '@hono/zod-openapi';
import { ErrorBody } from '../error-body.ts';

/** A JSON response declaration. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error responses of a route over one organisation's records; a route spreads them after its own. */
export const ORG_ERRORS = {
  400: json(ErrorBody, 'Invalid input'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Not allowed'),
  404: json(ErrorBody, 'Not found'),
};

/** Every signed-in role may read. */
export const READERS = { roles: 'any' as const };

/** The roles that may change an organisation's clearances, register and alerts. */
export const WRITERS = {
  roles: ['admin', 'compliance-officer', 'licensing-officer'] as (
    'admin' | 'compliance-officer' | 'licensing-officer'
  )[],
};

/** An `{id}` path parameter. */
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/**
 * Checks at compile time that every value of the core type `T` is a valid output of
 * the schema, so a route can return `T` without a cast and its OpenAPI document covers it.
 *
 * @example
 * const Alert = describes<CoreAlert>()(z.object({ … }).openapi('MonitorAlert'));
 */
export function describes<T>() {
  return <S extends z.ZodType>(schema: S & ([T] extends [z.output<S>] ? unknown : never)): S => schema;
}
