import { sql, type Kysely, type Selectable } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import {
  canSeeDenial,
  checkDenialInput,
  type Denial,
  type DenialInput,
  type SharingGroup,
  type Viewer,
} from '@entente/core';
import { denialReadsOf, type AuditLog } from './audit-log.ts';
import { actorOf, sourceOf, type Actor } from './actor.ts';
import type { DenialRow } from './sharing-database.ts';
import { newId } from './secrets.ts';
import type { Database } from '../store/database.ts';

type DenialData = Pick<Denial, 'items' | 'parties' | 'endUse' | 'reason' | 'notifyingGovernment'>;

/** A denial from its row. */
export function denialFromRow(row: Selectable<DenialRow>): Denial {
  const data = row.data as DenialData;
  return {
    id: row.id,
    orgId: row.org_id,
    ...(row.reference ? { reference: row.reference } : {}),
    deniedOn: row.denied_on,
    validUntil: row.valid_until,
    destination: row.destination,
    items: data.items,
    parties: data.parties,
    endUse: data.endUse,
    reason: data.reason,
    ...(data.notifyingGovernment ? { notifyingGovernment: data.notifyingGovernment } : {}),
    scope: { regimes: row.scope_regimes as SharingGroup[], agencies: row.scope_agencies },
    status: row.status as Denial['status'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.revoke_reason ? { revokeReason: row.revoke_reason } : {}),
  };
}

function dataOf(d: DenialInput): string {
  const data: DenialData = {
    items: d.items,
    parties: d.parties,
    endUse: d.endUse,
    reason: d.reason,
    notifyingGovernment: d.notifyingGovernment,
  };
  return JSON.stringify(data);
}

/** How much one agency may store and import. */
export interface DenialLimits {
  /** Data rows in one denial import file. */
  importRows: number;
  /** Denials one agency keeps (revoked ones included: they stay stored). */
  storedPerOrg: number;
}

/** Defaults: 10,000 rows per import file (about 1 MB), 50,000 denials per agency. */
export const DEFAULT_DENIAL_LIMITS: DenialLimits = Object.freeze({
  importRows: 10_000,
  storedPerOrg: 50_000,
});

/** The channel every process notifies when it changes a denial (PostgreSQL LISTEN/NOTIFY). */
export const DENIAL_CHANGE_CHANNEL = 'entente_denial_changes';

/** Denials inserted per statement (15 parameters each, well under PostgreSQL's 65,535). */
const INSERT_PAGE = 1000;

/** The next change number, taken under the audit chain's lock so numbers follow commit order. */
const nextChange = () => sql<string>`nextval('denial_change_seq')`;

/** Tells every API node, in the writing transaction, that denials changed (their screening indexes patch). */
async function notifyChange(tx: Kysely<Database>): Promise<void> {
  await sql`select pg_notify(${DENIAL_CHANGE_CHANNEL}, '')`.execute(tx);
}

/** Throws unless the actor is an agency officer who may notify denials. */
function assertNotifier(actor: Actor): void {
  if (actor.orgKind !== 'agency') throw new DomainError('forbidden', 'Only agencies notify denials');
}

