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
  entityId: string;
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

/** True when the clearance is in force at `now` (not revoked, not expired). */
export function isClearanceActive(c: Clearance, now: Date): boolean {
  if (c.revokedAt) return false;
  return !c.expiresAt || new Date(c.expiresAt).getTime() > now.getTime();
}
