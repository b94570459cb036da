/**
 * The characters of `a` found in `b` within `sep` positions, SimMetrics-style:
 * the window is [i − sep, i + sep) and matched characters of `b` are consumed.
 */
function commonCharacters(a: string, b: string, sep: number): string {
  const used = new Uint8Array(b.length);
  let out = '';
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const hi = Math.min(i + sep, b.length);
    for (let j = Math.max(0, i - sep); j < hi; j++) {
      if (used[j] === 0 && b.charCodeAt(j) === c) {
        used[j] = 1;
        out += a[i];
        break;
      }
    }
  }
  return out;
}

/**
 * Jaro-Winkler as implemented by SimMetrics.NET (which OFAC's Sanctions List
 * Search appears to use): window min(len)/2 + 1, zero when the two directions
 * find different numbers of common characters, integer half-transpositions,
 * and the prefix bonus applied whatever the Jaro score (no 0.7 boost threshold).
 */
export function simMetricsJaroWinkler(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sep = (Math.min(a.length, b.length) >> 1) + 1;
  const c1 = commonCharacters(a, b, sep);
  if (c1.length === 0) return 0;
  const c2 = commonCharacters(b, a, sep);
  if (c1.length !== c2.length) return 0;
  let t = 0;
  for (let i = 0; i < c1.length; i++) if (c1[i] !== c2[i]) t++;
  t = Math.floor(t / 2);
  const m = c1.length;
  const j = m / (3 * a.length) + m / (3 * b.length) + (m - t) / (3 * m);
  let p = 0;
  const n = Math.min(4, a.length, b.length);
  while (p < n && a[p] === b[p]) p++;
  return j + p * 0.1 * (1 - j);
}
