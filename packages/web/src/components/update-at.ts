/** A copy of `list` with the element at `index` merged with `patch` (form rows edited in place). */
export function updateAt<T extends object>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((x, k) => (k === index ? { ...x, ...patch } : x));
}
