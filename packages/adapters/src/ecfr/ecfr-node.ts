import { DomainError } from '@entente/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuseXmlEntities } from '../ingest/refuse-xml-entities.ts';

/** One XML element of an eCFR document, children in document order. */
export interface EcfrElement {
  tag: string;
  attrs: Record<string, string>;
  children: EcfrNode[];
}

/** An element or a run of text. */
export type EcfrNode = EcfrElement | string;

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function convertNode(raw: RawNode): EcfrNode | undefined {
  for (const key of Object.keys(raw)) {
    if (key === ':@') continue;
    if (key === '#text') return String(raw[key]);
    if (key.startsWith('?')) return undefined;
    const kids = (raw[key] as RawNode[]).map(convertNode).filter((n): n is EcfrNode => n !== undefined);
    return { tag: key, attrs: { ...(raw[':@'] ?? {}) }, children: kids };
  }
  return undefined;
}

/**
 * Parses eCFR XML (the `DIV5` part documents of the eCFR renderer, or any
 * eCFR/GPO XML) into an element tree; throws `file-rejected` when the text is
 * not well-formed XML (e.g. a truncated download), declares entities in its
 * DOCTYPE or has no root element.
 *
 * @example
 * const root = parseEcfrXml(readFileSync(file, 'utf8'), file); // root.tag === 'DIV5'
 */
export function parseEcfrXml(xml: string, file: string): EcfrElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DomainError(
      'file-rejected',
      `${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
      {
        file,
        row: valid.err.line,
      },
    );
  }
  refuseXmlEntities(xml, file);
  let parsed: RawNode[];
  try {
    parsed = parser.parse(xml) as RawNode[];
  } catch (cause) {
    throw new DomainError('file-rejected', `${file} cannot be parsed as XML: ${(cause as Error).message}`, {
      file,
    });
  }
  const nodes = parsed.map(convertNode);
  const root = nodes.find((n): n is EcfrElement => typeof n === 'object');
  if (!root) throw new DomainError('file-rejected', `${file} has no XML root element`, { file });
  return root;
}

/** True when the node is an element (optionally with the given tag). */
export function isEcfrElement(node: EcfrNode, tag?: string): node is EcfrElement {
  return typeof node === 'object' && (tag === undefined || node.tag === tag);
}

/** The child elements of an element (text runs skipped). */
export function childElements(el: EcfrElement, tag?: string): EcfrElement[] {
  return el.children.filter((c): c is EcfrElement => isEcfrElement(c, tag));
}

/** Every descendant element (depth-first, document order) that satisfies the predicate. */
export function findElements(el: EcfrElement, predicate: (e: EcfrElement) => boolean): EcfrElement[] {
  const out: EcfrElement[] = [];
  const walk = (node: EcfrElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (predicate(child)) out.push(child);
      walk(child);
    }
  };
  walk(el);
  return out;
}
