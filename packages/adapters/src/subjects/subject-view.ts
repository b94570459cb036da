import type { Kysely } from 'kysely';
import { NO_SUBJECTS, type SubjectView } from '@entente/core';
import type { Database } from '../store/database.ts';

/**
 * The current resolution as monitoring reads it, straight from the stored rows (what the last
 * resolution of any process wrote): each current listing's subject and every subject's current
 * listings, over the given loaded sources. A store nobody resolved gives `NO_SUBJECTS`.
 */
export async function readSubjectView(
  db: Kysely<Database>,
  sources: readonly string[],
): Promise<SubjectView> {
  const rows = await db
    .selectFrom('subject_members')
    .select(['entity_id', 'subject_id', 'subject_name', 'source'])
    .where('is_current', '=', true)
    .execute();
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
