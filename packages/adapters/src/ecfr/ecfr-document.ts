import { childElements, type EcfrElement } from './ecfr-node.ts';
import { textOfEcfr } from './ecfr-text.ts';

/** A part, subpart, section or appendix (`DIV1`…`DIV9`) of an eCFR document. */
export interface EcfrDivision {
  /** `PART`, `SUBPART`, `SECTION`, `APPENDIX`, … (the `TYPE` attribute). */
  type: string;
  /** The division number (`744`, `744.11`, `Supplement No. 4 to Part 744`). */
  n: string;
  /** The heading text. */
  head: string;
  /** Text of each paragraph (`P`, `FP`) directly inside the division or its extracts and notes. */
  paragraphs: string[];
  /** The source note(s) (`CITA`): "[61 FR 12802, Mar. 25, 1996, as amended at …]". */
  citations: string[];
  divisions: EcfrDivision[];
  element: EcfrElement;
}

const PARAGRAPH_TAGS = new Set(['P', 'FP']);
const PARAGRAPH_CONTAINERS = new Set(['EXTRACT', 'NOTE', 'NOTES', 'APPRO', 'EDNOTE', 'EFFDNOT']);

function collectParagraphs(el: EcfrElement, out: string[]): void {
  for (const child of childElements(el)) {
    if (PARAGRAPH_TAGS.has(child.tag)) out.push(textOfEcfr(child));
    else if (PARAGRAPH_CONTAINERS.has(child.tag)) collectParagraphs(child, out);
  }
}

/**
 * Reads the division tree of an eCFR element (normally the root from
 * `parseEcfrXml`): headings, paragraphs and source notes of every nested
 * `DIVn`. Tables are read separately with `extractEcfrTables(division.element)`.
 */
export function readEcfrDivision(el: EcfrElement): EcfrDivision {
  const paragraphs: string[] = [];
  collectParagraphs(el, paragraphs);
  const head = childElements(el, 'HEAD')[0];
  return {
    type: el.attrs.TYPE ?? el.tag,
    n: el.attrs.N ?? '',
    head: head ? textOfEcfr(head).replace(/\s*\n\s*/g, ' ') : '',
    paragraphs,
    citations: childElements(el, 'CITA').map((c) => textOfEcfr(c)),
    divisions: childElements(el)
      .filter((c) => /^DIV\d$/.test(c.tag))
      .map(readEcfrDivision),
    element: el,
  };
}

/** The first division (depth-first) whose number equals `n`, e.g. `'Supplement No. 4 to Part 744'` or `'121.1'`. */
export function findEcfrDivision(root: EcfrDivision, n: string): EcfrDivision | undefined {
  if (root.n === n) return root;
  for (const d of root.divisions) {
    const hit = findEcfrDivision(d, n);
    if (hit) return hit;
  }
  return undefined;
}
