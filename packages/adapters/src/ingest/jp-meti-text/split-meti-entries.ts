import { DomainError } from '@entente/core';

/** One numbered entry of a METI list: its number, 1-based line, and text after the number. */
export interface MetiEntryText {
  number: number;
  line: number;
  text: string;
}

/** The heading of a METI list file and its numbered entries. */
export interface MetiListText {
  heading: string;
  /** 指定日 (first designation), `YYYY-MM-DD`. */
  designatedOn?: string;
  /** 最終更新日 (last update), `YYYY-MM-DD`. */
  updatedOn?: string;
  /** The notice the list rests on ("令和四年外務省告示第八十二号"). */
  notice?: string;
  entries: MetiEntryText[];
}

const JP = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';

/**
 * Splits the text extracted from a METI list PDF into its numbered entries.
 * Entries are found in sequence (1, 2, 3…): the number starts a line or, where
 * extraction glued lines, follows the previous entry's last word, and Japanese
 * text follows it on the same line. Text is NFKC-normalised (full-width digits
 * and brackets become ASCII).
 */
export function splitMetiEntries(raw: string, file: string): MetiListText {
  const text = raw.normalize('NFKC').replace(/\r\n?/g, '\n');
  const updated = /最終更新日\s*:\s*([^\n]*)/.exec(text);
  if (!updated) {
    throw new DomainError('file-rejected', `${file} is not a METI end-user list: no 最終更新日 line`, {
      file,
    });
  }
  const bodyStart = updated.index + updated[0].length;
  const heading = text.slice(0, bodyStart);
  const entries: MetiEntryText[] = [];
  let pos = bodyStart;
  for (let n = 1; ; n++) {
    const re = new RegExp(`(?:(?<=\\n)|(?<=[.A-Za-z)\\]]))${n} ?(?=[^\\n]*${JP})`, 'gu');
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const prev = entries.at(-1);
    if (prev) prev.text = text.slice(pos, m.index);
    entries.push({ number: n, line: lineAt(text, m.index), text: '' });
    pos = m.index + m[0].length;
  }
  const last = entries.at(-1);
  if (last) last.text = text.slice(pos);
  const list: MetiListText = { heading, entries };
  const designated = /指定日\s*:\s*([^\n]*)/.exec(heading);
  const designatedOn = designated && japaneseDate(designated[1]!);
  if (designatedOn) list.designatedOn = designatedOn;
  const updatedOn = japaneseDate(updated[1]!);
  if (updatedOn) list.updatedOn = updatedOn;
  const notice = /(令和\S*?告示第\S+?号)/.exec(heading.replace(/\s+/g, ''));
  if (notice) list.notice = notice[1]!;
  return list;
}

/** `2022 年03月08 日` → `2022-03-08`. */
function japaneseDate(text: string): string | undefined {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
