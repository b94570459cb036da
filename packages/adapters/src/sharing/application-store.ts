import type { Kysely, Selectable } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import {
  checkApplicationInput,
  consultationDeadline,
  findMatchingDenials,
  mayApproveDespite,
  type Application,
  type ApplicationInput,
  type Consultation,
  type Decision,
  type DenialInput,
  type DenialMatch,
  type DenialMatcher,
} from '@entente/core';
import type { AuditLog } from './audit-log.ts';
import { actorOf, isoDay, sourceOf, type Actor } from './actor.ts';
import type { ConsultationStore } from './consultation-store.ts';
import { consultationFromRow } from './consultation-store.ts';
import type { DenialStore } from './denial-store.ts';
import type { ApplicationRow } from './sharing-database.ts';
import { newId } from './secrets.ts';
import type { Database } from '../store/database.ts';

/** An application from its row. */
export function applicationFromRow(row: Selectable<ApplicationRow>): Application {
  const data = row.data as ApplicationInput;
  return {
    ...data,
    id: row.id,
    orgId: row.org_id,
    status: row.status as Application['status'],
    createdAt: row.created_at,
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.denial_id ? { denialId: row.denial_id } : {}),
  };
}

/** What recording an application returns: it, the denials it matches, and the consultations opened. */
export interface RecordedApplication {
  application: Application;
  matches: DenialMatch[];
  consultations: Consultation[];
}

/** How a denial decision becomes a denial notification. */
export type DenyDetails = Pick<DenialInput, 'reason' | 'scope'> &
  Partial<Pick<DenialInput, 'validUntil' | 'reference'>>;

/** Licence applications an agency assesses, checked against allies' denials (no-undercut). */
export class ApplicationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly denials: DenialStore,
    private readonly consultations: ConsultationStore,
    private readonly matcher: DenialMatcher | (() => Promise<DenialMatcher>),
    private readonly consultationDays: number,
  ) {}

  /**
   * Records an application; every valid denial by another ally that it is
   * essentially identical to is flagged and opens a consultation addressed to
   * the denying agency, all in one transaction.
   */
  async record(actor: Actor, input: ApplicationInput): Promise<RecordedApplication> {
    if (actor.orgKind !== 'agency')
      throw new DomainError('forbidden', 'Only agencies record licence applications');
    const app = checkApplicationInput(input);
    const now = this.clock.now();
    const today = isoDay(now);
    const visible = await this.denials.visibleTo(await this.denials.viewerOf(actor));
    const matcher = typeof this.matcher === 'function' ? await this.matcher() : this.matcher;
    const matches = findMatchingDenials(app, actor.orgId, visible, today, matcher);
    const application: Application = {
      ...app,
      id: newId('app'),
      orgId: actor.orgId,
      status: 'pending',
      createdAt: now.toISOString(),
    };
    const opened: Consultation[] = [];
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('applications')
        .values({
          id: application.id,
          org_id: actor.orgId,
          created_by: actor.userId,
          status: 'pending',
          data: JSON.stringify(app),
          denial_id: null,
          created_at: application.createdAt,
          decided_at: null,
        })
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: 'application.create',
        targetType: 'application',
        targetId: application.id,
        outcome: 'ok',
        details: { matches: matches.length, matchedDenials: matches.map((m) => m.denialId).join(',') },
      });
      for (const match of matches) {
        const row = {
          id: newId('con'),
          application_id: application.id,
          denial_id: match.denialId,
          requester_org_id: actor.orgId,
          addressee_org_id: match.denyingOrgId,
          state: 'open',
          respond_by: consultationDeadline(today, this.consultationDays),
          match: JSON.stringify(match),
          decision: null,
          created_at: now.toISOString(),
          closed_at: null,
        };
        await tx.insertInto('consultations').values(row).execute();
        await this.audit.appendIn(tx, {
          ...actorOf(sourceOf(actor)),
          action: 'consultation.open',
          targetType: 'consultation',
          targetId: row.id,
          outcome: 'ok',
          details: { denial: match.denialId, addressee: match.denyingOrgId },
        });
        opened.push(consultationFromRow({ ...row, match }));
      }
    });
    return { application, matches, consultations: opened };
  }

  /** The actor's agency's applications, newest first. */
  async list(actor: Actor): Promise<Application[]> {
    const rows = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(applicationFromRow);
  }

  /** One application of the actor's agency; `not-found` for any other. */
  async get(actor: Actor, id: string): Promise<Application> {
    const row = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', actor.orgId)
      .executeTakeFirst();
    if (!row) throw new DomainError('not-found', `No application ${id}`, { id });
    return applicationFromRow(row);
  }

  /**
   * Decides a pending application. Approval waits until every consultation is
   * answered or overdue; a denial creates a denial notification. Either way
   * the application's consultations are closed with the decision.
   */
  async decide(actor: Actor, id: string, decision: Decision, deny?: DenyDetails): Promise<Application> {
    const app = await this.get(actor, id);
    if (app.status !== 'pending')
      throw new DomainError('conflict', `The application is already ${app.status}`, { id });
    const today = isoDay(this.clock.now());
    const cons = await this.db
      .selectFrom('consultations')
      .selectAll()
      .where('application_id', '=', id)
      .where('state', '!=', 'closed')
      .execute();
    if (decision === 'approve') {
      const waiting = cons.map((r) => consultationFromRow(r)).find((c) => !mayApproveDespite(c, today));
      if (waiting)
        throw new DomainError(
          'conflict',
          `Consultation ${waiting.id} awaits the denying agency's answer until ${waiting.respondBy}`,
          { consultation: waiting.id, respondBy: waiting.respondBy },
        );
    } else if (!deny) {
      throw new DomainError('invalid-input', 'A denial needs its reason and sharing scope', {
        field: 'reason',
      });
    }
    const denial =
      decision === 'deny'
        ? (
            await this.denials.createMany(actor, [
              {
                ...deny!,
                deniedOn: today,
                items: app.items,
                parties: app.parties,
                destination: app.destination,
                endUse: app.endUse,
              },
            ])
          )[0]
        : undefined;
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('applications')
        .set({
          status: decision === 'approve' ? 'approved' : 'denied',
          decided_at: now,
          denial_id: denial?.id ?? null,
        })
        .where('id', '=', id)
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: 'application.decide',
        targetType: 'application',
        targetId: id,
        outcome: 'ok',
        details: { decision, denial: denial?.id ?? null },
      });
      for (const c of cons) await this.consultations.closeIn(tx, actor, c.id, decision);
    });
    return this.get(actor, id);
  }
}
