import type { Jurisdiction } from '../licensing/determination-data.ts';

/** One place a component can be bought from: a supplier (when named) and its country (ISO-2). */
export interface BomSource {
  supplier?: string;
  country: string;
}

/** One line of a bill of materials: a part, its value, classifications and sources. */
export interface BomComponent {
  partId: string;
  description: string;
  quantity: number;
  /** Value of one unit, in the BOM's currency. */
  unitValue: number;
  /** Classification per jurisdiction, e.g. { US: '5A002.a', EU: '5A002.a' }; EAR99/none for unlisted. */
  classifications: Partial<Record<Jurisdiction, string>>;
  /** HS code, 6 to 10 digits. */
  hsCode?: string;
  supplier: string;
  /** Country the supplier ships from (ISO-2). */
  supplierCountry: string;
  /** Country of origin of the part (ISO-2): where it was made. */
  origin: string;
  /** Other qualified sources of the same part. */
  alternates: BomSource[];
  /** Line of the source file (CSV row or JSON position), for messages. */
  row?: number;
}

/** One product of a bill of materials: where it is made, what it is worth, where it goes. */
export interface BomProduct {
  id: string;
  name?: string;
  /** Country where the product is made (ISO-2). */
  madeIn: string;
  /** Fair market value of one product; the sum of its components when absent. */
  value?: number;
  /** Destinations the product is sold to (ISO-2). */
  destinations: string[];
  /** Classification of the finished product per jurisdiction, when known. */
  classifications: Partial<Record<Jurisdiction, string>>;
  hsCode?: string;
  components: BomComponent[];
}

/** A validated bill of materials: one or more products in one currency. */
export interface Bom {
  currency: string;
  products: BomProduct[];
}

/** Value of one component line: quantity × unit value. */
export function componentValue(c: Pick<BomComponent, 'quantity' | 'unitValue'>): number {
  return c.quantity * c.unitValue;
}

/** Value of one product: its declared value, else the sum of its component lines. */
export function productValue(p: Pick<BomProduct, 'value' | 'components'>): number {
  return p.value ?? p.components.reduce((sum, c) => sum + componentValue(c), 0);
}
