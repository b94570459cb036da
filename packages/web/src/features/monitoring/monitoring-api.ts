/**
 * The monitoring API as the web app uses it: the signed-in organisation's
 * alerts, one alert, a state change, and a counterparty of the register. Paths
 * in one place, so that the pages follow the API's routes in one edit.
 */
import type { Alert, AlertState, Counterparty } from '@entente/core';
import { api, apiGet, seg } from '../../api/client.ts';

/** The organisation's alerts (the API scopes them to the signed-in organisation). */
export async function listAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const body = await apiGet<{ alerts: Alert[] } | Alert[]>('/monitor/alerts', { limit: 5000 }, signal);
  return Array.isArray(body) ? body : body.alerts;
}

/** A change of state (with reason and expiry for a decision), an assignment or a comment. */
export interface AlertChangeRequest {
  state?: AlertState;
  reason?: string;
  expiresAt?: string;
  comment?: string;
}

/** Apply one change to one alert; the API refuses a transition the workflow does not allow. */
export function changeAlert(id: string, change: AlertChangeRequest): Promise<Alert> {
  return api<Alert>('PATCH', `/monitor/alerts/${seg(id)}`, change);
}

/** One counterparty of the organisation's register, as imported. */
export function getCounterparty(id: string, signal?: AbortSignal): Promise<Counterparty> {
  return apiGet<Counterparty>(`/monitor/counterparties/${seg(id)}`, undefined, signal);
}
