import { randomBytes } from 'node:crypto';
import type { ColumnType, Kysely, Selectable } from 'kysely';
import {
  DomainError,
  type Clock,
  type DecisionRecord,
  type DecisionRecordHead,
  type NewDecisionRecord,
} from '@entente/core';
import { canonicalJson, contentHash } from '../store/content-hash.ts';
import type { Database } from '../store/database.ts';

/** How long a decision record must stay retrievable (export records: five years). */
const RETENTION_YEARS = 5;

type Json = ColumnType<unknown, string, never>;

/** Row of `decision_records` (005-decision-records.sql). */
interface DecisionRecordRow {
  id: string;
  kind: string;
  created_at: string;
  retain_until: string;
  channel: string;
  user_id: string | null;
  org_id: string | null;
  inputs: Json;
  data_versions: Json;
  outputs: Json;
  summary: Json;
  content_hash: string;
}

/** The decision-record table (005-decision-records.sql). */
export interface DecisionTables {
  decision_records: DecisionRecordRow;
}

const ID_PATTERN = /^dr_[A-Za-z0-9_-]{16}$/;
const systemClock: Clock = { now: () => new Date() };

function headFromRow(
  r: Pick<
    Selectable<DecisionRecordRow>,
    | 'id'
    | 'kind'
    | 'created_at'
    | 'retain_until'
    | 'channel'
    | 'user_id'
    | 'org_id'
    | 'summary'
    | 'content_hash'
  >,
): DecisionRecordHead {
  return {
    id: r.id,
    kind: r.kind as DecisionRecord['kind'],
    createdAt: r.created_at,
    retainUntil: r.retain_until,
    channel: r.channel as DecisionRecord['channel'],
    ...(r.user_id ? { userId: r.user_id } : {}),
    ...(r.org_id ? { orgId: r.org_id } : {}),
    summary: r.summary as DecisionRecord['summary'],
    contentHash: r.content_hash,
  };
}

/** The time `years` later, on the same calendar day (UTC). */
function addYears(iso: string, years: number): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/**
 * Append-only storage of decision records over the store's database: a
 * record is written once and never changed (the table's trigger refuses
 * UPDATE, DELETE and TRUNCATE), and is readable by id for the retention period.
 */
export class DecisionRecordStore {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {
    this.db = db;
  }

  /** Writes a new record and returns it with its id, times and content hash. */
  async record(input: NewDecisionRecord): Promise<DecisionRecord> {
    const createdAt = this.clock.now().toISOString();
    const body = {
      ...input,
      id: `dr_${randomBytes(12).toString('base64url')}`,
      createdAt,
      retainUntil: addYears(createdAt, RETENTION_YEARS),
    };
    const record: DecisionRecord = { ...body, contentHash: contentHash(body) };
    await this.db
      .insertInto('decision_records')
      .values({
        id: record.id,
        kind: record.kind,
        created_at: record.createdAt,
        retain_until: record.retainUntil,
        channel: record.channel,
        user_id: record.userId ?? null,
        org_id: record.orgId ?? null,
        inputs: canonicalJson(record.inputs),
        data_versions: canonicalJson(record.dataVersions),
        outputs: canonicalJson(record.outputs),
        summary: canonicalJson(record.summary),
        content_hash: record.contentHash,
      } as never)
      .execute();
    return record;
  }

  /** One record by id; with `orgId`, only a record of that organisation. */
  async get(id: string, scope: { orgId?: string } = {}): Promise<DecisionRecord | undefined> {
    if (!ID_PATTERN.test(id))
      throw new DomainError('invalid-input', `"${id}" is not a decision record id`, {
        field: 'id',
        accepted: 'dr_ followed by 16 characters',
      });
    let q = this.db.selectFrom('decision_records').selectAll().where('id', '=', id);
    if (scope.orgId !== undefined) q = q.where('org_id', '=', scope.orgId);
    const r = await q.executeTakeFirst();
    if (!r) return undefined;
    return {
      ...(headFromRow(r) as DecisionRecordHead),
      inputs: r.inputs,
      dataVersions: r.data_versions as DecisionRecord['dataVersions'],
      outputs: r.outputs,
    };
  }

  /** Records newest first, without inputs and outputs; only one organisation's when `orgId` is given. */
  async list(options: { orgId?: string; limit?: number } = {}): Promise<DecisionRecordHead[]> {
    let q = this.db
      .selectFrom('decision_records')
      .select([
        'id',
        'kind',
        'created_at',
        'retain_until',
        'channel',
        'user_id',
        'org_id',
        'summary',
        'content_hash',
      ]);
    if (options.orgId !== undefined) q = q.where('org_id', '=', options.orgId);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map(headFromRow);
  }

  /** True when the stored record still hashes to its content hash. */
  static verify(record: DecisionRecord): boolean {
    const { contentHash: hash, ...body } = record;
    return contentHash(body) === hash;
  }
}
