/** Keys per `in (…)` list: well under the 65,535 parameters of a PostgreSQL statement. */
const PAGE = 5000;

/** The keys in pages for `in (…)` lists; no keys given: one page, undefined (no filter). */
export function pagesOf(keys: ReadonlySet<string> | undefined): (string[] | undefined)[] {
  if (!keys) return [undefined];
  const all = [...keys];
  const pages: string[][] = [];
  for (let i = 0; i < all.length; i += PAGE) pages.push(all.slice(i, i + PAGE));
  return pages;
}
