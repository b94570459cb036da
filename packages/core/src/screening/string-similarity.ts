/** Scratch match flags reused between calls (comparisons are synchronous). */
let scratchA = new Uint8Array(64);
let scratchB = new Uint8Array(64);

/** Scratch code units of the second string (`jaro`). */
let scratchUnits = new Uint16Array(64);

/**
 * Jaro similarity (standard definition: match window max(len)/2 − 1), in [0,1].
 * Works on UTF-16 code units; callers pass normalised ASCII or one script.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const lb = b.length;
  if (scratchUnits.length < lb) scratchUnits = new Uint16Array(lb * 2);
  for (let k = 0; k < lb; k++) scratchUnits[k] = b.charCodeAt(k);
  return jaroOfUnits(a, scratchUnits, lb);
}

/** `jaro(a, b)` where `b` is the first `lb` code units of `units`. */
function jaroOfUnits(a: string, units: Uint16Array, lb: number): number {
  const la = a.length;
  let same = la === lb;
  for (let k = 0; same && k < la; k++) same = a.charCodeAt(k) === units[k];
  if (same) return la === 0 ? 0 : 1;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  if (scratchA.length < la) scratchA = new Uint8Array(la * 2);
  if (scratchB.length < lb) scratchB = new Uint8Array(lb * 2);
  const matchedA = scratchA;
  const matchedB = scratchB;
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && units[j] === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== units[k]) t++;
    k++;
  }
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/** Length of the common prefix of two strings, capped at `max`. */
export function commonPrefixLength(a: string, b: string, max = 4): number {
  const n = Math.min(max, a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), in [0,1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  return j + commonPrefixLength(a, b) * 0.1 * (1 - j);
}

/**
 * `jaroWinkler(a, b)` where `b` is the first `lb` code units of `units`, without making `b`:
 * the same steps, so the same number.
 */
export function jaroWinklerUnits(a: string, units: Uint16Array, lb: number): number {
  const j = jaroOfUnits(a, units, lb);
  const n = Math.min(4, a.length, lb);
  let p = 0;
  while (p < n && a.charCodeAt(p) === units[p]) p++;
  return j + p * 0.1 * (1 - j);
}

/** Levenshtein edit distance; stops early and returns `max + 1` once it exceeds `max`. */
export function levenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev = new Uint32Array(lb + 1);
  let cur = new Uint32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[lb]!;
}

/** 1 − distance / longer length, in [0,1]. */
export function levenshteinSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 0;
  return 1 - levenshtein(a, b) / n;
}
