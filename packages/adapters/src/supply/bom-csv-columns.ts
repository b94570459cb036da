/** CSV columns of a bill of materials, and the BOM field each one fills (docs/supply-bom-format.md). */
export const BOM_CSV_COLUMNS = {
  product: 'id',
  product_name: 'name',
  product_made_in: 'madeIn',
  product_value: 'value',
  product_destinations: 'destinations',
  product_us: 'classifications.US',
  product_eu: 'classifications.EU',
  product_uk: 'classifications.UK',
  product_jp: 'classifications.JP',
  product_hs: 'hsCode',
  currency: 'currency',
  part_id: 'partId',
  description: 'description',
  quantity: 'quantity',
  unit_value: 'unitValue',
  us: 'classifications.US',
  eu: 'classifications.EU',
  uk: 'classifications.UK',
  jp: 'classifications.JP',
  hs_code: 'hsCode',
  supplier: 'supplier',
  supplier_country: 'supplierCountry',
  origin: 'origin',
  alternates: 'alternates',
} as const;

/** A CSV column name. */
export type BomCsvColumn = keyof typeof BOM_CSV_COLUMNS;

/** Columns every BOM CSV must have. */
export const REQUIRED_BOM_COLUMNS: readonly BomCsvColumn[] = [
  'product',
  'product_made_in',
  'part_id',
  'description',
  'quantity',
  'unit_value',
  'supplier',
  'supplier_country',
  'origin',
];

/** Columns that describe the product: the same on every row of a product (or blank). */
export const PRODUCT_COLUMNS: readonly BomCsvColumn[] = [
  'product_name',
  'product_made_in',
  'product_value',
  'product_destinations',
  'product_us',
  'product_eu',
  'product_uk',
  'product_jp',
  'product_hs',
];

/** The CSV column a BOM field path (`products[0].components[2].unitValue`) was read from. */
export function columnOfField(field: string): string | undefined {
  const inComponent = /\.components\[\d+\]\.(.+)$/.exec(field);
  const tail = inComponent ? inComponent[1] : /^products\[\d+\]\.(.+)$/.exec(field)?.[1];
  if (!tail) return field === 'bom.currency' ? 'currency' : undefined;
  const key = tail
    .replace(/\[\d+\].*$/, '')
    .replace(/^classifications\.(\w+)$/, (_, j: string) => `classifications.${j.toUpperCase()}`);
  const entries = Object.entries(BOM_CSV_COLUMNS).filter(
    ([column, f]) => f === key && column.startsWith('product') !== Boolean(inComponent),
  );
  return entries[0]?.[0];
}
