/** Words that say nothing about which item a heading describes. */
const GENERIC = new Set(
  (
    'with than other following items item controlled list see specially designed equipment components ' +
    'component therefor related technology software development used usable having being which their ' +
    'these those this that elsewhere specified described commodities commodity characteristics systems ' +
    'system materials material parts accessories according general note for and the not any all from ' +
    'into such also including'
  ).split(' '),
);

/** The distinctive word stems (first five letters) of a heading, and the entry codes it names. */
function stems(heading: string): Set<string> {
  const text = heading.replace(/\(see[^)]*\)/gi, ' ').toLowerCase();
  const out = new Set<string>();
  for (const w of text.match(/[a-z]{4,}|\d[a-e]\d{3}/g) ?? []) if (!GENERIC.has(w)) out.add(w.slice(0, 5));
  return out;
}

/**
 * Why two entries linked only by a shared code look like different items, or
 * undefined when their headings agree or cannot be compared. Only goods (A, B,
 * C groups) are checked: software and technology headings are written
 * generically in the CCL ("Other technology as follows"), as are headings that
 * defer to their paragraphs ("as follows"), so those are left unjudged.
 *
 * @example
 * headingMismatch('9A120', 'Complete unmanned aerial vehicles …', 'Liquid or gel propellant tanks')
 * // 'headings describe different items: "Complete unmanned …" vs "Liquid or gel propellant tanks"'
 */
export function headingMismatch(code: string, a: string, b: string): string | undefined {
  if (!/^\d[ABC]/.test(code)) return undefined;
  if (/as follows/i.test(a) || /as follows/i.test(b)) return undefined;
  const sa = stems(a);
  const sb = stems(b);
  if (sa.size < 2 || sb.size < 2) return undefined;
  for (const s of sa) if (sb.has(s)) return undefined;
  const cut = (h: string) => (h.length > 60 ? `${h.slice(0, 60)}…` : h);
  return `headings describe different items: "${cut(a)}" vs "${cut(b)}"`;
}
