import type { XmlNode } from './read-enhanced-xml.ts';
import { childOf, listOf, textOf, attrOf } from './read-enhanced-xml.ts';
import { SCRIPT_CODES } from './enhanced-xml-rules.ts';

/** The lookups the entities refer to by `refId`. */
export interface ReferenceValues {
  /** Country refId → ISO-2 code. */
  countries: Map<string, string>;
  /** Script refId → ISO 15924 code. */
  scripts: Map<string, string>;
}

/** Reads the `referenceValues` of an Enhanced XML document. */
export function readReferenceValues(root: XmlNode): ReferenceValues {
  const refs: ReferenceValues = { countries: new Map(), scripts: new Map() };
  for (const value of listOf(root, 'referenceValues', 'referenceValue')) {
    const type = textOf(value.type);
    const refId = attrOf(value, 'refId');
    if (type === 'COUNTRY') {
      const iso = textOf(value.isoCode);
      if (/^[A-Z]{2}$/.test(iso)) refs.countries.set(refId, iso);
    } else if (type === 'SCRIPT') {
      const code = textOf(value.code);
      const iso = SCRIPT_CODES[code.toLowerCase()] ?? (/^[A-Z][a-z]{3}$/.test(code) ? code : undefined);
      if (iso) refs.scripts.set(refId, iso);
    }
  }
  return refs;
}

/** The data date of the publication (`publicationInfo/dataAsOf`), `YYYY-MM-DD`, if given. */
export function readDataAsOf(root: XmlNode): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(textOf(childOf(root, 'publicationInfo')?.dataAsOf));
  return m?.[1];
}

/** The lists the publication was filtered to (`publicationInfo/filters/sanctionsLists`). */
export function readPublicationLists(root: XmlNode): string[] {
  return listOf(childOf(childOf(root, 'publicationInfo'), 'filters'), 'sanctionsLists', 'sanctionsList').map(
    textOf,
  );
}
