/** What was screened, as far as a clearance needs to recognise it again. */
export interface ClearanceSubject {
  name: string;
  country?: string;
  birthDate?: string;
}

/**
 * A listed party marked as a false positive for one screened subject, with reason, author
 * and expiry: a decision of one organisation, applied only to that organisation's screenings.
 */
export interface Clearance {
  id: string;
  /** The organisation whose decision it is. */
  orgId: string;
  subjectKey: string;
  subject: ClearanceSubject;
  /** The listed party cleared; for a clearance of a resolved subject, the subject's id when it was cleared. */
  entityId: string;
  /**
   * Set for a clearance of a resolved subject: the subject's current listings when it was
   * cleared, every one covered. A listing joining the subject later is not covered.
   */
  listings?: string[];
  reason: string;
  clearedBy: string;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
}

/**
 * The key that recognises the same subject in later screenings: the name
 * case-folded with spacing and punctuation collapsed, plus country and birth date.
 *
 * @example
 * clearanceSubjectKey({ name: ' Ivan  PETROV ', country: 'ru' }) // 'ivan petrov|RU|'
 */
export function clearanceSubjectKey(subject: ClearanceSubject): string {
  const name = subject.name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${name}|${(subject.country ?? '').toUpperCase()}|${subject.birthDate ?? ''}`;
}

/**
 * The listings a clearance covers: those of the subject it was given for, else its one listed party.
 * (Without the subjects' current grouping: `clearanceOfMatch` also checks that a subject was not split.)
 */
export function clearedListings(c: Pick<Clearance, 'entityId' | 'listings'>): readonly string[] {
  return c.listings ?? [c.entityId];
}

/** True when the clearance is in force at `now` (not revoked, not expired). */
export function isClearanceActive(c: Clearance, now: Date): boolean {
  if (c.revokedAt) return false;
  return !c.expiresAt || new Date(c.expiresAt).getTime() > now.getTime();
}
