/** A failure as both online syncs report it. */
interface FetchFailure {
  message: string;
  status?: number;
}

/** True when the failure is the network's (no answer at all), not a publisher's HTTP error or a bad file. */
export function isNetworkFailure(failure: FetchFailure): boolean {
  return (
    failure.status === undefined &&
    /request failed|no complete answer|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET/.test(
      failure.message,
    )
  );
}

/**
 * What to tell a user after an online sync that could not fetch everything:
 * what is missing, whether the network seems down, and how to point Entente at
 * a mirror instead. Empty when nothing failed.
 *
 * @example
 * for (const line of describeMissingSources(['part 774: …'], failures)) console.error(line);
 */
export function describeMissingSources(missing: string[], failures: FetchFailure[]): string[] {
  if (missing.length === 0) return [];
  const offline = failures.length > 0 && failures.every(isNetworkFailure);
  return [
    offline
      ? `No network: nothing could be fetched (${missing.length} source${missing.length === 1 ? '' : 's'} missing).`
      : `Could not fetch ${missing.length} source${missing.length === 1 ? '' : 's'}:`,
    ...missing.map((m) => `  - ${m}`),
    'To load them from a local copy instead, point Entente at a mirror laid out like ../shared/data',
    '(lists/, controls/): `entente sync --mirror DIR`, or set ENTENTE_MIRROR=DIR before `npm start`.',
    'To fetch through another server (a proxy or a private mirror of the publishers), set',
    'ENTENTE_SOURCES_BASE_URL=URL, then run `entente sync --online` again.',
  ];
}
