import { DomainError } from '../errors.ts';
import { JURISDICTIONS, type DeterminationData, type Jurisdiction } from '../licensing/determination-data.ts';
import type { Bom, BomComponent, BomProduct, BomSource } from './bom.ts';

type Json = Record<string, unknown>;

/** Largest BOM accepted in one analysis (components over every product). */
export const MAX_BOM_COMPONENTS = 50_000;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a value sits: the JSON path, plus the source row when the BOM came from a file. */
interface At {
  field: string;
  row?: number;
}

function fail(
  at: At,
  message: string,
  accepted: unknown,
  code: 'invalid-input' | 'unknown-country' | 'unknown-jurisdiction' = 'invalid-input',
): never {
  const where = at.row !== undefined ? `row ${at.row}, ${at.field}` : at.field;
  throw new DomainError(code, `${where}: ${message}`, {
    field: at.field,
    ...(at.row !== undefined ? { row: at.row } : {}),
    accepted,
  });
}

function text(obj: Json, key: string, at: At, required: boolean): string | undefined {
  const v = obj[key];
  const field = { ...at, field: `${at.field}.${key}` };
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
    if (required) fail(field, 'is required', 'a non-empty string');
    return undefined;
  }
  if (typeof v !== 'string') fail(field, 'must be a string', 'a non-empty string');
  return v.trim();
}

function amount(obj: Json, key: string, at: At, required: boolean, positive = false): number | undefined {
  const v = obj[key];
  const field = { ...at, field: `${at.field}.${key}` };
  if (v === undefined || v === null || v === '') {
    if (required) fail(field, 'is required', positive ? 'a number above 0' : 'a number of 0 or more');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0)) {
    fail(
      field,
      `must be ${positive ? 'a number above 0' : 'a non-negative number'}, got ${JSON.stringify(v)}`,
      positive ? 'a number above 0' : 'a number of 0 or more',
    );
  }
  return v;
}

function country(data: DeterminationData, v: unknown, at: At): string {
  const code = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (!data.countries.has(code))
    fail(
      at,
      `unknown country "${String(v ?? '')}"`,
      'an ISO 3166-1 alpha-2 code such as DE, US, CN',
      'unknown-country',
    );
  return code;
}

function hsCode(obj: Json, at: At): string | undefined {
  const raw = text(obj, 'hsCode', at, false);
  if (raw === undefined) return undefined;
  const digits = raw.replace(/[.\s]/g, '');
  if (!/^\d{6,10}$/.test(digits))
    fail(
      { ...at, field: `${at.field}.hsCode` },
      `"${raw}" is not an HS code`,
      'an HS code of 6 to 10 digits, such as 854231 or 8542.31',
    );
  return digits;
}

function classifications(obj: Json, at: At): Partial<Record<Jurisdiction, string>> {
  const raw = obj['classifications'];
  const field = { ...at, field: `${at.field}.classifications` };
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) fail(field, 'must be an object', 'an object keyed by US, EU, UK, JP');
  const out: Partial<Record<Jurisdiction, string>> = {};
  for (const [k, v] of Object.entries(raw)) {
    const j = k.trim().toUpperCase();
    const here = { ...at, field: `${field.field}.${k}` };
    if (!(JURISDICTIONS as readonly string[]).includes(j))
      fail(here, `unknown jurisdiction "${k}"`, [...JURISDICTIONS], 'unknown-jurisdiction');
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string')
      fail(here, 'must be a control entry code', 'a control entry code, EAR99 or none');
    out[j as Jurisdiction] = v.trim();
  }
  return out;
}

function sources(data: DeterminationData, obj: Json, at: At): BomSource[] {
  const raw = obj['alternates'];
  const field = `${at.field}.alternates`;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) fail({ ...at, field }, 'must be a list', 'a list of {supplier?, country}');
  return raw.map((a, i) => {
    const here = { ...at, field: `${field}[${i}]` };
    if (!isObject(a)) fail(here, 'must be an object', '{supplier?, country}');
    const supplier = text(a, 'supplier', here, false);
    return {
      ...(supplier ? { supplier } : {}),
      country: country(data, a['country'], { ...here, field: `${here.field}.country` }),
    };
  });
}

