import type { EcfrNode } from './ecfr-node.ts';

/** Elements that start a new line of text: blocks, line breaks and table rows. */
const LINE_TAGS = new Set([
  'br',
  'P',
  'FP',
  'LI',
  'HED',
  'HEAD',
  'HD1',
  'HD2',
  'HD3',
  'PSPACE',
  'NOTE',
  'CITA',
  'TR',
  'ROW',
  'DIV',
]);
/** Footnote reference markers (`<sup>3</sup>`, `<SU>1</SU>`). */
const FOOTNOTE_TAGS = new Set(['sup', 'SU', 'FTREF']);

/** How `textOfEcfr` renders an element. */
export interface EcfrTextOptions {
  /** Drop footnote reference markers (`<sup>`, `<SU>`) instead of keeping their digits. */
  dropFootnoteRefs?: boolean;
}

/**
 * The text of a node: entities decoded, line breaks (`<br/>`, block elements)
 * kept as `\n`, runs of spaces collapsed and each line trimmed. Empty lines
 * are kept (eCFR cells use a blank line to separate aliases from addresses).
 */
export function textOfEcfr(node: EcfrNode, options: EcfrTextOptions = {}): string {
  const parts: string[] = [];
  const walk = (n: EcfrNode): void => {
    if (typeof n === 'string') {
      parts.push(n.replace(/\s+/g, ' '));
      return;
    }
    if (options.dropFootnoteRefs && FOOTNOTE_TAGS.has(n.tag)) return;
    const breaks = LINE_TAGS.has(n.tag);
    if (breaks) parts.push('\n');
    for (const c of n.children) walk(c);
    if (breaks && n.tag !== 'br') parts.push('\n');
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n');
}
