import type { ControlGap } from '../../api/types.ts';

/** The category of a gap's entry: the first digit of its code, or `other`. */
export function categoryOf(gap: ControlGap): string {
  const code = gap.entry.slice(gap.entry.indexOf(':') + 1);
  return /^\d/.test(code) ? code[0]! : 'other';
}

/** The pair a gap belongs to: `controlledBy→lackingIn`. */
export function pairOf(gap: ControlGap): string {
  return `${gap.controlledBy}→${gap.lackingIn}`;
}

/** Gap counts per category (rows) and jurisdiction pair (columns). */
export interface GapMatrix {
  categories: string[];
  pairs: string[];
  counts: Map<string, number>;
  max: number;
}

/** Counts gaps per category × pair (pairs in the order of the jurisdictions asked). */
export function buildGapMatrix(gaps: ControlGap[], jurisdictions: string[]): GapMatrix {
  const pairs: string[] = [];
  for (const a of jurisdictions) for (const b of jurisdictions) if (a !== b) pairs.push(`${a}→${b}`);
  const counts = new Map<string, number>();
  const cats = new Set<string>();
  for (const g of gaps) {
    const key = `${categoryOf(g)}|${pairOf(g)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    cats.add(categoryOf(g));
  }
  const categories = [...cats].sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : a.localeCompare(b)));
  return { categories, pairs, counts, max: Math.max(0, ...counts.values()) };
}
