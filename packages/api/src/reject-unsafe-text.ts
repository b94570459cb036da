import type { Context, MiddlewareHandler } from 'hono';
import { DomainError, findUnsafeText, unsafeTextProblem, type UnsafeTextFound } from '@entente/core';

function refuse(location: 'path' | 'query' | 'body', found: UnsafeTextFound): never {
  throw new DomainError('invalid-input', `${found.path}: contains a ${found.problem}`, {
    field: found.path,
    location,
  });
}

async function jsonBodyOf(c: Context): Promise<unknown> {
  if (!/^application\/([a-z.-]+\+)?json/i.test(c.req.header('content-type') ?? '')) return undefined;
  try {
    return await c.req.json();
  } catch {
    // Malformed JSON is the route validator's to report, with its usual message.
    return undefined;
  }
}

/**
 * Refuses, as `invalid-input` naming the field, any request whose decoded path,
 * query parameters or JSON body strings hold a NUL character or a lone
 * surrogate: PostgreSQL cannot store them, so without this check they surface
 * as internal errors deep in whichever route reached the database first.
 */
export function rejectUnsafeText(): MiddlewareHandler {
  return async (c, next) => {
    // `c.req.path` is decoded as the routes read their parameters.
    const problem = unsafeTextProblem(c.req.path);
    if (problem) refuse('path', { path: 'path', problem });
    const query = findUnsafeText(c.req.queries());
    if (query) refuse('query', { ...query, path: query.path.replace(/\.\d+$/, '') });
    const body = findUnsafeText(await jsonBodyOf(c));
    if (body) refuse('body', { ...body, path: body.path || 'body' });
    await next();
  };
}
