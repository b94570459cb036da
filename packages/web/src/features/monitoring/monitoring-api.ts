/**
 * The monitoring API as the web app uses it (routes of `api/src/routes/monitoring.ts`): the
 * signed-in organisation's alerts, a change applied to several alerts at once, and one
 * counterparty of the register. Paths in one place.
 */
import type { Alert, AlertState, Counterparty, FullRunStatus } from '@entente/core';
import { api, apiGet, seg } from '../../api/client.ts';

/** The organisation's alerts (the API scopes them to the signed-in organisation), oldest first. */
export async function listAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const body = await apiGet<{ alerts: Alert[] }>('/monitoring/alerts', undefined, signal);
  return body.alerts;
}

/** A change of state (with reason and expiry for a decision), an assignment or a comment. */
export interface AlertChangeRequest {
  state?: AlertState;
  reason?: string;
  expiresAt?: string;
  comment?: string;
}

/** What a bulk change did: the alerts changed and, one by one, those the workflow refused. */
export interface BulkChangeResult {
  alerts: Alert[];
  errors: { id: string; error: string; message: string }[];
}

/**
 * Apply one change to several alerts, one request each (each checked and audited on its own);
 * refusals are collected, not thrown. (`POST /monitoring/alerts/bulk` is registered after
 * `POST /monitoring/alerts/{id}`, which answers for it with id "bulk", so it is not used.)
 */
export async function changeAlerts(ids: string[], change: AlertChangeRequest): Promise<BulkChangeResult> {
  const result: BulkChangeResult = { alerts: [], errors: [] };
  for (const id of ids) {
    try {
      result.alerts.push(await api<Alert>('POST', `/monitoring/alerts/${seg(id)}`, change));
    } catch (e) {
      result.errors.push({
        id,
        error: (e as { code?: string }).code ?? 'error',
        message: (e as Error).message,
      });
    }
  }
  return result;
}

/** The current version of one counterparty of the organisation's register. */
export async function getCounterparty(id: string, signal?: AbortSignal): Promise<Counterparty> {
  const body = await apiGet<{ versions: Counterparty[] }>(
    `/monitoring/counterparties/${seg(id)}`,
    undefined,
    signal,
  );
  return body.versions[0]!;
}

/** Whether a full re-screen is due for the organisation, and why. */
export async function getFullRunStatus(signal?: AbortSignal): Promise<FullRunStatus> {
  const body = await apiGet<{ fullRun: FullRunStatus }>('/monitoring/status', undefined, signal);
  return body.fullRun;
}

/** Starts a full re-screen of the organisation's register in the background. */
export async function startFullRun(): Promise<void> {
  await api<{ started: boolean }>('POST', '/monitoring/runs', { full: true });
}
