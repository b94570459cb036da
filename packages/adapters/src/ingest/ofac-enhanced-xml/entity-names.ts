import { detectScript } from '@entente/core';
import type { PartyName } from '@entente/core';
import { addName } from '../ofac-common/ofac-name.ts';
import { NAME_PARTS } from './enhanced-xml-rules.ts';
import type { ReferenceValues } from './reference-values.ts';
import { attrOf, childOf, listOf, textOf, type XmlNode } from './read-enhanced-xml.ts';

/** One translation of one name, as a model name. */
function nameFromTranslation(
  translation: XmlNode,
  quality: PartyName['quality'],
  refs: ReferenceValues,
): PartyName | undefined {
  const partNodes = listOf(translation, 'nameParts', 'namePart');
  const full = (textOf(translation.formattedFullName) || partNodes.map((p) => textOf(p.value)).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (!full) return undefined;
  const name: PartyName = { full, quality };
  const script = refs.scripts.get(attrOf(childOf(translation, 'script'), 'refId')) ?? detectScript(full);
  if (script) name.script = script;
  const parts: NonNullable<PartyName['parts']> = {};
  for (const part of partNodes) {
    const slot = NAME_PARTS[textOf(part.type).toLowerCase()];
    const value = textOf(part.value);
    if (slot && value) parts[slot] = parts[slot] ? `${parts[slot]} ${value}` : value;
  }
  if (Object.keys(parts).length > 0) name.parts = parts;
  return name;
}

/**
 * The names of an entity: the primary name's primary translation first, then
 * its other-script translations and the aliases (weak when OFAC marks them low quality).
 */
export function namesOfEntity(entity: XmlNode, refs: ReferenceValues): PartyName[] {
  const names: PartyName[] = [];
  const nodes = listOf(entity, 'names', 'name');
  // The primary name goes first whatever its position in the file.
  nodes.sort((a, b) => Number(textOf(b.isPrimary) === 'true') - Number(textOf(a.isPrimary) === 'true'));
  for (const node of nodes) {
    const isPrimary = textOf(node.isPrimary) === 'true';
    const aliasQuality = textOf(node.isLowQuality) === 'true' ? 'weak' : 'strong';
    const translations = listOf(node, 'translations', 'translation');
    translations.sort(
      (a, b) => Number(textOf(b.isPrimary) === 'true') - Number(textOf(a.isPrimary) === 'true'),
    );
    for (const translation of translations) {
      const first = isPrimary && names.length === 0 && textOf(translation.isPrimary) === 'true';
      const name = nameFromTranslation(translation, first ? 'primary' : aliasQuality, refs);
      if (name) addName(names, name);
    }
  }
  return names;
}