/** Denial notifications: recorded by an agency, seen by the allies it shares them with. */
export class DenialStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly limits: DenialLimits = DEFAULT_DENIAL_LIMITS,
    /** Called after a change commits (this process's denial screening index patches on its next read). */
    private readonly onChange: () => void = () => {},
  ) {}

  /** The viewer an actor is (its organisation's kind and regimes). */
  async viewerOf(actor: Pick<Actor, 'orgId'>): Promise<Viewer> {
    const org = await this.db
      .selectFrom('organisations')
      .select(['kind', 'regimes'])
      .where('id', '=', actor.orgId)
      .executeTakeFirst();
    return {
      orgId: actor.orgId,
      kind: (org?.kind ?? 'exporter') as Viewer['kind'],
      regimes: (org?.regimes ?? []) as SharingGroup[],
    };
  }

  async #checkScopeAgencies(tx: Kysely<Database>, agencies: string[]): Promise<void> {
    if (agencies.length === 0) return;
    const found = await tx
      .selectFrom('organisations')
      .select('id')
      .where('id', 'in', agencies)
      .where('kind', '=', 'agency')
      .execute();
    const missing = agencies.find((a) => !found.some((f) => f.id === a));
    if (missing)
      throw new DomainError('invalid-input', `No agency ${missing} to share with`, {
        field: 'scope.agencies',
      });
  }

  /** Records denials for the actor's agency in one transaction (one for POST, many for an import). */
  async createMany(actor: Actor, inputs: DenialInput[], via: 'api' | 'import' = 'api'): Promise<Denial[]> {
    assertNotifier(actor);
    const checked = inputs.map(checkDenialInput);
    const now = this.clock.now().toISOString();
    const created = await this.db.transaction().execute(async (tx) => {
      await this.audit.lockIn(tx);
      await this.#checkQuota(tx, actor.orgId, checked.length);
      await this.#checkScopeAgencies(tx, [...new Set(checked.flatMap((d) => d.scope.agencies))]);
      const out: Denial[] = checked.map((d) => ({
        ...d,
        id: newId('den'),
        orgId: actor.orgId,
        status: 'active',
        version: 1,
        createdAt: now,
        updatedAt: now,
      }));
      // A page of rows per statement: an import of 10,000 denials is a few dozen statements.
      for (let i = 0; i < out.length; i += INSERT_PAGE)
        await tx
          .insertInto('denials')
          .values(
            out.slice(i, i + INSERT_PAGE).map((d) => ({
              id: d.id,
              org_id: actor.orgId,
              reference: d.reference ?? null,
              status: 'active',
              denied_on: d.deniedOn,
              valid_until: d.validUntil,
              destination: d.destination,
              scope_regimes: JSON.stringify(d.scope.regimes),
              scope_agencies: JSON.stringify(d.scope.agencies),
              data: dataOf(d),
              version: 1,
              created_at: now,
              updated_at: now,
              revoked_at: null,
              revoke_reason: null,
            })),
          )
          .execute();
      await this.audit.appendManyIn(
        tx,
        out.map((d) => ({
          ...actorOf(sourceOf(actor)),
          action: 'denial.create',
          targetType: 'denial',
          targetId: d.id,
          outcome: 'ok',
          details: { via, destination: d.destination },
        })),
      );
      await notifyChange(tx);
      return out;
    });
    this.onChange();
    return created;
  }

  /** Refuses to store more than the per-agency quota (counted under the lock, so parallel imports cannot both pass). */
  async #checkQuota(tx: Kysely<Database>, orgId: string, adding: number): Promise<void> {
    const row = await tx
      .selectFrom('denials')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    const stored = Number(row?.n ?? 0);
    const max = this.limits.storedPerOrg;
    if (stored + adding > max)
      throw new DomainError(
        'limit-exceeded',
        `An agency keeps at most ${max} denials: ${stored} stored, ${adding} more would make ${stored + adding}`,
        { limit: 'stored-denials', max, count: stored + adding, stored },
      );
  }

  /** Every denial the actor may see (audited as one read). */
  async list(actor: Actor, options: { includeInvalid?: boolean } = {}): Promise<Denial[]> {
    const denials = await this.visibleTo(await this.viewerOf(actor), options);
    await this.audit.append(
      {
        ...actorOf(sourceOf(actor)),
        action: 'denial.list',
        targetType: 'denial',
        targetId: null,
        outcome: 'ok',
        details: { count: denials.length },
      },
      denialReadsOf(actor.orgId, denials),
    );
    return denials;
  }

  /** Denials a viewer may see, without auditing (callers audit what they do with them). */
  async visibleTo(viewer: Viewer, options: { includeInvalid?: boolean } = {}): Promise<Denial[]> {
    if (viewer.kind !== 'agency') return [];
    let q = this.db.selectFrom('denials').selectAll();
    if (!options.includeInvalid)
      q = q
        .where('status', '=', 'active')
        .where('valid_until', '>=', this.clock.now().toISOString().slice(0, 10));
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(denialFromRow).filter((d) => canSeeDenial(viewer, d));
  }

  /** One denial the actor may see (audited); `not-found` when it does not exist or is not shared with the actor. */
  async get(actor: Actor, id: string): Promise<Denial> {
    const denial = await this.#visible(actor, id);
    await this.audit.append(
      {
        ...actorOf(sourceOf(actor)),
        action: 'denial.read',
        targetType: 'denial',
        targetId: id,
        outcome: 'ok',
        details: {},
      },
      denialReadsOf(actor.orgId, [denial]),
    );
    return denial;
  }

  async #visible(actor: Actor, id: string): Promise<Denial> {
    const row = await this.db.selectFrom('denials').selectAll().where('id', '=', id).executeTakeFirst();
    const denial = row ? denialFromRow(row) : undefined;
    if (!denial || !canSeeDenial(await this.viewerOf(actor), denial))
      throw new DomainError('not-found', `No denial ${id}`, { id });
    return denial;
  }

  async #owned(actor: Actor, id: string): Promise<Denial> {
    assertNotifier(actor);
    const denial = await this.#visible(actor, id);
    if (denial.orgId !== actor.orgId)
      throw new DomainError('forbidden', 'Only the notifying agency changes a denial', { id });
    return denial;
  }

  /** Amends a denial of the actor's agency (a new version; the previous one is kept). */
  async amend(actor: Actor, id: string, changes: Partial<Omit<DenialInput, 'reference'>>): Promise<Denial> {
    const current = await this.#owned(actor, id);
    if (current.status === 'revoked')
      throw new DomainError('conflict', 'A revoked denial cannot be amended', { id });
    const next = checkDenialInput({
      ...current,
      ...changes,
      validUntil: changes.validUntil ?? (changes.deniedOn ? undefined : current.validUntil),
    });
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await this.audit.lockIn(tx);
      await this.#checkScopeAgencies(tx, next.scope.agencies);
      await tx
        .insertInto('denial_versions')
        .values({ denial_id: id, version: current.version, data: JSON.stringify(current), replaced_at: now })
        .execute();
      await tx
        .updateTable('denials')
        .set({
          denied_on: next.deniedOn,
          valid_until: next.validUntil,
          destination: next.destination,
          scope_regimes: JSON.stringify(next.scope.regimes),
          scope_agencies: JSON.stringify(next.scope.agencies),
          data: dataOf(next),
          version: current.version + 1,
          updated_at: now,
          change_seq: nextChange(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: 'denial.amend',
        targetType: 'denial',
        targetId: id,
        outcome: 'ok',
        details: { version: current.version + 1, fields: Object.keys(changes).sort().join(',') },
      });
      await notifyChange(tx);
    });
    this.onChange();
    return { ...current, ...next, version: current.version + 1, updatedAt: now };
  }

  /** Revokes a denial of the actor's agency; it stops being matched and screened. */
  async revoke(actor: Actor, id: string, reason: string): Promise<Denial> {
    const current = await this.#owned(actor, id);
    if (current.status === 'revoked')
      throw new DomainError('conflict', 'The denial is already revoked', { id });
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await this.audit.lockIn(tx);
      await tx
        .updateTable('denials')
        .set({
          status: 'revoked',
          revoked_at: now,
          revoke_reason: reason,
          updated_at: now,
          change_seq: nextChange(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: 'denial.revoke',
        targetType: 'denial',
        targetId: id,
        outcome: 'ok',
        details: {},
      });
      await notifyChange(tx);
    });
    this.onChange();
    return { ...current, status: 'revoked', revokedAt: now, revokeReason: reason, updatedAt: now };
  }
}
