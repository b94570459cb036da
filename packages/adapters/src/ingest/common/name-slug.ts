/**
 * A stable, ASCII, lower-case key for a name: accents stripped, every run of
 * other characters turned into one hyphen ("Huawei Technologies Co., Ltd." →
 * `huawei-technologies-co-ltd`). Names with no Latin letters or digits fall
 * back to a short hash of the name, so the key is never empty.
 */
export function slugName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `h${hashText(name)}`;
}

/** FNV-1a 32-bit hash of a string, as 8 hex digits (stable across runs and platforms). */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
