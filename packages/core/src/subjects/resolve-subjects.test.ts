import { describe, expect, it } from 'vitest';
import { buildScreeningIndex } from '../screening/screening-index.ts';
import { DEFAULT_NAME_REFERENCE } from '../screening/default-name-reference.ts';
import { findNameLinks, type NameLink } from './name-links.ts';
import { resolveSubjects } from './resolve-subjects.ts';
import { listingOf } from './subjects-test-world.ts';
import type { Listing } from './listing.ts';

const dob = (value: string) => ({ birthDates: [{ value, precision: 'day' as const }] });
const subjectIdsOf = (listings: Listing[], links: NameLink[] = [], decisions = []) => {
  const r = resolveSubjects(listings, links, decisions);
  return (id: string) => r.subjectOf.get(id);
};
const nameLinksOf = (listings: Listing[]) =>
  findNameLinks(
    buildScreeningIndex(
      listings.map((l) => ({ party: l.party, versionId: l.versionId })),
      DEFAULT_NAME_REFERENCE,
    ),
    listings,
  );

describe('resolveSubjects: strong evidence', () => {
  it('joins the listings that repeat one UN reference, anchored on the UN listing', () => {
    const ls = [
      listingOf('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039' }),
      listingOf('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
      listingOf('au-dfat', '9999', 'Someone Else', { unReference: 'IRi.040' }),
    ];
    const r = resolveSubjects(ls);
    expect(r.subjectOf.get('au-dfat:8490')).toBe('un-sc:IRi.039');
    expect(r.subjectOf.get('au-dfat:9999')).toBe('au-dfat:9999');
    const s = r.subjects.find((x) => x.id === 'un-sc:IRi.039')!;
    expect(s.jurisdictions).toEqual(['AU', 'UN']);
    expect(s.members[1]!.via).toMatchObject({
      kind: 'un-reference',
      evidence: ['both carry UN reference IRi.039'],
    });
  });

  it('joins an SDN entry and its Consolidated Screening List copy by the SDN number', () => {
    const of = subjectIdsOf([
      listingOf('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem'),
      listingOf('us-csl', 'SDN-10481', 'SOLEIMANI, Qasem'),
      listingOf('us-csl', 'SDN-10482', 'SOLEIMANI, Qasem'),
    ]);
    expect(of('us-csl:SDN-10481')).toBe('us-ofac-sdn:10481');
    expect(of('us-csl:SDN-10482')).toBe('us-csl:SDN-10482');
  });

  it('joins by a shared IMO number or passport of the same country, not by a passport of another country or a short number', () => {
    const vessel = { schema: 'vessel' as const };
    const of = subjectIdsOf([
      listingOf('us-ofac-sdn', '1', 'ADRIAN DARYA 1', {
        ...vessel,
        identifiers: [{ type: 'imo', value: 'IMO 9116412' }],
      }),
      listingOf('eu-sanctions', 'a/1', 'Adrian Darya', {
        ...vessel,
        identifiers: [{ type: 'imo', value: '9116412' }],
      }),
      listingOf('us-ofac-sdn', '2', 'A Person', {
        identifiers: [{ type: 'passport', value: 'K1234567', country: 'IR' }],
      }),
      listingOf('eu-sanctions', 'b/1', 'Other Person', {
        identifiers: [{ type: 'passport', value: 'K1234567', country: 'IQ' }],
      }),
      listingOf('au-dfat', '5', 'Third Person', {
        identifiers: [{ type: 'passport', value: 'K1234567', country: 'IR' }],
      }),
      listingOf('ca-sema', '7', 'Short', { identifiers: [{ type: 'registration', value: '123' }] }),
      listingOf('jp-meti', '8', 'Shorter', { identifiers: [{ type: 'registration', value: '123' }] }),
    ]);
    expect(of('eu-sanctions:a/1')).toBe('us-ofac-sdn:1');
    expect(of('au-dfat:5')).toBe('us-ofac-sdn:2');
    expect(of('eu-sanctions:b/1')).toBe('eu-sanctions:b/1');
    expect(of('jp-meti:8')).toBe('jp-meti:8');
  });

  it('never joins two UN references, even when an identifier is shared, and reports the refused link', () => {
    const id = { identifiers: [{ type: 'national-id' as const, value: '0012345678', country: 'KP' }] };
    const r = resolveSubjects([
      listingOf('un-sc', 'KPi.001', 'KIM ONE', { unReference: 'KPi.001', ...id }),
      listingOf('un-sc', 'KPi.002', 'KIM TWO', { unReference: 'KPi.002', ...id }),
    ]);
    expect(r.subjects).toHaveLength(2);
    expect(r.refused[0]!.reason).toMatch(/two un-reference entries/);
  });
});

