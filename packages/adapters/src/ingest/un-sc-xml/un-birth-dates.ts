import type { PartialDate } from '@entente/core';
import { parseDateText, parseSingleDate } from '../common/parse-date-text.ts';
import type { XmlNode } from '../common/read-xml-file.ts';
import { xmlText } from '../common/read-xml-file.ts';
import type { WarningSink } from '../common/warning-sink.ts';

/**
 * Reads one `INDIVIDUAL_DATE_OF_BIRTH`: EXACT with `DATE` (day) or `YEAR`,
 * APPROXIMATELY (circa), BETWEEN with `FROM_YEAR`/`TO_YEAR` (a range); a date
 * given only in `NOTE` ("Nov. 1973") is read as free text.
 */
export function unBirthDates(node: XmlNode, row: number, sink: WarningSink): PartialDate[] {
  const type = (xmlText(node, 'TYPE_OF_DATE') ?? '').toUpperCase();
  const circa = type === 'APPROXIMATELY';
  const withCirca = (d: PartialDate): PartialDate => (circa ? { ...d, circa: true } : d);
  const date = xmlText(node, 'DATE');
  const year = xmlText(node, 'YEAR');
  const from = xmlText(node, 'FROM_YEAR');
  const to = xmlText(node, 'TO_YEAR');
  const note = xmlText(node, 'NOTE');
  const out: PartialDate[] = [];
  const bad = (text: string) =>
    sink.add('bad-date', row, 'INDIVIDUAL_DATE_OF_BIRTH', `Unreadable date of birth "${text}"`);
  if (date) {
    const d = parseSingleDate(date);
    if (d) out.push(withCirca(d));
    else bad(date);
  }
  if (year) {
    const d = parseSingleDate(year);
    if (d) out.push(withCirca(d));
    else bad(year);
  }
  if (from && to) {
    const a = parseSingleDate(from);
    const b = parseSingleDate(to);
    if (a && b) out.push({ ...a, to: b.value, ...(circa ? { circa } : {}) });
    else bad(`${from} to ${to}`);
  }
  if (out.length === 0 && note) {
    const { dates, unparsed } = parseDateText(note);
    out.push(...dates.map(withCirca));
    for (const piece of unparsed) bad(piece);
  }
  return out;
}
