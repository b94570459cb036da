import { detectScript } from '@entente/core';
import type { NameQuality, PartyName, PartySchema } from '@entente/core';

/**
 * A party name from an OFAC list. Person names come as "FAMILY, Given Names";
 * other names are kept whole, since a comma there is part of the name ("CO., LTD.").
 *
 * @example
 * ofacName('LOGAN MOREY, Elvis Angus', 'primary', 'person').parts // { family: 'LOGAN MOREY', given: 'Elvis Angus' }
 */
export function ofacName(published: string, quality: NameQuality, schema: PartySchema): PartyName {
  const full = published.replace(/\s+/g, ' ').trim();
  const name: PartyName = { full, quality };
  // Nearly every OFAC name is plain ASCII: skip the per-script scan for those.
  const script = /^[\x20-\x7e]*[A-Za-z][\x20-\x7e]*$/.test(full) ? 'Latn' : detectScript(full);
  if (script) name.script = script;
  if (schema === 'person') {
    const comma = full.indexOf(',');
    if (comma > 0) {
      const family = full.slice(0, comma).trim();
      const given = full.slice(comma + 1).trim();
      name.parts = given ? { family, given } : { family };
    }
  }
  return name;
}

const RANK: Record<NameQuality, number> = { primary: 0, strong: 1, weak: 2 };

/**
 * Adds a name unless the party already has it (compared without case); a
 * stronger quality replaces a weaker one.
 */
export function addName(names: PartyName[], name: PartyName): void {
  const key = name.full.toLowerCase();
  const existing = names.findIndex((n) => n.full.toLowerCase() === key && n.script === name.script);
  if (existing < 0) names.push(name);
  else if (RANK[name.quality] < RANK[names[existing]!.quality])
    names[existing] = { ...names[existing]!, quality: name.quality };
}
