import type { SupplyAnalyseRequest } from '../../api/supply-types.ts';
import { parseCsvRows } from '../screening/parse-csv.ts';

/** Largest BOM file the page sends (the API takes request bodies up to 2 MB). */
export const MAX_BOM_BYTES = 1_500_000;

/** A BOM file read in the browser, ready to send, with what it holds. */
export interface BomUpload {
  file: string;
  format: 'csv' | 'json';
  /** The BOM part of the request body: `bom` (JSON) or `bomCsv` (CSV text), with the file name. */
  body: Pick<SupplyAnalyseRequest, 'bom' | 'bomCsv' | 'file'>;
  products: number;
  components: number;
}

/** A BOM file the page cannot send, with the file (and field) it is about. */
export class BomFileError extends Error {
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown>) {
    super(message);
    this.name = 'BomFileError';
    this.details = details;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a `.csv` or `.json` bill of materials: JSON is parsed here, CSV is sent
 * as text for the API to read (it names the row and column of any error).
 * Throws a `BomFileError` for a file that is neither, empty or not JSON.
 */
export function readBomText(file: string, text: string): BomUpload {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'json')
    throw new BomFileError(`${file}: a bill of materials is a .csv or .json file`, {
      file,
      accepted: ['.csv', '.json'],
    });
  if (text.length > MAX_BOM_BYTES)
    throw new BomFileError(`${file} is larger than ${MAX_BOM_BYTES / 1_000_000} MB`, { file });
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new BomFileError(`${file} is empty`, { file });
  if (ext === 'csv') {
    const rows = parseCsvRows(content);
    const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
    const productCol = header.indexOf('product');
    const products = new Set(rows.map((r) => (productCol >= 0 ? (r[productCol] ?? '').trim() : '')));
    return {
      file,
      format: 'csv',
      body: { bomCsv: content, file },
      products: products.size,
      components: rows.length,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (e) {
    throw new BomFileError(`${file} is not JSON: ${(e as Error).message}`, {
      file,
      field: 'bom',
      accepted: 'a JSON BOM: {currency?, products: [...]}',
    });
  }
  if (!isObject(raw))
    throw new BomFileError(`${file}: the BOM must be a JSON object`, {
      file,
      field: 'bom',
      accepted: '{currency?, products: [...]} or one product with components',
    });
  const products = Array.isArray(raw['products']) ? (raw['products'] as unknown[]) : [raw];
  const components = products.reduce<number>(
    (n, p) => n + (isObject(p) && Array.isArray(p['components']) ? p['components'].length : 0),
    0,
  );
  return { file, format: 'json', body: { bom: raw, file }, products: products.length, components };
}

/** `CN`, `cn, ru` or `CN RU` → `['CN', 'RU']`; throws naming the first code that is not two letters. */
export function parseDestinations(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = codes.find((c) => !/^[A-Z]{2}$/.test(c));
  if (bad !== undefined)
    throw new BomFileError(`Destination "${bad}" is not an ISO-2 country code such as CN or RU`, {
      field: 'destination',
    });
  return [...new Set(codes)];
}
