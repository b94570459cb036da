import { DomainError } from '@entente/core';
import { ecfrCurrentDate } from '../../ecfr/ecfr-dates.ts';
import { childElements, findElements, parseEcfrXml, type EcfrElement } from '../../ecfr/ecfr-node.ts';
import { textOfEcfr } from '../../ecfr/ecfr-text.ts';

/** Where and when an eCFR text was read, for the citations (defaults: the file name, the text's own date). */
export interface EcfrReadOptions {
  file: string;
  readFrom?: string;
  issueDate?: string;
}

/** The division numbered `n` (`Supplement No. 1 to Part 738`) or whose heading starts with it. */
export function findSupplement(root: EcfrElement, n: string): EcfrElement | undefined {
  return [root, ...findElements(root, (e) => /^DIV\d$/.test(e.tag))].find((e) => {
    if (e.attrs.N === n) return true;
    const head = childElements(e, 'HEAD')[0];
    return head !== undefined && textOfEcfr(head).startsWith(n);
  });
}

/** The date the text is current to: the one given, else the text's own; throws `file-rejected` when neither. */
export function issueDateOf(root: EcfrElement, options: EcfrReadOptions): string {
  const date = options.issueDate ?? ecfrCurrentDate(root);
  if (!date) {
    throw new DomainError('file-rejected', `${options.file}: the text carries no date it is current to`, {
      file: options.file,
      field: 'date',
    });
  }
  return date;
}

/** A `file-rejected` error naming the file and what is missing from it. */
export function rejected(file: string, field: string, message: string): DomainError {
  return new DomainError('file-rejected', `${file}: ${message}`, { file, field });
}

/** A supplement opened for reading: its element, and what each of its citations carries. */
export interface OpenedSupplement {
  supplement: EcfrElement;
  issueDate: string;
  readFrom: string;
}

/**
 * Parses the XML of `part` and finds its supplement `n`, with the date the text is current to and
 * where it was read; throws `file-rejected` when the supplement or the date is missing.
 */
export function openSupplement(
  xml: string,
  options: EcfrReadOptions,
  n: string,
  part: string,
): OpenedSupplement {
  const root = parseEcfrXml(xml, options.file);
  const supplement = findSupplement(root, n);
  if (!supplement) throw rejected(options.file, n, `holds no ${n} (is it the XML of part ${part}?)`);
  return { supplement, issueDate: issueDateOf(root, options), readFrom: options.readFrom ?? options.file };
}
