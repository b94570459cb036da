/** One named, weighted factor of a risk score and what it contributed. */
export interface RiskFactor {
  id: string;
  label: string;
  /** Weight in [0,1]: the score this factor alone gives at full strength. */
  weight: number;
  /** Strength observed in [0,1]. */
  value: number;
  contribution: number;
  detail?: string;
}

/** A risk score in [0,1] with its level and per-factor breakdown. */
export interface RiskScore {
  score: number;
  level: 'low' | 'medium' | 'high';
  factors: RiskFactor[];
}

/** A factor as observed, before scoring. */
export interface RiskObservation {
  id: string;
  value: number;
  detail?: string;
}

/** The weighted factors of the transaction risk score. */
export const RISK_FACTORS: Readonly<Record<string, { label: string; weight: number }>> = {
  'embargoed-destination': { label: 'Destination under embargo or comprehensive sanctions', weight: 0.9 },
  'sanctions-list-hit': { label: 'A party matches a sanctions list', weight: 0.9 },
  'entity-list-hit': { label: 'A party matches the Entity List or another end-user list', weight: 0.7 },
  'prohibited-outcome': { label: 'An export is prohibited', weight: 0.8 },
  'licence-required': {
    label: 'A licence is required and no exception or general authorisation covers it',
    weight: 0.3,
  },
  'chpl-to-russia-belarus': {
    label: 'Common High Priority List item towards Russia or Belarus',
    weight: 0.8,
  },
  'diversion-hub': { label: 'Destination or transit through a known diversion hub', weight: 0.3 },
  'sensitive-end-use': { label: 'Declared military, WMD or surveillance end use', weight: 0.6 },
  'unknown-end-use': { label: 'End use not declared', weight: 0.2 },
  'kyc-red-flags': { label: 'BIS "know your customer" red flags', weight: 0.5 },
  'allied-divergence': { label: 'Allies reach different outcomes for the same item', weight: 0.15 },
  'governed-elsewhere': {
    label:
      "An item is governed by another authority's regulations (e.g. the ITAR), which this assessment does not determine",
    weight: 0.45,
  },
  'review-needed': {
    label: 'A licence requirement could not be read and must be reviewed before relying on the result',
    weight: 0.3,
  },
};

const HIGH = 0.6;
const MEDIUM = 0.25;

/**
 * Combines observed factors into one score by noisy-or (each factor can only
 * raise the score, and no sum of small factors exceeds 1), returning every
 * factor's contribution so the score is explained.
 */
export function scoreRisk(observations: readonly RiskObservation[]): RiskScore {
  let remaining = 1;
  const factors: RiskFactor[] = [];
  for (const o of observations) {
    const def = RISK_FACTORS[o.id];
    if (!def || o.value <= 0) continue;
    const value = Math.min(1, o.value);
    const before = 1 - remaining;
    remaining *= 1 - def.weight * value;
    factors.push({
      id: o.id,
      label: def.label,
      weight: def.weight,
      value,
      contribution: round(1 - remaining - before),
      ...(o.detail ? { detail: o.detail } : {}),
    });
  }
  const score = round(1 - remaining);
  return {
    score,
    level: score >= HIGH ? 'high' : score >= MEDIUM ? 'medium' : 'low',
    factors: factors.sort((a, b) => b.contribution - a.contribution),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