describe('resolveSubjects: names and analysts', () => {
  const un = listingOf('un-sc', 'QDi.100', 'Abdul Rahman Yasin', {
    unReference: 'QDi.100',
    ...dob('1960-04-10'),
  });
  const eu = listingOf('eu-sanctions', 'x/1', 'Abdul Rahman YASIN', dob('1960-04-10'));
  const euNoDate = listingOf('eu-sanctions', 'x/2', 'Abdul Rahman YASIN');
  const euOtherDate = listingOf('eu-sanctions', 'x/3', 'Abdul Rahman Yasin', dob('1988-01-01'));

  it('links a person by name automatically only when the birth dates agree; otherwise proposes', () => {
    const listings = [un, eu, euNoDate, euOtherDate];
    const links = nameLinksOf(listings);
    const r = resolveSubjects(listings, links);
    expect(r.subjectOf.get('eu-sanctions:x/1')).toBe('un-sc:QDi.100');
    expect(r.subjectOf.get('eu-sanctions:x/2')).toBe('eu-sanctions:x/2');
    expect(r.subjectOf.get('eu-sanctions:x/3')).toBe('eu-sanctions:x/3');
    const proposed = r.proposals.map((p) => [p.a, p.b].sort().join(' '));
    expect(proposed).toContain('eu-sanctions:x/2 un-sc:QDi.100');
    expect(proposed).not.toContain('eu-sanctions:x/3 un-sc:QDi.100');
    const via = r.subjects.find((s) => s.id === 'un-sc:QDi.100')!.members[1]!.via!;
    expect(via.kind).toBe('name');
    expect(via.evidence.join(' ')).toMatch(/birth/i);
  });

  it('does not link two different names', () => {
    const r = resolveSubjects(
      [un, listingOf('eu-sanctions', 'y/1', 'Ahmed Hassan Karimi', dob('1960-04-10'))],
      nameLinksOf([un, listingOf('eu-sanctions', 'y/1', 'Ahmed Hassan Karimi', dob('1960-04-10'))]),
    );
    expect(r.subjects).toHaveLength(2);
    expect(r.proposals).toHaveLength(0);
  });

  it("keeps an analyst's merge and split whatever the evidence says", () => {
    const listings = [un, eu, euNoDate];
    const links = nameLinksOf(listings);
    const decisions = [
      {
        kind: 'split' as const,
        a: 'un-sc:QDi.100',
        b: 'eu-sanctions:x/1',
        decidedBy: 'ana',
        decidedAt: '2026-12-01T00:00:00Z',
        reason: 'different man',
      },
      {
        kind: 'merge' as const,
        a: 'un-sc:QDi.100',
        b: 'eu-sanctions:x/2',
        decidedBy: 'ana',
        decidedAt: '2026-12-01T00:00:00Z',
        reason: 'same passport in annex',
      },
    ];
    const r = resolveSubjects(listings, links, decisions);
    expect(r.subjectOf.get('eu-sanctions:x/1')).toBe('eu-sanctions:x/1');
    expect(r.subjectOf.get('eu-sanctions:x/2')).toBe('un-sc:QDi.100');
    expect(r.subjects.find((s) => s.id === 'un-sc:QDi.100')!.members[1]!.via).toMatchObject({
      kind: 'analyst',
      evidence: ['merged by ana on 2026-12-01: same passport in annex'],
    });
    expect(r.refused.some((x) => x.reason === 'an analyst split these listings')).toBe(true);
  });

  it('a split holds against a chain through a third listing', () => {
    const au = listingOf('au-dfat', '1', 'Abdul Rahman Yasin', {
      unReference: 'QDi.100',
      ...dob('1960-04-10'),
    });
    const listings = [un, eu, au];
    const r = resolveSubjects(listings, nameLinksOf(listings), [
      {
        kind: 'split',
        a: 'au-dfat:1',
        b: 'eu-sanctions:x/1',
        decidedBy: 'ana',
        decidedAt: '2026-12-01',
        reason: 'r',
      },
    ]);
    expect(r.subjectOf.get('au-dfat:1')).toBe('un-sc:QDi.100');
    expect(r.subjectOf.get('eu-sanctions:x/1')).not.toBe('un-sc:QDi.100');
  });
});

