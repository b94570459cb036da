import type { Kysely, Selectable } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import {
  nextConsultationState,
  type Consultation,
  type ConsultationMessage,
  type Decision,
} from '@entente/core';
import type { AuditLog } from './audit-log.ts';
import { actorOf, isoDay, sourceOf, type Actor } from './actor.ts';
import type { ConsultationRow } from './sharing-database.ts';
import type { Database } from '../store/database.ts';

/** Which consultations to list: addressed to the agency, opened by it, or both. */
export type ConsultationBox = 'inbox' | 'outbox' | 'all';

/** A consultation from its row (messages filled in separately). */
export function consultationFromRow(
  row: Selectable<ConsultationRow>,
  messages: ConsultationMessage[] = [],
): Consultation {
  return {
    id: row.id,
    applicationId: row.application_id,
    denialId: row.denial_id,
    requesterOrgId: row.requester_org_id,
    addresseeOrgId: row.addressee_org_id,
    state: row.state as Consultation['state'],
    respondBy: row.respond_by,
    match: row.match,
    messages,
    ...(row.decision ? { decision: row.decision as Decision } : {}),
    createdAt: row.created_at,
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
  };
}

/** No-undercut consultations between two agencies: inboxes, messages, closing with the final decision. */
export class ConsultationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The actor's agency's consultations (audited as one read); exporters have none. */
  async list(actor: Actor, box: ConsultationBox = 'inbox'): Promise<Consultation[]> {
    if (actor.orgKind !== 'agency')
      throw new DomainError('forbidden', 'Only agencies take part in consultations');
    let q = this.db.selectFrom('consultations').selectAll();
    if (box === 'inbox') q = q.where('addressee_org_id', '=', actor.orgId);
    else if (box === 'outbox') q = q.where('requester_org_id', '=', actor.orgId);
    else
      q = q.where((eb) =>
        eb.or([eb('addressee_org_id', '=', actor.orgId), eb('requester_org_id', '=', actor.orgId)]),
      );
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
    await this.audit.append({
      ...actorOf(sourceOf(actor)),
      action: 'consultation.list',
      targetType: 'consultation',
      targetId: null,
      outcome: 'ok',
      details: { box, count: rows.length },
    });
    return rows.map((r) => consultationFromRow(r));
  }

  async #participant(db: Kysely<Database>, actor: Actor, id: string): Promise<Consultation> {
    const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.requester_org_id !== actor.orgId && row.addressee_org_id !== actor.orgId)) {
      throw new DomainError('not-found', `No consultation ${id}`, { id });
    }
    const messages = await db
      .selectFrom('consultation_messages')
      .selectAll()
      .where('consultation_id', '=', id)
      .orderBy('id')
      .execute();
    return consultationFromRow(
      row,
      messages.map((m) => ({ id: m.id, orgId: m.org_id, userId: m.user_id, body: m.body, at: m.at })),
    );
  }

  /** One consultation of the actor's agency, with its messages (audited). */
  async get(actor: Actor, id: string): Promise<Consultation> {
    const c = await this.#participant(this.db, actor, id);
    await this.audit.append({
      ...actorOf(sourceOf(actor)),
      action: 'consultation.read',
      targetType: 'consultation',
      targetId: id,
      outcome: 'ok',
      details: {},
    });
    return c;
  }

  /** Adds a message; the denying agency's first message moves the consultation to `answered`. */
  async addMessage(actor: Actor, id: string, body: string): Promise<Consultation> {
    const text = body.trim();
    if (!text) throw new DomainError('invalid-input', 'The message is empty', { field: 'body' });
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const c = await this.#participant(tx, actor, id);
      const state = nextConsultationState(c, { type: 'message', orgId: actor.orgId }, isoDay(now));
      await tx
        .insertInto('consultation_messages')
        .values({
          consultation_id: id,
          org_id: actor.orgId,
          user_id: actor.userId,
          body: text,
          at: now.toISOString(),
        })
        .execute();
      if (state !== c.state)
        await tx.updateTable('consultations').set({ state }).where('id', '=', id).execute();
      await this.audit.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: 'consultation.message',
        targetType: 'consultation',
        targetId: id,
        outcome: 'ok',
        details: { state },
      });
    });
    return this.#participant(this.db, actor, id);
  }

  /** Closes a consultation with the assessing agency's final decision (approval only once answered or overdue). */
  async close(actor: Actor, id: string, decision: Decision): Promise<Consultation> {
    await this.db.transaction().execute((tx) => this.closeIn(tx, actor, id, decision));
    return this.#participant(this.db, actor, id);
  }

  /** `close` inside a caller's transaction (deciding an application closes its consultations). */
  async closeIn(tx: Kysely<Database>, actor: Actor, id: string, decision: Decision): Promise<void> {
    const now = this.clock.now();
    const c = await this.#participant(tx, actor, id);
    nextConsultationState(c, { type: 'close', orgId: actor.orgId, decision }, isoDay(now));
    await tx
      .updateTable('consultations')
      .set({ state: 'closed', decision, closed_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await this.audit.appendIn(tx, {
      ...actorOf(sourceOf(actor)),
      action: 'consultation.close',
      targetType: 'consultation',
      targetId: id,
      outcome: 'ok',
      details: { decision },
    });
  }
}
