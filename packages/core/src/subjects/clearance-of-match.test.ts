import { describe, expect, it } from 'vitest';
import type { Clearance } from '../model/clearance.ts';
import { clearanceOfMatch } from './clearance-of-match.ts';

const clearance = (id: string, entityId: string, listings?: string[]): Clearance => ({
  id,
  orgId: 'org-1',
  subjectKey: 'ivan petrov||',
  subject: { name: 'Ivan Petrov' },
  entityId,
  ...(listings ? { listings } : {}),
  reason: 'Different person: passport checked',
  clearedBy: 'user:1',
  createdAt: '2026-12-01T00:00:00.000Z',
});

/** A resolution as a map listing → subject. */
const resolution = (groups: Record<string, string[]>) => {
  const map = new Map<string, string>();
  for (const [subject, listings] of Object.entries(groups)) for (const l of listings) map.set(l, subject);
  return (id: string) => map.get(id);
};

describe('clearanceOfMatch', () => {
  const bySubject = clearance('c-subject', 'un:1', ['un:1', 'eu:1', 'us:1']);

  it('clears every listing a subject clearance covered while they are one subject', () => {
    const of = clearanceOfMatch([bySubject], resolution({ 'un:1': ['un:1', 'eu:1', 'us:1'] }));
    for (const id of ['un:1', 'eu:1', 'us:1']) expect(of(id)).toEqual({ cleared: bySubject });
    expect(of('uk:9')).toBeUndefined();
  });

  it('keeps clearing when the subject changes its id (a new anchor listing) but not its covered listings', () => {
    const of = clearanceOfMatch([bySubject], resolution({ 'un:2': ['un:2', 'un:1', 'eu:1', 'us:1'] }));
    expect(of('eu:1')).toEqual({ cleared: bySubject });
    expect(of('un:2')).toEqual({ review: bySubject, why: 'new-listing' });
  });

  it('does not clear a listing that joined the cleared subject later: it is marked new-listing', () => {
    const of = clearanceOfMatch([bySubject], resolution({ 'un:1': ['un:1', 'eu:1', 'us:1', 'uk:7'] }));
    expect(of('uk:7')).toEqual({ review: bySubject, why: 'new-listing' });
    expect(of('us:1')).toEqual({ cleared: bySubject });
  });

  it('marks every covered listing subject-split once they are no longer one subject', () => {
    const of = clearanceOfMatch(
      [bySubject],
      resolution({ 'un:1': ['un:1', 'eu:1'], 'us:1': ['us:1', 'ca:3'] }),
    );
    expect(of('un:1')).toEqual({ review: bySubject, why: 'subject-split' });
    expect(of('us:1')).toEqual({ review: bySubject, why: 'subject-split' });
    expect(of('ca:3')).toEqual({ review: bySubject, why: 'new-listing' });
  });

  it('treats covered listings no resolution has seen as unchanged', () => {
    const of = clearanceOfMatch([bySubject], () => undefined);
    expect(of('eu:1')).toEqual({ cleared: bySubject });
    expect(of('uk:7')).toBeUndefined();
  });

  it('lets a clearance of the listing itself win over a subject clearance asking for review', () => {
    const own = clearance('c-listing', 'uk:7');
    const of = clearanceOfMatch([bySubject, own], resolution({ 'un:1': ['un:1', 'eu:1', 'us:1', 'uk:7'] }));
    expect(of('uk:7')).toEqual({ cleared: own });
  });

  it('clears only its one listing for a listing clearance, whatever subject it is in', () => {
    const own = clearance('c-listing', 'eu:1');
    const of = clearanceOfMatch([own], resolution({ 'un:1': ['un:1', 'eu:1'] }));
    expect(of('eu:1')).toEqual({ cleared: own });
    expect(of('un:1')).toBeUndefined();
  });
});
