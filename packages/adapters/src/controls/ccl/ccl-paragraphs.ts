import type { CclItem } from './ccl-source.ts';

/** A controlled paragraph of an ECCN: its label (`a.1.b`) and text. */
export interface CclParagraph {
  paragraph: string;
  text: string;
}

const next = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/** The sentence before a note's own lettered list: a decontrol, or what an applicant must show. */
const NOTE_INTRO =
  /\b(does not (control|include|apply to)|(is|are) not controlled by|in order to establish any of the following)\b/i;

/** The label just before this one in its list (`b.2` → `b.1`), or its parent for a first child (`b.1` → `b`). */
function previousLabel(label: string): string {
  const parts = label.split('.');
  const last = parts.pop() ?? '';
  const n = Number(last);
  if (Number.isInteger(n) && n > 1) return [...parts, String(n - 1)].join('.');
  if (/^[b-z]$/.test(last)) return [...parts, String.fromCharCode(last.charCodeAt(0) - 1)].join('.');
  return parts.join('.');
}

/**
 * The paragraphs an ECCN controls, in order, without the lettered lists of its
 * notes. A note ("5A002.a does not control any of the following: a. Smart
 * cards … j. …", a technical note's "a. For conventional DACs …") letters its
 * own list from `a` again, so a top-level letter that does not move past the
 * last controlled one, right after such a sentence, opens a note list. The list runs on through the lettered
 * paragraphs that continue its own lettering (a definition in between does
 * not stop it); other text in between closes it, as does a paragraph ending
 * with a full stop (the last of its list: 1C001.c follows the note's "b. …
 * welding of polymers.") (3A001.b follows the DAC
 * note's a. and b.), and so does a letter past the last controlled one that
 * does not continue it (5A004's "c. through y. [Reserved]" after the note's
 * d.). A sub-paragraph belongs to the note only when the paragraph before it
 * in its list does (3A001.b.2 after a note's b. is controlled). "f. through
 * y." moves the last controlled letter to y. A label repeated outside a note
 * keeps its first text.
 */
export function controlledParagraphs(items: CclItem[]): CclParagraph[] {
  const out: CclParagraph[] = [];
  const seen = new Set<string>();
  let lastTop: string | undefined;
  let noteTop: string | undefined;
  let inNote = false;
  let noteLabels = new Set<string>();
  let intro = '';
  let noteClosed = false;
  for (const item of items) {
    const label = item.kind === 'item' ? item.paragraph : null;
    const top = label?.split('.')[0] ?? '';
    if (!label || !/^[a-z]$/.test(top)) {
      // A numbered note or other text closes the note's list; its own definitions do not.
      if (item.kind === 'note' || !/^'?For the purposes of/i.test(item.text)) noteTop = undefined;
      intro = item.text;
      continue;
    }
    if (label === top) {
      // Only a list that a note introduces is taken for one: the derived file's
      // labels of deep paragraphs restart at a. too, and those are controlled.
      const backwards = lastTop !== undefined && top <= lastTop && NOTE_INTRO.test(intro);
      const continues = noteTop !== undefined && top === next(noteTop) && !noteClosed;
      if (backwards || continues) {
        if (top === 'a') noteLabels = new Set();
        noteTop = top;
        inNote = true;
      } else {
        noteTop = undefined;
        inNote = false;
        lastTop = /^through ([a-z])\b/.exec(item.text)?.[1] ?? top;
      }
    } else if (inNote && !noteLabels.has(previousLabel(label))) {
      inNote = false;
      noteTop = undefined;
    }
    if (inNote) {
      noteLabels.add(label);
      // The last paragraph of a list ends with a full stop; the others with ";", "; or", ":".
      noteClosed = /\.["”’']?$/.test(item.text.trim());
    }
    if (inNote || seen.has(label)) continue;
    seen.add(label);
    out.push({ paragraph: label, text: item.text });
  }
  return out;
}
