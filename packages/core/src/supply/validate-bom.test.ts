import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { productValue } from './bom.ts';
import { supplyTestData } from './supply-test-data.ts';
import { validateBom } from './validate-bom.ts';

const data = supplyTestData();
const part = (over: Record<string, unknown> = {}) => ({
  partId: 'P1',
  description: 'Part',
  quantity: 2,
  unitValue: 10,
  supplier: 'S',
  supplierCountry: 'US',
  origin: 'US',
  ...over,
});
const bom = (components: unknown[], product: Record<string, unknown> = {}) => ({
  products: [{ id: 'X', madeIn: 'DE', components, ...product }],
});

function errorOf(raw: unknown): { code: string; field: unknown; row: unknown; message: string } {
  try {
    validateBom(data, raw);
  } catch (e) {
    if (isDomainError(e))
      return { code: e.code, field: e.details['field'], row: e.details['row'], message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

describe('validateBom', () => {
  it('normalises a product: upper-case countries, HS digits, alternates, value from components', () => {
    const b = validateBom(
      data,
      bom([
        part({
          supplierCountry: 'us',
          hsCode: '8542.31',
          alternates: [{ supplier: 'Alt', country: 'jp' }],
          classifications: { us: '5A002.a' },
        }),
      ]),
    );
    const c = b.products[0]!.components[0]!;
    expect(c).toMatchObject({
      supplierCountry: 'US',
      hsCode: '854231',
      alternates: [{ supplier: 'Alt', country: 'JP' }],
      classifications: { US: '5A002.a' },
    });
    expect(b.currency).toBe('USD');
    expect(productValue(b.products[0]!)).toBe(20);
  });

  it('accepts one product without the products wrapper', () => {
    expect(validateBom(data, { id: 'X', madeIn: 'DE', components: [part()] }).products).toHaveLength(1);
  });

  it.each([
    [bom([part({ quantity: 0 })]), 'invalid-input', 'products[0].components[0].quantity'],
    [bom([part({ unitValue: -1 })]), 'invalid-input', 'products[0].components[0].unitValue'],
    [bom([part({ supplierCountry: 'XX' })]), 'unknown-country', 'products[0].components[0].supplierCountry'],
    [bom([part({ origin: undefined })]), 'unknown-country', 'products[0].components[0].origin'],
    [bom([part({ hsCode: '85' })]), 'invalid-input', 'products[0].components[0].hsCode'],
    [
      bom([part({ classifications: { CA: '5A002' } })]),
      'unknown-jurisdiction',
      'products[0].components[0].classifications.CA',
    ],
    [
      bom([part({ alternates: [{ supplier: 'A' }] })]),
      'unknown-country',
      'products[0].components[0].alternates[0].country',
    ],
    [bom([part(), part()]), 'invalid-input', 'products[0].components[1].partId'],
    [bom([]), 'invalid-input', 'products[0].components'],
    [bom([part()], { madeIn: 'ZZ' }), 'unknown-country', 'products[0].madeIn'],
    [bom([part()], { destinations: ['CN', 'QQ'] }), 'unknown-country', 'products[0].destinations[1]'],
    [{ products: [] }, 'invalid-input', 'products'],
  ])('rejects %j naming the field', (raw, code, field) => {
    expect(errorOf(raw)).toMatchObject({ code, field });
  });

  it('names the source row of a component read from a file', () => {
    const e = errorOf(bom([part({ row: 7, quantity: 'two' })]));
    expect(e).toMatchObject({ row: 7, field: 'products[0].components[0].quantity' });
    expect(e.message).toMatch(/^row 7, products\[0\]\.components\[0\]\.quantity/);
  });
});
