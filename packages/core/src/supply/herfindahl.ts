/** How concentrated a value is, read from the Herfindahl–Hirschman index (2023 US Merger Guidelines bands). */
export type ConcentrationLevel = 'none' | 'low' | 'moderate' | 'high';

/** One holder's part of a total (a jurisdiction's share of controlled value). */
export interface ValueShare {
  key: string;
  value: number;
  share: number;
}

/** The concentration of a value among holders: the index on the 0–10,000 scale, its band and the shares. */
export interface Concentration {
  /** Σ (100·share)²: 10,000 when one holder has everything; undefined when the total is 0. */
  hhi?: number;
  level: ConcentrationLevel;
  total: number;
  shares: ValueShare[];
  reason: string;
}

/** Bands of the 2023 Merger Guidelines: above 1,800 highly concentrated, 1,000–1,800 moderately. */
export const HHI_BANDS = { high: 1800, moderate: 1000 } as const;

/**
 * The Herfindahl–Hirschman index of values grouped by key (0–10,000), with
 * the shares sorted largest first and the concentration band.
 *
 * @example
 * herfindahl([['US', 60], ['JP', 40]]).hhi; // 5200
 */
export function herfindahl(values: Iterable<[string, number]>): Concentration {
  const byKey = new Map<string, number>();
  for (const [k, v] of values) byKey.set(k, (byKey.get(k) ?? 0) + v);
  const total = [...byKey.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return { level: 'none', total: 0, shares: [], reason: 'no controlled value to measure' };
  const shares = [...byKey.entries()]
    .map(([key, value]) => ({ key, value, share: value / total }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const hhi = Math.round(shares.reduce((sum, s) => sum + (100 * s.share) ** 2, 0) * 100) / 100;
  const level: ConcentrationLevel =
    hhi > HHI_BANDS.high ? 'high' : hhi >= HHI_BANDS.moderate ? 'moderate' : 'low';
  const top = shares[0] as ValueShare;
  return {
    hhi,
    level,
    total,
    shares,
    reason: `HHI ${hhi} over ${shares.length} jurisdiction(s) (${level}; above ${HHI_BANDS.high} is highly concentrated); largest ${top.key} ${Math.round(top.share * 1000) / 10}%`,
  };
}
