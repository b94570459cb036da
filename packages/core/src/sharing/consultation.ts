import { DomainError } from '../errors.ts';
import type { Decision } from './sharing-model.ts';

/** Where a consultation stands: waiting for the denying ally, answered by it, or decided. */
export type ConsultationState = 'open' | 'answered' | 'closed';

/** How long the denying agency has to answer when nothing else is configured. */
export const DEFAULT_CONSULTATION_DAYS = 30;

/** One message in a consultation. */
export interface ConsultationMessage {
  id: number;
  orgId: string;
  userId: string;
  body: string;
  at: string;
}

/** A no-undercut consultation between the agency assessing an application and the ally that denied a similar one. */
export interface Consultation {
  id: string;
  applicationId: string;
  denialId: string;
  /** The agency assessing the application. */
  requesterOrgId: string;
  /** The agency that notified the denial. */
  addresseeOrgId: string;
  state: ConsultationState;
  /** Last day (`YYYY-MM-DD`) for the denying agency to answer. */
  respondBy: string;
  /** Why Entente opened it: the match against the denial. */
  match: unknown;
  messages: ConsultationMessage[];
  decision?: Decision;
  createdAt: string;
  closedAt?: string;
}

/** Something an agency does to a consultation. */
export type ConsultationEvent =
  { type: 'message'; orgId: string } | { type: 'close'; orgId: string; decision: Decision };

/** The answer deadline: `days` after `today` (`YYYY-MM-DD`). */
export function consultationDeadline(today: string, days = DEFAULT_CONSULTATION_DAYS): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * True when the assessing agency may approve: the denying ally has answered,
 * or the answer deadline has passed (the no-undercut rule).
 */
export function mayApproveDespite(c: Pick<Consultation, 'state' | 'respondBy'>, today: string): boolean {
  return c.state === 'answered' || c.state === 'closed' || today > c.respondBy;
}

/**
 * The state after an event: the addressee's message answers it, the
 * requester's leaves it where it was, and only the requester closes it with a
 * decision (approval only once answered or past the deadline). Throws
 * `conflict` or `forbidden` on a disallowed transition.
 */
export function nextConsultationState(
  c: Pick<Consultation, 'state' | 'respondBy' | 'requesterOrgId' | 'addresseeOrgId'>,
  event: ConsultationEvent,
  today: string,
): ConsultationState {
  if (c.state === 'closed')
    throw new DomainError('conflict', 'The consultation is closed', { state: c.state });
  if (event.orgId !== c.requesterOrgId && event.orgId !== c.addresseeOrgId) {
    throw new DomainError('forbidden', 'Only the two agencies of a consultation take part in it');
  }
  if (event.type === 'message') return event.orgId === c.addresseeOrgId ? 'answered' : c.state;
  if (event.orgId !== c.requesterOrgId) {
    throw new DomainError('forbidden', 'Only the agency assessing the application closes the consultation');
  }
  if (event.decision === 'approve' && !mayApproveDespite(c, today)) {
    throw new DomainError(
      'conflict',
      `Approval must wait for the denying agency's answer or until ${c.respondBy}`,
      {
        respondBy: c.respondBy,
      },
    );
  }
  return 'closed';
}
