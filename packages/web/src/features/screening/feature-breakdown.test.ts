import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ScreeningMatch } from '../../api/types.ts';
import { FeatureBreakdown } from './feature-breakdown.tsx';

const match = {
  source: 'un-sc',
  sourceId: 'QDi.1',
  entityId: 'un-sc:QDi.1',
  name: 'IVAN SIDOROV',
  matchedName: 'IVAN SIDOROV',
  score: 0.95,
  features: { nameSimilarity: 0.61, containedName: 0.39, extraNamePart: -0.05 },
  explanation: [
    'name matches "IVAN SIDOROV": ivan, sidorov; query words not found: petrovich',
    'listed name contained in the query (listed-name coverage 1.00)',
    'extra name part not on the list: petrovich',
  ],
  programs: [],
  schema: 'person',
} as unknown as ScreeningMatch;

describe('FeatureBreakdown', () => {
  it("labels each term from core's feature table and shows the explanation terms", () => {
    const html = renderToStaticMarkup(createElement(FeatureBreakdown, { match }));
    expect(html).toContain('Listed name contained in the query');
    expect(html).toContain('Extra name part not on the list');
    expect(html).toContain('-0.05');
    expect(html).toContain('extra name part not on the list: petrovich');
  });

  it('labels the extra parts beside a whole listed name in words, not by their key', () => {
    const beside = {
      ...match,
      score: 0.97,
      features: { nameSimilarity: 0.63, containedName: 0.37, extraPartBeside: -0.03 },
      explanation: [
        'name matches "IVAN SIDOROV": ivan, sidorov; query words not found: petrovich',
        'listed name contained in the query (listed-name coverage 1.00)',
        "listed name whole and in order in the query; extra name part beside it, not in the first given name's place: petrovich",
      ],
    } as unknown as ScreeningMatch;
    const html = renderToStaticMarkup(createElement(FeatureBreakdown, { match: beside }));
    expect(html).toContain('Extra middle name or second surname beside the whole listed name');
    expect(html).not.toContain('>extraPartBeside<');
    expect(html).toContain('-0.03');
  });

  it('labels the name-form terms in words, not by their keys', () => {
    const gendered = {
      ...match,
      name: 'THARWAT SALAH SHIHATA',
      matchedName: 'THARWAT SALAH SHIHATA',
      score: 0.85,
      features: { nameSimilarity: 0.95, genderedForm: -0.1 },
      explanation: [
        'name matches "THARWAT SALAH SHIHATA"',
        "name in the other gender's form: tharwata / tharwat (another person's name, not a spelling of it)",
      ],
    } as unknown as ScreeningMatch;
    const html = renderToStaticMarkup(createElement(FeatureBreakdown, { match: gendered }));
    expect(html).toContain('Name in the other gender&#x27;s form');
    expect(html).not.toContain('>genderedForm<');
    expect(html).toContain('-0.10');
  });

  it.each([
    {
      forms: 'the same legal form',
      value: 0,
      reason: 'same legal form (LLC); legal forms never make a match alone',
      shown: false,
    },
    { forms: 'different legal forms', value: -0.02, reason: 'legal forms differ (LLC vs JSC)', shown: true },
  ])('lists the legal-form term only when it moved the score: $forms', ({ value, reason, shown }) => {
    const html = renderToStaticMarkup(
      createElement(FeatureBreakdown, {
        match: {
          ...match,
          name: 'TARNHOLM LOGISTICS LLC',
          score: 1 + value,
          features: { nameSimilarity: 1, legalFormConflict: value },
          explanation: ['name matches "TARNHOLM LOGISTICS LLC"', reason],
        } as unknown as ScreeningMatch,
      }),
    );
    expect(html.includes('Legal form differs')).toBe(shown);
    expect(html).toContain(reason);
  });
});
