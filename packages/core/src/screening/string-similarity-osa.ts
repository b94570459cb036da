/** Scratch rows reused between calls (distances are computed synchronously). */
const rows: Uint32Array[] = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions, so "hussien" is one edit from "hussein"); `max + 1`
 * whenever the distance exceeds `max`. Only the cells within `max` of the
 * diagonal are computed: a cell further off is more than `max` edits away.
 */
export function osaDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rows[0]!.length <= lb + 1) for (let r = 0; r < 3; r++) rows[r] = new Uint32Array(lb * 2 + 2);
  let [prev2, prev, cur] = rows as [Uint32Array, Uint32Array, Uint32Array];
  // The band's half-width, and what stands for a cell outside it (any value above `max` would do).
  const band = Math.min(max, Math.max(la, lb));
  const far = band + 1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(lb, i + band);
    cur[lo - 1] = lo === 1 ? i : far;
    let rowMin = lo === 1 ? i : far;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this row's band.
    if (hi < lb) cur[hi + 1] = far;
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb]! > max ? max + 1 : prev[lb]!;
}
