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

/** Per UTF-16 code unit, the bits of the places where the pattern has it (`setOsaPattern`). */
const patternBits = new Int32Array(65536);
/** The pattern `osaToPattern` compares with (at most 32 code units). */
let pattern = '';

/**
 * Makes `a` (at most 32 code units) the pattern `osaToPattern` compares with: one bit mask per
 * code unit it holds. `clearOsaPattern` undoes it.
 */
export function setOsaPattern(a: string): void {
  if (a.length > 32) throw new RangeError('an OSA pattern holds at most 32 code units');
  clearOsaPattern();
  pattern = a;
  for (let i = 0; i < a.length; i++) {
    const unit = a.charCodeAt(i);
    patternBits[unit] = patternBits[unit]! | (1 << i);
  }
}

/** Clears the pattern `setOsaPattern` set. */
export function clearOsaPattern(): void {
  for (let i = 0; i < pattern.length; i++) patternBits[pattern.charCodeAt(i)] = 0;
  pattern = '';
}

/**
 * The optimal-string-alignment distance between the pattern (`setOsaPattern`) and the first
 * `n` code units of `b`, the same as `osaDistance(pattern, b)`: bit-parallel, one column of the
 * table per code unit of `b` in a few word operations (Myers' algorithm for the Levenshtein
 * distance, with Hyyrö's term for adjacent transpositions). No string is made of `b`.
 */
export function osaToPattern(b: Uint16Array, n: number): number {
  const m = pattern.length;
  if (m === 0) return n;
  const top = 1 << (m - 1);
  // Vertical differences (D[i][j] − D[i−1][j]) as bits: +1 (vp) or −1 (vn); all +1 in column 0.
  let vp = -1;
  let vn = 0;
  let score = m;
  let d0 = 0;
  let previous = 0;
  for (let j = 0; j < n; j++) {
    const eq = patternBits[b[j]!]!;
    // A transposition: the pattern's i−1, i match b's j, j−1, where the previous column's
    // diagonal did not stay.
    const tr = ((~d0 & eq) << 1) & previous;
    d0 = ((((eq & vp) + vp) | 0) ^ vp) | eq | vn | tr;
    let hp = vn | ~(d0 | vp);
    let hn = vp & d0;
    if (hp & top) score++;
    else if (hn & top) score--;
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    previous = eq;
  }
  return score;
}
