import { parse } from 'csv-parse/sync';
import { DomainError } from '@entente/core';
import {
  BOM_CSV_COLUMNS,
  PRODUCT_COLUMNS,
  REQUIRED_BOM_COLUMNS,
  type BomCsvColumn,
} from './bom-csv-columns.ts';

type Raw = Record<string, unknown>;

function reject(
  file: string,
  row: number | undefined,
  field: string,
  message: string,
  accepted?: unknown,
): never {
  throw new DomainError(
    'file-rejected',
    `${file}${row !== undefined ? ` row ${row}` : ''}, ${field}: ${message}`,
    {
      file,
      ...(row !== undefined ? { row } : {}),
      field,
      ...(accepted !== undefined ? { accepted } : {}),
    },
  );
}

function number(file: string, row: number, column: string, text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(n))
    reject(
      file,
      row,
      column,
      `"${text}" is not a number`,
      'digits with an optional decimal point, e.g. 1250.50',
    );
  return n;
}

/** `Supplier (JP); KR; Other Ltd (TW)` → [{supplier, country}]. */
function alternates(file: string, row: number, text: string): Raw[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const named = /^(.*\S)\s*\(([A-Za-z]{2})\)$/.exec(s);
      if (named) return { supplier: named[1], country: (named[2] as string).toUpperCase() };
      if (/^[A-Za-z]{2}$/.test(s)) return { country: s.toUpperCase() };
      return reject(
        file,
        row,
        'alternates',
        `"${s}" is not "Supplier (CC)" or "CC"`,
        'entries separated by ";", each "Supplier name (CC)" or "CC"',
      );
    });
}

function classifications(cells: Record<string, string>, prefix: '' | 'product_'): Raw {
  const out: Raw = {};
  for (const j of ['us', 'eu', 'uk', 'jp'])
    if (cells[`${prefix}${j}`]) out[j.toUpperCase()] = cells[`${prefix}${j}`];
  return out;
}

/**
 * Reads a BOM CSV (one row per component, product columns repeated or left
 * blank after the first row) into the JSON shape `validateBom` checks, with
 * each component's CSV row. Unknown columns, missing columns, non-numbers
 * and conflicting product values are rejected naming file, row and column.
 */
export function parseBomCsv(text: string, file: string): Raw {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return reject(file, e.lines, 'csv', `not readable as CSV: ${e.message}`);
  }
  const header = records.shift()?.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  if (!header) return reject(file, 1, 'header', 'the file is empty', Object.keys(BOM_CSV_COLUMNS));
  const unknown = header.find((h) => !(h in BOM_CSV_COLUMNS));
  if (unknown !== undefined)
    reject(file, 1, unknown, `unknown column "${unknown}"`, Object.keys(BOM_CSV_COLUMNS));
  const missing = REQUIRED_BOM_COLUMNS.find((c) => !header.includes(c));
  if (missing) reject(file, 1, missing, `column "${missing}" is missing`, REQUIRED_BOM_COLUMNS);
  if (records.length === 0) reject(file, 2, 'part_id', 'no component rows', 'one row per component');
  const products = new Map<
    string,
    { raw: Raw; cells: Partial<Record<BomCsvColumn, { value: string; row: number }>>; components: Raw[] }
  >();
  let currency: { value: string; row: number } | undefined;
  for (const { record, info } of records) {
    const row = info.lines;
    const cells = Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])) as Record<
      string,
      string
    >;
    if (cells['currency']) {
      if (currency && currency.value.toUpperCase() !== cells['currency'].toUpperCase())
        reject(
          file,
          row,
          'currency',
          `"${cells['currency']}" differs from "${currency.value}" (row ${currency.row})`,
          'one currency for the whole BOM',
        );
      currency ??= { value: cells['currency'], row };
    }
    const id = cells['product'] ?? '';
    if (!id) reject(file, row, 'product', 'is required', 'the product id this component belongs to');
    let product = products.get(id);
    if (!product) products.set(id, (product = { raw: { id }, cells: {}, components: [] }));
    for (const column of PRODUCT_COLUMNS) {
      const value = cells[column] ?? '';
      if (!value) continue;
      const seen = product.cells[column];
      if (seen && seen.value !== value)
        reject(
          file,
          row,
          column,
          `"${value}" differs from "${seen.value}" given for product ${id} in row ${seen.row}`,
          'the same value on every row of a product, or blank',
        );
      product.cells[column] ??= { value, row };
    }
    const quantity = number(file, row, 'quantity', cells['quantity'] ?? '');
    const unitValue = number(file, row, 'unit_value', cells['unit_value'] ?? '');
    product.components.push({
      row,
      partId: cells['part_id'],
      description: cells['description'],
      ...(quantity !== undefined ? { quantity } : {}),
      ...(unitValue !== undefined ? { unitValue } : {}),
      classifications: classifications(cells, ''),
      ...(cells['hs_code'] ? { hsCode: cells['hs_code'] } : {}),
      supplier: cells['supplier'],
      supplierCountry: cells['supplier_country'],
      origin: cells['origin'],
      alternates: alternates(file, row, cells['alternates'] ?? ''),
    });
  }
  return {
    ...(currency ? { currency: currency.value } : {}),
    products: [...products.values()].map(({ raw, cells, components }) => {
      const v = (c: BomCsvColumn) => cells[c]?.value;
      const value = cells.product_value
        ? number(file, cells.product_value.row, 'product_value', cells.product_value.value)
        : undefined;
      return {
        ...raw,
        ...(v('product_name') ? { name: v('product_name') } : {}),
        madeIn: v('product_made_in') ?? '',
        ...(value !== undefined ? { value } : {}),
        destinations: (v('product_destinations') ?? '').split(/[;,\s]+/).filter(Boolean),
        classifications: classifications(
          Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value])),
          'product_',
        ),
        ...(v('product_hs') ? { hsCode: v('product_hs') } : {}),
        components,
        firstRow: components[0]?.['row'],
      };
    }),
  };
}
