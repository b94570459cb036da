import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  ownershipLinksOf,
  type Counterparty,
  type OwnershipLink,
  type RegisterFormat,
  type StoredCounterparty,
} from '@entente/core';
import { contentHash } from '../store/content-hash.ts';
import { AuditLog } from '../sharing/audit-log.ts';
import { actorOf, type AuditSource } from '../sharing/actor.ts';
import type { Database } from '../store/database.ts';

/** What a register import stored (nothing when `created` is false: every row was already current). */
export interface RegisterImportResult {
  importId?: string;
  created: boolean;
  rows: number;
  added: string[];
  changed: string[];
  unchanged: number;
}

/** A stored counterparty with the change number monitoring follows. */
export interface RegisterEntry extends StoredCounterparty {
  changeSeq: number;
}

interface CounterpartyRow {
  org_id: string;
  id: string;
  version: number;
  change_seq: string | number;
  data: unknown;
  recorded_at: Date | string;
}

const systemClock = { now: () => new Date() };

function entryFromRow(r: CounterpartyRow): RegisterEntry {
  return {
    ...(r.data as Counterparty),
    orgId: r.org_id,
    version: r.version,
    updatedAt: new Date(r.recorded_at).toISOString(),
    changeSeq: Number(r.change_seq),
  };
}

/**
 * The counterparty registers of every organisation over Kysely: versioned rows (a new
 * version only for a changed counterparty, so re-importing a file is a no-op), the
 * current ownership links, and an audited import record. Imports of one organisation
 * run one at a time (advisory lock); every query is scoped by organisation.
 */
export class RegisterStore {
  readonly #audit: AuditLog;

  constructor(private readonly db: Kysely<Database>) {
    this.#audit = new AuditLog(db, systemClock);
  }

  /** Stores the counterparties that are new or changed, in one transaction, and audits the import. */
  async saveRegister(
    orgId: string,
    file: string,
    format: RegisterFormat,
    counterparties: Counterparty[],
    by: AuditSource,
  ): Promise<RegisterImportResult> {
    return this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${'entente-register:' + orgId}))`.execute(tx);
      const current = new Map(
        (
          await tx
            .selectFrom('counterparties')
            .select(['id', 'version', 'content_hash'])
            .where('org_id', '=', orgId)
            .where('superseded_at', 'is', null)
            .execute()
        ).map((r) => [r.id as string, r as { version: number; content_hash: string }]),
      );
      const result: RegisterImportResult = {
        created: false,
        rows: counterparties.length,
        added: [],
        changed: [],
        unchanged: 0,
      };
      const writes = counterparties.flatMap((c) => {
        const hash = contentHash(c);
        const before = current.get(c.id);
        if (before?.content_hash === hash) {
          result.unchanged++;
          return [];
        }
        (before ? result.changed : result.added).push(c.id);
        return [{ c, hash, version: (before?.version ?? 0) + 1 }];
      });
      if (writes.length === 0) return result;
      const importId = randomUUID();
      await tx
        .insertInto('counterparty_imports')
        .values({
          id: importId,
          org_id: orgId,
          file,
          format,
          rows: counterparties.length,
          added: result.added.length,
          changed: result.changed.length,
          unchanged: result.unchanged,
          imported_by: by.userId ?? 'cli',
        })
        .execute();
      if (result.changed.length > 0)
        await tx
          .updateTable('counterparties')
          .set({ superseded_at: sql`now()` })
          .where('org_id', '=', orgId)
          .where('id', 'in', result.changed)
          .where('superseded_at', 'is', null)
          .execute();
      for (let i = 0; i < writes.length; i += 1000) {
        const page = writes.slice(i, i + 1000);
        await tx
          .insertInto('counterparties')
          .values(
            page.map(({ c, hash, version }) => ({
              org_id: orgId,
              id: c.id,
              version,
              name: c.names[0] ?? '',
              content_hash: hash,
              data: JSON.stringify(c),
              import_id: importId,
            })),
          )
          .execute();
        const pageIds = page.map((w) => w.c.id);
        await tx
          .deleteFrom('ownership_links')
          .where('org_id', '=', orgId)
          .where('owned_id', 'in', pageIds)
          .execute();
        const links = page.flatMap((w) => ownershipLinksOf(w.c));
        if (links.length > 0)
          await tx
            .insertInto('ownership_links')
            .values(
              links.map((l) => ({
                org_id: orgId,
                owner_id: l.ownerId,
                owned_id: l.ownedId,
                share: l.share ?? null,
                controls: l.controls ?? false,
              })),
            )
            .execute();
      }
      await this.#audit.appendIn(tx, {
        ...actorOf(by),
        action: 'monitor.register-import',
        targetType: 'counterparty-import',
        targetId: importId,
        outcome: 'ok',
        details: {
          orgId,
          file,
          rows: counterparties.length,
          added: result.added.length,
          changed: result.changed.length,
          unchanged: result.unchanged,
        },
      });
      return { ...result, created: true, importId };
    });
  }

  /** The organisation's current counterparties, by id; changed since `afterSeq` when given. */
  async counterparties(orgId: string, afterSeq?: number): Promise<RegisterEntry[]> {
    let q = this.db
      .selectFrom('counterparties')
      .select(['org_id', 'id', 'version', 'change_seq', 'data', 'recorded_at'])
      .where('org_id', '=', orgId)
      .where('superseded_at', 'is', null);
    if (afterSeq !== undefined) q = q.where('change_seq', '>', afterSeq);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => entryFromRow(r as CounterpartyRow));
  }

  /** Every version of one counterparty of the organisation, newest first (empty for another organisation's id). */
  async history(orgId: string, id: string): Promise<RegisterEntry[]> {
    const rows = await this.db
      .selectFrom('counterparties')
      .select(['org_id', 'id', 'version', 'change_seq', 'data', 'recorded_at'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => entryFromRow(r as CounterpartyRow));
  }

  /** The ids in the organisation's register. */
  async counterpartyIds(orgId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('counterparties')
      .select('id')
      .where('org_id', '=', orgId)
      .where('superseded_at', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.id as string));
  }

  /** The highest change number of the organisation's register (0 when empty). */
  async registerPosition(orgId: string): Promise<number> {
    const r = await sql<{
      n: string | null;
    }>`select max(change_seq) as n from counterparties where org_id = ${orgId}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** The organisation's current ownership links. */
  async ownershipLinks(orgId: string): Promise<OwnershipLink[]> {
    const rows = await this.db
      .selectFrom('ownership_links')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('owned_id')
      .orderBy('owner_id')
      .execute();
    return rows.map((r) => ({
      ownerId: r.owner_id as string,
      ownedId: r.owned_id as string,
      ...(r.share !== null ? { share: Number(r.share) } : {}),
      ...(r.controls ? { controls: true } : {}),
    }));
  }

  /** Organisations that have a register. */
  async organisationsWithRegister(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('counterparties')
      .select('org_id')
      .distinct()
      .orderBy('org_id')
      .execute();
    return rows.map((r) => r.org_id as string);
  }
}
