import { DomainError } from '@entente/core';

/** A DOCTYPE whose internal subset declares an entity (external `SYSTEM`/`PUBLIC` or internal). */
const ENTITY_DECLARATION = /<!DOCTYPE\b[^>[]*\[[^\]]*?<!ENTITY\b/i;

/**
 * Refuses (`file-rejected`, naming the file and line) an XML text whose DOCTYPE
 * declares entities. No publisher's list does; an external entity would read
 * another file or URL, and nested internal ones expand without bound.
 */
export function refuseXmlEntities(xml: string, file: string): void {
  const match = ENTITY_DECLARATION.exec(xml);
  if (!match) return;
  const entity = match.index + match[0].length - '<!ENTITY'.length;
  const row = xml.slice(0, entity).split('\n').length;
  throw new DomainError(
    'file-rejected',
    `${file}: line ${row}: the DOCTYPE declares entities, which list files never do; the file was not read`,
    { file, row },
  );
}
