import { sql, type Insertable, type Kysely } from 'kysely';
import type { NameLink, Resolution } from '@entente/core';
import type { SubjectDatabase, SubjectMemberRow, SubjectNameLinkRow } from './subject-database.ts';

const PAGE = 500;

/** The rows a resolution was stored as, by key, so the next one writes only what differs. */
export interface StoredRows {
  /** Run id the rows belong to. */
  runId: number;
  members: Map<string, string>;
  links: Map<string, string>;
  /** Member and link rows this run wrote (all of them when the tables were rewritten). */
  written: number;
}

/** What one run was, for `subject_runs`. */
export interface RunFacts {
  startedAt: string;
  mode: string;
  versions: Record<string, number>;
  listings: number;
  screened: number;
  seconds: number;
  /** The name link rules the links were made under (`NAME_LINK_RULES_VERSION`). */
  linkRules: string;
}

/** Links deleted one statement each beyond which rewriting the tables is cheaper. */
const MAX_PATCH = 2_000;

const memberRows = (resolution: Resolution): Insertable<SubjectMemberRow>[] =>
  resolution.subjects.flatMap((s) =>
    s.members.map((m) => ({
      entity_id: m.entityId,
      subject_id: s.id,
      subject_name: s.name,
      source: m.source,
      jurisdiction: m.jurisdiction ?? null,
      version_id: m.versionId,
      is_current: m.current,
      via: JSON.stringify(m.via ?? null),
    })),
  );

const linkRows = (links: NameLink[]): Insertable<SubjectNameLinkRow>[] =>
  links.map((l) => ({
    a: l.a,
    b: l.b,
    score: l.score,
    automatic: l.automatic,
    evidence: JSON.stringify(l.evidence),
  }));

/**
 * A member row as compared with the stored one: without its version id, so that a new version of
 * a source rewrites only the listings it changed, not every listing of the source.
 */
const memberText = ({ version_id: _version, ...rest }: Insertable<SubjectMemberRow>): string =>
  JSON.stringify(rest);

/** Rows by key, and those that differ from `before` (all when there is no `before`). */
function changes<R>(
  rows: R[],
  keyOf: (r: R) => string,
  before: Map<string, string> | undefined,
  textOf: (r: R) => string = (r) => JSON.stringify(r),
) {
  const now = new Map<string, string>();
  const write: R[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    const text = textOf(r);
    now.set(key, text);
    if (before?.get(key) !== text) write.push(r);
  }
  // Keys to delete first: changed rows (rewritten) and rows gone.
  const drop = before ? [...before.keys()].filter((k) => now.get(k) !== before.get(k)) : [];
  return { now, write, drop };
}

/**
 * Stores a resolution, its name links and the run in one transaction. With
 * the rows of the previous run (`before`, when it is still the latest run in
 * the store) only the rows that differ are deleted and written, so a new list
 * version costs a few rows rather than the whole table; otherwise both
 * tables are rewritten. Returns the rows as stored, for the next run.
 */
export async function saveResolution(
  db: Kysely<SubjectDatabase>,
  resolution: Resolution,
  links: NameLink[],
  run: RunFacts,
  before?: StoredRows,
): Promise<StoredRows> {
  const plan = (base: StoredRows | undefined) => ({
    members: changes(memberRows(resolution), (r) => r.entity_id, base?.members, memberText),
    pairs: changes(linkRows(links), (r) => `${r.a}\n${r.b}`, base?.links),
  });
  let { members, pairs } = plan(before);
  // Member rows are deleted a page at a time, links one statement each: many changed links are cheaper rewritten.
  if (before && pairs.drop.length > MAX_PATCH) {
    before = undefined;
    ({ members, pairs } = plan(undefined));
  }
  const runId = await db.transaction().execute(async (tx) => {
    // Two API nodes that see the same list update resolve at the same time: their saves take turns,
    // and a save whose previous run is no longer the latest (the other node stored one meanwhile)
    // rewrites both tables instead of patching rows that are not there.
    await sql`select pg_advisory_xact_lock(hashtext('entente-subjects:' || current_schema()))`.execute(tx);
    if (before) {
      const latest = await tx
        .selectFrom('subject_runs')
        .select('id')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest?.id !== before.runId) {
        before = undefined;
        ({ members, pairs } = plan(undefined));
      }
    }
    if (!before) {
      await tx.deleteFrom('subject_members').execute();
      await tx.deleteFrom('subject_name_links').execute();
    }
    for (let i = 0; i < members.drop.length; i += PAGE)
      await tx
        .deleteFrom('subject_members')
        .where('entity_id', 'in', members.drop.slice(i, i + PAGE))
        .execute();
    for (let i = 0; i < members.write.length; i += PAGE)
      await tx
        .insertInto('subject_members')
        .values(members.write.slice(i, i + PAGE))
        .execute();
    for (const key of pairs.drop) {
      const [a, b] = key.split('\n') as [string, string];
      await tx.deleteFrom('subject_name_links').where('a', '=', a).where('b', '=', b).execute();
    }
    for (let i = 0; i < pairs.write.length; i += PAGE)
      await tx
        .insertInto('subject_name_links')
        .values(pairs.write.slice(i, i + PAGE))
        .onConflict((oc) => oc.columns(['a', 'b']).doNothing())
        .execute();
    const row = await tx
      .insertInto('subject_runs')
      .values({
        started_at: run.startedAt,
        finished_at: new Date().toISOString(),
        mode: run.mode,
        versions: JSON.stringify(run.versions),
        listings: run.listings,
        subjects: resolution.subjects.length,
        proposals: resolution.proposals.length,
        screened: run.screened,
        seconds: run.seconds,
        link_rules: run.linkRules,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return {
    runId,
    members: members.now,
    links: pairs.now,
    written: members.write.length + pairs.write.length,
  };
}
