import type { ComponentControl, ControlStatus } from '../../api/supply-types.ts';

/** The four allies whose lists the analysis reads, in display order. */
export const ALLIES = ['US', 'EU', 'UK', 'JP'] as const;

const formats = new Map<string, Intl.NumberFormat>();

/** An amount in the BOM's currency, without decimals: `€420,000`. */
export function money(value: number, currency: string): string {
  let f = formats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
    }
    formats.set(currency, f);
  }
  return f.format(value);
}

/** An amount in short form for chart axes: `€120K`, `€1.2M`. */
export function compactMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}

/** A ratio as a percentage with one decimal: 0.3 → `30.0%`. */
export function pct(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A threshold as a whole percentage: 0.25 → `25%`. */
export function pctWhole(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** Words for each control status. */
export const STATUS_LABEL: Record<ControlStatus, string> = {
  controlled: 'Controlled',
  'at-only': 'AT only',
  'not-listed': 'Not listed',
  unclassified: 'Unclassified',
};

/** The control of one jurisdiction among a component's controls. */
export function controlOf(controls: ComponentControl[], jurisdiction: string): ComponentControl | undefined {
  return controls.find((c) => c.jurisdiction === jurisdiction);
}