describe('resolveSubjects: a person without a birth date', () => {
  // One listing carries no birth date (only a nationality and an alias in Arabic script); the other is dated.
  const alias = (full: string, script = 'Latn') => ({ full, script, quality: 'strong' as const });
  const ir = { countries: [{ code: 'IR', role: 'nationality' as const }] };
  const undated = (...aliases: ReturnType<typeof alias>[]) =>
    listingOf('eu-sanctions', 'u/1', 'Karim Reza DASTANI', {
      ...ir,
      names: [{ full: 'Karim Reza DASTANI', script: 'Latn', quality: 'primary' }, ...aliases],
    });
  const dated = (names: string[], extra: Parameters<typeof listingOf>[3] = {}) =>
    listingOf('au-dfat', 'd/1', names[0]!, {
      ...dob('1961-02-11'),
      ...ir,
      names: names.map((full, i) => ({
        full,
        quality: i === 0 ? ('primary' as const) : ('strong' as const),
      })),
      ...extra,
    });
  const joined = (listings: Listing[]) =>
    resolveSubjects(listings, nameLinksOf(listings)).subjectOf.get('eu-sanctions:u/1') ===
    resolveSubjects(listings, nameLinksOf(listings)).subjectOf.get('au-dfat:d/1');

  it.each([
    {
      case: 'both carry a second, distinct name (and the undated one an Arabic-script alias)',
      listings: [
        undated(alias('کریم رضا دستانی', 'Arab'), alias('Gholamreza DASTANI')),
        dated(['DASTANI, Karim Reza', 'DASTANI, Gholam Reza']),
      ],
    },
    {
      case: 'the second name written surname first, hyphenated',
      listings: [undated(alias('Bahram DASTANI')), dated(['Karim-Reza DASTANI', 'DASTANI Bahram'])],
    },
  ])('joins when $case', ({ listings }) => {
    expect(joined(listings)).toBe(true);
  });

  it.each([
    {
      case: 'only the one name is shared (a namesake), even with the Arabic-script alias',
      listings: [undated(alias('کریم رضا دستانی', 'Arab')), dated(['Karim Reza DASTANI'])],
    },
    {
      case: 'the second shared name is a spelling of the first',
      listings: [undated(alias('Karim Reza DASTANY')), dated(['Karim Reza DASTANI', 'Karim Reza DASTANY'])],
    },
    {
      case: 'the second shared name is a surname alone',
      listings: [undated(alias('DASTANI')), dated(['Karim Reza DASTANI', 'DASTANI'])],
    },
    {
      case: 'two names are shared but the nationalities differ',
      listings: [
        undated(alias('Gholamreza DASTANI')),
        dated(['Karim Reza DASTANI', 'Gholamreza DASTANI'], {
          countries: [{ code: 'IQ', role: 'nationality' }],
        }),
      ],
    },
  ])('does not join when $case', ({ listings }) => {
    expect(joined(listings)).toBe(false);
  });

  it('does not join two dated listings that share two names but not the birth date', () => {
    const a = dated(['Karim Reza DASTANI', 'Gholamreza DASTANI']);
    const b = listingOf('eu-sanctions', 'u/1', 'Karim Reza DASTANI', {
      ...dob('1975-06-01'),
      names: [
        { full: 'Karim Reza DASTANI', quality: 'primary' },
        { full: 'Gholamreza DASTANI', quality: 'strong' },
      ],
    });
    expect(joined([a, b])).toBe(false);
  });

  it('says why the link was made without a birth date', () => {
    const listings = [
      undated(alias('Gholamreza DASTANI')),
      dated(['Karim Reza DASTANI', 'Gholamreza DASTANI']),
    ];
    const r = resolveSubjects(listings, nameLinksOf(listings));
    const member = r.subjects.flatMap((s) => s.members).find((m) => m.via)!;
    expect(member.via!.evidence.join(' ')).toMatch(
      /no birth date to compare, but both listings carry the names "Karim Reza DASTANI" and "Gholamreza DASTANI"/,
    );
  });
});
