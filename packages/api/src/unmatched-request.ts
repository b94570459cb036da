import { DomainError } from '@entente/core';

/** A route as Hono lists it in `app.routes`. */
export interface RegisteredRoute {
  method: string;
  path: string;
}

/** A route path (`/parties/:id`, `/x/:code{[A-Z]+}`) as an anchored regular expression. */
function pathPattern(routePath: string): RegExp {
  const source = routePath
    .split('/')
    .map((segment) => {
      const param = /^:[^{]+(?:\{(.+)\})?(\?)?$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `(?:${param[1] ?? '[^/]+'})${param[2] ?? ''}`;
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The error for a request no route answered: `method-not-allowed` (with the
 * methods the path takes) when the path is an API route under another method,
 * else `not-found`. Middleware (`ALL`) and wildcard routes (static files) do
 * not count as routes of a path.
 */
export function unmatchedRequestError(
  routes: readonly RegisteredRoute[],
  method: string,
  requestPath: string,
): DomainError {
  const allowed = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    if (pathPattern(route.path).test(requestPath)) allowed.add(route.method);
  }
  if (allowed.size > 0 && !allowed.has(method)) {
    const methods = [...allowed].sort();
    return new DomainError(
      'method-not-allowed',
      `${method} is not allowed on ${requestPath}; use ${methods.join(', ')}`,
      {
        method,
        allowed: methods,
      },
    );
  }
  return new DomainError('not-found', `No such path: ${method} ${requestPath}`, { path: requestPath });
}
