import { DomainError, type Clearance, type ClearanceAuthor, type NewClearance } from '@entente/core';
import type { OpenedStore } from '../store/open-store.ts';

/** A clearance to record for a resolved subject rather than one listing. */
export type NewSubjectClearance = Omit<NewClearance, 'entityId' | 'listings'> & { subjectId: string };

/**
 * The listings a clearance of `subjectId` covers: the subject's current listings as the last
 * resolution stored them; a listing no resolution has seen is a subject of its own (its entity id,
 * as screening names it). `not-found` for anything else, naming the subject when the id is a
 * listing of another one.
 */
export async function listingsToClear(store: OpenedStore, subjectId: string): Promise<string[]> {
  const members = await store.kysely
    .selectFrom('subject_members')
    .select('entity_id')
    .where('subject_id', '=', subjectId)
    .where('is_current', '=', true)
    .orderBy('entity_id')
    .execute();
  if (members.length > 0) return members.map((m) => m.entity_id);
  const seen = await store.kysely
    .selectFrom('subject_members')
    .select('subject_id')
    .where('entity_id', '=', subjectId)
    .executeTakeFirst();
  if (seen)
    throw new DomainError(
      'not-found',
      `No subject ${subjectId} with current listings: it is a listing of subject ${seen.subject_id}`,
      { field: 'subjectId', subjectId: seen.subject_id },
    );
  if (await store.getParty(subjectId)) return [subjectId];
  throw new DomainError('not-found', `No subject ${subjectId} in the latest lists`, { field: 'subjectId' });
}

/**
 * Records a clearance of a whole subject: every current listing of it is covered, and the
 * covered listings are kept with the clearance (and in its audit entry), so that a listing
 * joining the subject later shows again instead of being cleared unseen.
 *
 * @example
 * await clearSubject(store, { orgId, subjectId: 'un-sc:IRi.039', subject: { name }, reason, clearedBy }, by);
 */
export async function clearSubject(
  store: OpenedStore,
  input: NewSubjectClearance,
  by: ClearanceAuthor,
): Promise<Clearance> {
  const { subjectId, ...rest } = input;
  const listings = await listingsToClear(store, subjectId);
  return store.saveClearance({ ...rest, entityId: subjectId, listings }, by);
}
