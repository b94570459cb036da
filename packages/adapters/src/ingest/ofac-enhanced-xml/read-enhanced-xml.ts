import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '@entente/core';
import { unzipBounded, type InflateLimits } from '../archive/bounded-inflate.ts';
import { refuseXmlEntities } from '../refuse-xml-entities.ts';

/** A parsed XML element: attributes as `@_name`, text as `#text`, children by tag. */
export type XmlNode = Record<string, unknown>;

/** Tags that may repeat; the parser always gives them as arrays. */
const REPEATED = new Set([
  'referenceValue',
  'featureType',
  'entity',
  'sanctionsList',
  'sanctionsProgram',
  'sanctionsType',
  'legalAuthority',
  'name',
  'translation',
  'namePart',
  'address',
  'addressPart',
  'feature',
  'identityDocument',
  'relationship',
]);

/**
 * How far a zipped Enhanced XML may expand: OFAC's SDN_ENHANCED.XML is about a
 * hundred megabytes and compresses about 16 times; a ZIP bomb expands a thousand.
 */
export const ENHANCED_ZIP_LIMITS: InflateLimits = { maxBytes: 512 * 1024 * 1024, maxRatio: 200 };

function reject(file: string, message: string): never {
  throw new DomainError('file-rejected', `${path.basename(file)}: ${message}`, { file });
}

/** The XML text of an Enhanced XML file, unzipped in memory (within bounds) when it is a ZIP archive. */
async function readXmlText(file: string): Promise<string> {
  let buffer: Uint8Array;
  try {
    buffer = await readFile(file);
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  if (buffer.length === 0) reject(file, 'empty file');
  // "PK\x03\x04": a ZIP archive (OFAC publishes SDN_ENHANCED.ZIP and CONS_ENHANCED.ZIP).
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    const entries = unzipBounded(buffer, file, ENHANCED_ZIP_LIMITS, (name) =>
      name.toLowerCase().endsWith('.xml'),
    );
    const xml = [...entries.values()][0];
    if (!xml) reject(file, 'the ZIP archive holds no XML file');
    buffer = xml;
  }
  return new TextDecoder('utf-8').decode(buffer).replace(/^\uFEFF/, '');
}

/**
 * The `sanctionsData` root of an OFAC Enhanced XML file (plain or zipped).
 * Throws `file-rejected` when the file is not one.
 */
export async function readEnhancedXml(file: string): Promise<XmlNode> {
  const text = await readXmlText(file);
  if (!/<sanctionsData[\s>]/.test(text.slice(0, 4096)))
    reject(file, 'not an OFAC Enhanced XML file (no <sanctionsData> root)');
  refuseXmlEntities(text, file);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tag) => REPEATED.has(tag),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (cause) {
    reject(file, `malformed XML (${(cause as Error).message})`);
  }
  const root = doc.sanctionsData;
  if (!root || typeof root !== 'object') reject(file, 'no <sanctionsData> element');
  return root as XmlNode;
}

/** The text of an element (string, or `#text` of an element with attributes); '' when absent. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as XmlNode)['#text']);
  return '';
}

/** An attribute of an element, '' when absent. */
export function attrOf(node: unknown, name: string): string {
  return node && typeof node === 'object' ? textOf((node as XmlNode)[`@_${name}`]) : '';
}

/** The child element `tag` of `node`, if it is an element. */
export function childOf(node: unknown, tag: string): XmlNode | undefined {
  const child = node && typeof node === 'object' ? (node as XmlNode)[tag] : undefined;
  return child && typeof child === 'object' && !Array.isArray(child) ? (child as XmlNode) : undefined;
}

/** The repeated child elements `tag` under the wrapper `wrapper` of `node` (`names/name`). */
export function listOf(node: unknown, wrapper: string, tag: string): XmlNode[] {
  const items = childOf(node, wrapper)?.[tag];
  return Array.isArray(items)
    ? (items as unknown[]).map((i) => (typeof i === 'object' && i ? (i as XmlNode) : { '#text': i }))
    : [];
}
