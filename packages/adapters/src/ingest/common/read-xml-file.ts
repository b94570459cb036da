import { readFile } from 'node:fs/promises';
import { DomainError } from '@entente/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuseXmlEntities } from '../refuse-xml-entities.ts';

/** The subset of a parsed XML element tree the list parsers read: every child is an array. */
export interface XmlNode {
  [tag: string]: (XmlNode | string)[] | string | undefined;
}

/**
 * Reads and parses an XML file whose every element becomes an array (so a
 * single child and many children read the same way); a file that cannot be
 * read throws `file-unreadable`, a file that is not well-formed XML (e.g.
 * truncated) or declares entities in its DOCTYPE throws `file-rejected` naming the file and line.
 */
export async function readXmlFile(file: string): Promise<XmlNode> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  if (!xml.trim()) throw new DomainError('file-rejected', `${file} is empty`, { file });
  refuseXmlEntities(xml, file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DomainError('file-rejected', `${file} is not well-formed XML: ${valid.err.msg}`, {
      file,
      row: valid.err.line,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  });
  try {
    return parser.parse(xml) as XmlNode;
  } catch (cause) {
    throw new DomainError('file-rejected', `${file} cannot be parsed as XML: ${(cause as Error).message}`, {
      file,
    });
  }
}

/** The child elements named `tag` of a node (empty when absent). */
export function xmlChildren(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node?.[tag];
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? { '#text': v } : v)) : [];
}

/** The trimmed texts of the children named `tag` (their `VALUE` children, or the elements themselves), blanks dropped. */
export function xmlTexts(node: XmlNode | undefined, tag: string): string[] {
  const value = node?.[tag];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === 'string') out.push(v);
    else if (typeof v['#text'] === 'string') out.push(v['#text']);
    else if (Array.isArray(v.VALUE)) out.push(...xmlTexts(v, 'VALUE'));
  }
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}

/** The first text of the children named `tag`, or undefined. */
export function xmlText(node: XmlNode | undefined, tag: string): string | undefined {
  return xmlTexts(node, tag)[0];
}
