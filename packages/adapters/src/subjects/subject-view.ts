import type { Kysely } from 'kysely';
import { NO_SUBJECTS, type SubjectView } from '@entente/core';
import type { Database } from '../store/database.ts';
import { pagesOf } from '../monitoring/key-pages.ts';

/**
 * The current resolution as monitoring reads it, straight from the stored rows (what the last
 * resolution of any process wrote): each current listing's subject and every subject's current
 * listings, over the given loaded sources. A store nobody resolved gives `NO_SUBJECTS`. With
 * `entityIds`, only the subjects of those listings (what a delta run can show or judge).
 */
export async function readSubjectView(
  db: Kysely<Database>,
  sources: readonly string[],
  entityIds?: ReadonlySet<string>,
): Promise<SubjectView> {
  let rows: { entity_id: string; subject_id: string; subject_name: string; source: string }[] = [];
  if (!entityIds)
    rows = await db
      .selectFrom('subject_members')
      .select(['entity_id', 'subject_id', 'subject_name', 'source'])
      .where('is_current', '=', true)
      .execute();
  else {
    // Only the subjects of these listings, with every current listing of each.
    const subjectIds = await addSubjectIdsOf(db, entityIds, new Set<string>());
    for (const page of pagesOf(subjectIds))
      for (const r of await db
        .selectFrom('subject_members')
        .select(['entity_id', 'subject_id', 'subject_name', 'source'])
        .where('is_current', '=', true)
        .where('subject_id', 'in', page!)
        .execute())
        rows.push(r);
  }
  // None of these listings resolved: as no resolution (no subject has members to list).
  if (rows.length === 0) return NO_SUBJECTS;
  const of = new Map<string, { id: string; name: string }>();
  const members = new Map<string, { entityId: string; source: string }[]>();
  for (const r of rows) {
    of.set(r.entity_id, { id: r.subject_id, name: r.subject_name });
    const list = members.get(r.subject_id) ?? [];
    list.push({ entityId: r.entity_id, source: r.source });
    members.set(r.subject_id, list);
  }
  return {
    subjectOf: (entityId) => of.get(entityId),
    members: (subjectId) => members.get(subjectId) ?? [],
    sources: [...sources],
  };
}

/**
 * Every listing an alert of the subjects of `entityIds` can be on: those listings, the subject
 * each belongs to now (its id: a listing no resolution holds is its own subject), and every
 * current listing of those subjects. A counterparty's hit or alert on any other listing is
 * grouped under another subject (`subjectIdOf`), whatever the resolution read with it.
 */
export async function listingsOfSubjectsOf(
  db: Kysely<Database>,
  entityIds: ReadonlySet<string>,
): Promise<Set<string>> {
  const out = new Set(entityIds);
  const subjectIds = await addSubjectIdsOf(db, entityIds, new Set(entityIds));
  for (const id of subjectIds) out.add(id);
  for (const page of pagesOf(subjectIds))
    for (const r of await db
      .selectFrom('subject_members')
      .select('entity_id')
      .where('is_current', '=', true)
      .where('subject_id', 'in', page!)
      .execute())
      out.add(r.entity_id);
  return out;
}

/** Adds to `into` the id of the subject each of `entityIds` currently belongs to; returns `into`. */
async function addSubjectIdsOf(
  db: Kysely<Database>,
  entityIds: ReadonlySet<string>,
  into: Set<string>,
): Promise<Set<string>> {
  for (const page of pagesOf(entityIds))
    for (const r of await db
      .selectFrom('subject_members')
      .select('subject_id')
      .where('is_current', '=', true)
      .where('entity_id', 'in', page!)
      .execute())
      into.add(r.subject_id);
  return into;
}
