import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFormat, importList, LIST_FORMATS } from '@entente/adapters';
import { sharedDataPath, storeTargets } from '@entente/adapters/testing';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

interface Match {
  entityId: string;
  score: number;
  features: Record<string, number>;
  explanation: string[];
  listVersion?: { id: number; publishedAt: string };
  cleared?: { reason: string };
}

describe('screening over HTTP (UN list loaded)', () => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(storeTargets()[0]!);
    await importList(t.store, findFormat(LIST_FORMATS, 'un-sc-xml'), [
      sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml'),
    ]);
  });
  afterAll(async () => t.close());

  const screen = async (body: unknown, who: 'exporter' | null = 'exporter') =>
    t.call(who, 'POST', '/screen', body);

  it('needs authentication', async () => {
    expect((await screen({ name: 'Tharwat Salah Shihata' }, null)).status).toBe(401);
  });

  it('explains a listed name found whole inside a longer query, term by term', async () => {
    const res = await screen({ name: 'Tharwat Salah Mahmoud Shihata', type: 'person' });
    expect(res.status).toBe(200);
    const { matches } = (await res.json()) as { matches: Match[] };
    expect(matches[0]?.entityId).toMatch(/^un-sc:QDi\./);
    expect(matches[0]!.features.containedName).toBeGreaterThan(0);
    // A middle name between the listed given names and the surname (`extraPartBeside`).
    expect(matches[0]!.features.extraPartBeside).toBeLessThan(0);
    expect(matches[0]!.features.extraNamePart).toBeUndefined();
    const reasons = matches[0]!.explanation.join('\n');
    expect(reasons).toContain('listed name contained in the query');
    expect(reasons).toContain("extra name part beside it, not in the first given name's place: mahmoud");
  });

  it('finds a listed person from an altered spelling, with features, explanation and list version', async () => {
    const res = await screen({ name: 'Tharwat Salah Shehata', type: 'person' });
    expect(res.status).toBe(200);
    const { matches } = (await res.json()) as { matches: Match[] };
    expect(matches[0]?.entityId).toMatch(/^un-sc:QDi\./);
    expect(matches[0]!.score).toBeGreaterThan(0.85);
    expect(matches[0]!.features.nameSimilarity).toBeGreaterThan(0);
    expect(matches[0]!.explanation.length).toBeGreaterThan(0);
    expect(matches[0]!.listVersion?.publishedAt).toBe('2026-02-27');
  });

  it('returns nothing for an invented person', async () => {
    const { matches } = (await (await screen({ name: 'Margarethe Quillfeather-Oyelaran' })).json()) as {
      matches: Match[];
    };
    expect(matches).toEqual([]);
  });

  it.each([
    [{ name: '   ' }, 'name'],
    [{ name: 'A', country: 'XX' }, 'country'],
    [{ name: 'A', birthDate: '2020-02-30' }, 'birthDate'],
    [{ name: 'A', sources: ['no-such-list'] }, 'source'],
  ])('rejects %j naming the field', async (body, field) => {
    const res = await screen(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: { field: string } }).details.field).toBe(field);
  });

  it('says how many candidate names the cap left unscored, and scores them with a larger candidateCap', async () => {
    type Body = { matches: Match[]; unscoredCandidates?: { count: number; atLeast: boolean } };
    // "Abdullah": names on the UN list past the default 150 candidates could still reach the threshold
    // ("Muhammad" did until the cap ranked names by their own words too: the 150 now hold all it can match).
    const cut = (await (await screen({ name: 'Abdullah' })).json()) as Body;
    expect(cut.unscoredCandidates?.count).toBeGreaterThan(0);
    expect(typeof cut.unscoredCandidates?.atLeast).toBe('boolean');
    const all = await screen({ name: 'Abdullah', candidateCap: 10_000 });
    expect(all.status).toBe(200);
    expect((await all.json()) as Body).not.toHaveProperty('unscoredCandidates');
    // A query whose candidates fit under the cap has no such field.
    const few = (await (await screen({ name: 'Tharwat Salah Shehata' })).json()) as Body;
    expect(few.matches.length).toBeGreaterThan(0);
    expect(few).not.toHaveProperty('unscoredCandidates');
  });

  it.each([0, 10_001, 1.5, '150'])('rejects candidateCap %j naming the field', async (candidateCap) => {
    const res = await screen({ name: 'Abdullah', candidateCap });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: { field: string } }).details.field).toBe('candidateCap');
  });

  it('screens a batch with a per-subject error that does not stop the batch', async () => {
    const res = await t.call('exporter', 'POST', '/screen/batch', {
      subjects: [
        { id: 'a', name: 'Tharwat Salah Shehata' },
        { id: 'b', name: '' },
        { id: 'c', name: 'Margarethe Quillfeather-Oyelaran' },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { id: string; matches: Match[]; error?: { field: string } }[];
    };
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(results[0]!.matches.length).toBeGreaterThan(0);
    expect(results[1]!.error?.field).toBe('name');
    expect(results[2]!.matches).toEqual([]);
  });

  it('refuses a batch over 1,000 subjects', async () => {
    const subjects = Array.from({ length: 1001 }, (_, i) => ({ id: String(i), name: 'x' }));
    expect((await t.call('exporter', 'POST', '/screen/batch', { subjects })).status).toBe(400);
  });

  it('shows a cleared match as cleared, not hidden, for the same subject only', async () => {
    const first = ((await (await screen({ name: 'Tharwat Salah Shehata' })).json()) as { matches: Match[] })
      .matches[0]!;
    const created = await t.call('exporter', 'POST', '/clearances', {
      subject: { name: 'Tharwat Salah Shehata' },
      entityId: first.entityId,
      reason: 'Our customer is a namesake; passport checked',
    });
    expect(created.status).toBe(201);
    const again = ((await (await screen({ name: 'tharwat  SALAH shehata' })).json()) as { matches: Match[] })
      .matches;
    expect(again.find((m) => m.entityId === first.entityId)?.cleared?.reason).toBe(
      'Our customer is a namesake; passport checked',
    );
    const other = ((await (await screen({ name: 'Tharwat Salah Shihata' })).json()) as { matches: Match[] })
      .matches;
    expect(other.find((m) => m.entityId === first.entityId)?.cleared).toBeUndefined();
    const stats = (await (await t.call('exporter', 'GET', '/stats/screening')).json()) as {
      days: { subjects: number }[];
    };
    expect(stats.days[0]!.subjects).toBeGreaterThan(3);
  });
});