function parseComponent(data: DeterminationData, raw: unknown, field: string): BomComponent {
  const row = isObject(raw) && typeof raw['row'] === 'number' ? raw['row'] : undefined;
  const at: At = { field, ...(row !== undefined ? { row } : {}) };
  if (!isObject(raw))
    fail(
      at,
      'must be an object',
      'an object with partId, description, quantity, unitValue, supplier, supplierCountry, origin',
    );
  const hs = hsCode(raw, at);
  return {
    partId: text(raw, 'partId', at, true) as string,
    description: text(raw, 'description', at, true) as string,
    quantity: amount(raw, 'quantity', at, true, true) as number,
    unitValue: amount(raw, 'unitValue', at, true) as number,
    classifications: classifications(raw, at),
    ...(hs ? { hsCode: hs } : {}),
    supplier: text(raw, 'supplier', at, true) as string,
    supplierCountry: country(data, raw['supplierCountry'], { ...at, field: `${field}.supplierCountry` }),
    origin: country(data, raw['origin'], { ...at, field: `${field}.origin` }),
    alternates: sources(data, raw, at),
    ...(row !== undefined ? { row } : {}),
  };
}

function parseProduct(data: DeterminationData, raw: unknown, field: string): BomProduct {
  const at: At = { field };
  if (!isObject(raw)) fail(at, 'must be an object', 'an object with id, madeIn, components');
  const comps = raw['components'];
  if (!Array.isArray(comps) || comps.length === 0)
    fail({ field: `${field}.components` }, 'must be a non-empty list', 'a list of components');
  const destinations = raw['destinations'] ?? [];
  if (!Array.isArray(destinations))
    fail({ field: `${field}.destinations` }, 'must be a list', 'a list of ISO-2 codes');
  const components = comps.map((c, i) => parseComponent(data, c, `${field}.components[${i}]`));
  const seen = new Map<string, number>();
  components.forEach((c, i) => {
    const first = seen.get(c.partId);
    if (first !== undefined)
      fail(
        { field: `${field}.components[${i}].partId`, ...(c.row !== undefined ? { row: c.row } : {}) },
        `part "${c.partId}" appears twice in product (first at components[${first}])`,
        'one line per part id and product',
      );
    seen.set(c.partId, i);
  });
  const name = text(raw, 'name', at, false);
  const value = amount(raw, 'value', at, false, true);
  const hs = hsCode(raw, at);
  return {
    id: text(raw, 'id', at, true) as string,
    ...(name ? { name } : {}),
    madeIn: country(data, raw['madeIn'], { field: `${field}.madeIn` }),
    ...(value !== undefined ? { value } : {}),
    destinations: [
      ...new Set(destinations.map((d, i) => country(data, d, { field: `${field}.destinations[${i}]` }))),
    ],
    classifications: classifications(raw, at),
    ...(hs ? { hsCode: hs } : {}),
    components,
  };
}

/**
 * Checks a bill of materials (`{currency, products:[…]}` or one product) and
 * returns it typed and normalised; every error names the field and, for a BOM
 * read from a file, the row.
 *
 * @example
 * validateBom(data, { products: [{ id: 'uav', madeIn: 'DE', components: [...] }] });
 */
export function validateBom(data: DeterminationData, raw: unknown): Bom {
  if (!isObject(raw))
    fail(
      { field: 'bom' },
      'must be an object',
      '{currency?, products: [...]} or one product with components',
    );
  const products = Array.isArray(raw['products']) ? raw['products'] : 'components' in raw ? [raw] : undefined;
  if (!products || products.length === 0)
    fail({ field: 'products' }, 'must be a non-empty list', 'a list of products, each with components');
  const total = products.reduce<number>(
    (n, p) => n + (isObject(p) && Array.isArray(p['components']) ? p['components'].length : 0),
    0,
  );
  if (total > MAX_BOM_COMPONENTS)
    fail(
      { field: 'products' },
      `${total} components exceed the limit of ${MAX_BOM_COMPONENTS}`,
      `at most ${MAX_BOM_COMPONENTS} components`,
    );
  const currency = (text(raw, 'currency', { field: 'bom' }, false) ?? 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    fail(
      { field: 'bom.currency' },
      `"${currency}" is not a currency code`,
      'an ISO 4217 code such as USD or EUR',
    );
  const parsed = products.map((p, i) => parseProduct(data, p, `products[${i}]`));
  const ids = new Set<string>();
  parsed.forEach((p, i) => {
    if (ids.has(p.id))
      fail({ field: `products[${i}].id` }, `product "${p.id}" appears twice`, 'unique product ids');
    ids.add(p.id);
  });
  return { currency, products: parsed };
}
