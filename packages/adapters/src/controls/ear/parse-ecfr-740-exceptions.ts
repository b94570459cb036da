import { childElements, findElements, parseEcfrXml } from '../../ecfr/ecfr-node.ts';
import { textOfEcfr } from '../../ecfr/ecfr-text.ts';
import type { LicenceExceptionSection, LicenceExceptionsSource } from './ear-tables-source.ts';
import { oneLine } from './ecfr-grid.ts';
import { issueDateOf, rejected, type EcfrReadOptions } from './ecfr-supplement.ts';

/** The act every licence exception citation names. */
export const EXCEPTIONS_ACT = '15 CFR Part 740 (License Exceptions)';
/** A licence exception's symbol as its section heading gives it: `(LVS)`, `(NAC)`. */
const SYMBOL = /\(([A-Z]{3})\)/g;

/**
 * Reads the licence exceptions of 15 CFR part 740 from the eCFR XML of the
 * part: each section (`§ 740.3 Shipments of limited value (LVS).`) whose
 * heading names one or more three-letter symbols, with its number and title;
 * each cites its section and the eCFR date. Sections without a symbol (§ 740.1
 * Introduction, § 740.2 Restrictions, reserved ones) are not exceptions.
 * Throws `file-rejected` when the text holds no section of part 740.
 *
 * @example
 * const { exceptions } = parseEcfr740Exceptions(readFileSync(file, 'utf8'), { file });
 */
export function parseEcfr740Exceptions(xml: string, options: EcfrReadOptions): LicenceExceptionsSource {
  const { file } = options;
  const root = parseEcfrXml(xml, file);
  const sections = findElements(root, (e) => /^DIV\d$/.test(e.tag) && /^740\.\d+$/.test(e.attrs.N ?? ''));
  if (sections.length === 0)
    throw rejected(file, '740', 'holds no section of part 740 (is it the XML of part 740?)');
  const issueDate = issueDateOf(root, options);
  const readFrom = options.readFrom ?? file;
  const exceptions: LicenceExceptionSection[] = [];
  for (const section of sections) {
    const n = section.attrs.N!;
    const head = childElements(section, 'HEAD')[0];
    const title = oneLine(head ? textOfEcfr(head, { dropFootnoteRefs: true }) : '')
      .replace(/^§+\s*[\d.]+\s*/, '')
      .replace(/\.$/, '');
    const symbols = [...new Set([...title.matchAll(SYMBOL)].map((m) => m[1]!))];
    if (symbols.length === 0 || /^\[Reserved\]/i.test(title)) continue;
    exceptions.push({
      section: `15 C.F.R. § ${n}`,
      sectionNumber: n,
      symbols,
      title,
      source: { act: EXCEPTIONS_ACT, paragraph: `§ ${n}`, issueDate, readFrom },
    });
  }
  if (exceptions.length === 0)
    throw rejected(file, 'exceptions', 'no section of part 740 names a licence exception');
  return { act: EXCEPTIONS_ACT, issueDate, readFrom, exceptions };
}
