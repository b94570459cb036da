/** Sub-list names whose abbreviation is not the bracketed one (none today; kept as data for renames). */
const ABBREVIATIONS: Record<string, string> = {};

/**
 * The short code of a CSL sub-list, used to prefix source ids: the bracketed
 * abbreviation in the CSL's `source` ("Entity List (EL) - Bureau …" → `EL`,
 * "Non-SDN Menu-Based Sanctions List (NS-MBS List) - …" → `NS-MBS`), else the
 * initials of its name.
 */
export function subListCode(subList: string): string {
  const known = ABBREVIATIONS[subList];
  if (known) return known;
  const bracket = /\(([^()]+)\)[^()]*-/.exec(subList) ?? /\(([^()]+)\)/.exec(subList);
  if (bracket)
    return bracket[1]!
      .replace(/\s+List$/i, '')
      .replace(/\s+/g, '-')
      .toUpperCase();
  const title = subList.split(' - ')[0]!;
  return (title.match(/\b[A-Za-z]/g) ?? ['X']).join('').toUpperCase();
}
