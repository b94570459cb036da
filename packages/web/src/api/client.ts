/** An error the API returned (`{error, message, details}`), or a network failure, as one readable message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Where the API lives: the same origin that served the app. */
const BASE = '';

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** Remembers the CSRF token of the session (from the login response). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Registers what to do when the API says the session is gone (401). */
export function onSessionLost(handler: () => void): void {
  onUnauthenticated = handler;
}

function readCsrfCookie(): string | undefined {
  const m = /(?:^|;\s*)entente_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Turns `details` of a validation error into a short readable suffix naming the field. */
function describeDetails(details: Record<string, unknown>): string {
  const issues = details.issues as { path: string; message: string }[] | undefined;
  if (issues && issues.length > 1)
    return ` (${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')})`;
  const accepted = details.accepted;
  if (typeof accepted === 'string') return ` — accepted: ${accepted}`;
  if (Array.isArray(accepted)) return ` — accepted: ${accepted.join(', ')}`;
  return '';
}

/**
 * Calls the API with JSON in and out, the session cookie and the CSRF header,
 * and throws an `ApiError` with a readable message on any failure.
 */
export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = csrfToken ?? readCsrfCookie();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network-error',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const b = (parsed ?? {}) as { error?: string; message?: string; details?: Record<string, unknown> };
    const details = b.details ?? {};
    if (res.status === 401 && path !== '/auth/login') onUnauthenticated?.();
    throw new ApiError(
      res.status,
      b.error ?? `http-${res.status}`,
      (b.message ?? `The server answered ${res.status} ${res.statusText}`) + describeDetails(details),
      details,
    );
  }
  if (parsed === undefined && text) {
    // The app shell answered instead of the API: the route does not exist on this server.
    throw new ApiError(404, 'not-available', `This server does not offer ${path.split('?')[0]} yet.`);
  }
  return parsed as T;
}

/** `GET path` with a query built from the defined values of `query`. */
export function apiGet<T>(
  path: string,
  query?: Record<string, string | number | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return api<T>('GET', qs ? `${path}?${qs}` : path, undefined, signal);
}

/** Encodes one path segment (list ids, codes, entity ids). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
