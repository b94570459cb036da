import { DomainError } from '@entente/core';
import { ecfrCurrentDate } from '../../ecfr/ecfr-dates.ts';
import { childElements, findElements, parseEcfrXml, type EcfrElement } from '../../ecfr/ecfr-node.ts';
import { readEcfrTable } from '../../ecfr/ecfr-tables.ts';
import { textOfEcfr } from '../../ecfr/ecfr-text.ts';
import { CCL_ACT, type CclItem, type CclSource, type CclSourceEntry } from './ccl-source.ts';
import { controlsInWords, REASON_APPLIES } from './controls-in-words.ts';

/** Where and when the XML was read, for the citations (defaults: the file name, the text's own date). */
export interface Ecfr774Options {
  file: string;
  readFrom?: string;
  issueDate?: string;
}

type Section = 'requirements' | 'exceptions' | 'sta' | 'items';

const SUPPLEMENT = 'Supplement No. 1 to Part 774';
const PARAGRAPH_TAGS = new Set(['P', 'FP', 'FP-1', 'FP-2', 'FP1', 'FP2']);
const HEADING_TAGS = new Set(['HD1', 'HD2', 'HD3', 'HD', 'HED']);
const TABLE_TAGS = new Set(['TABLE', 'GPOTABLE']);
/** Wrappers whose children are read in place (the renderer's `<DIV>` around tables, extracts). */
const WRAPPER_TAGS = new Set(['DIV', 'EXTRACT']);
const ECCN_HEAD = /^(\d[A-E]\d{3})\b[.:]?\s*/;
/** `a.`, `a.1.`, `a.1.a.`, `z.1.a.1.`: the label of a lettered paragraph. */
const ITEM_LABEL = /^([a-z](?:\.\d+(?:\.[a-z])?)*)\.\s+/;
const EXCEPTION_FLAG = /^([A-Z]{3}):\s*/;
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

function sectionOf(text: string): Section | undefined {
  const t = oneLine(text).replace(/[:.]$/, '').toLowerCase();
  if (t === 'license requirements') return 'requirements';
  if (t.startsWith('list based license exceptions') || t === 'license exceptions') return 'exceptions';
  if (t.startsWith('special conditions for sta')) return 'sta';
  if (t === 'list of items controlled') return 'items';
  return undefined;
}

/** The ECCN a paragraph opens (its first element is bold and starts with the code), else undefined. */
function eccnHeading(el: EcfrElement): { eccn: string; heading: string } | undefined {
  const first = el.children.find((c) => typeof c !== 'string' || c.trim() !== '');
  if (!first || typeof first === 'string' || first.tag !== 'B') return undefined;
  const text = oneLine(textOfEcfr(el, { dropFootnoteRefs: true }));
  const m = ECCN_HEAD.exec(text);
  return m ? { eccn: m[1]!, heading: text.slice(m[0].length).replace(/^\.\s*/, '') } : undefined;
}

function chartColumn(text: string): string {
  const m = /^([A-Z]{2,3}) Column (\d)\.?$/.exec(oneLine(text));
  return m ? `${m[1]}${m[2]}` : '';
}

class CclReader {
  readonly entries: CclSourceEntry[] = [];
  private entry: CclSourceEntry | undefined;
  private section: Section | undefined;

  read(el: EcfrElement, inNote: boolean): void {
    for (const child of childElements(el)) {
      if (WRAPPER_TAGS.has(child.tag)) this.read(child, inNote);
      else if (child.tag === 'NOTE' || child.tag === 'NOTES') this.read(child, true);
      else if (TABLE_TAGS.has(child.tag)) this.table(child);
      else if (HEADING_TAGS.has(child.tag)) this.heading(textOfEcfr(child), inNote);
      else if (PARAGRAPH_TAGS.has(child.tag)) this.paragraph(child, inNote);
    }
  }

  private heading(text: string, inNote: boolean): void {
    const section = sectionOf(text);
    if (section) this.section = section;
    // A category or product-group heading ends the entry before it.
    else if (/^Category \d|^[A-E]\. /.test(oneLine(text))) this.entry = undefined;
    else this.item(oneLine(text), inNote ? 'note' : 'text');
  }

  private paragraph(el: EcfrElement, inNote: boolean): void {
    const opened = inNote ? undefined : eccnHeading(el);
    if (opened) {
      // A second bold heading of the same ECCN (a reprint or an amendment note) adds nothing.
      if (this.entries.some((e) => e.eccn === opened.eccn)) {
        this.entry = undefined;
        return;
      }
      this.entry = { ...opened, reasonForControl: null, requirementRows: [], exceptionFlags: {}, items: [] };
      this.entries.push(this.entry);
      this.section = undefined;
      return;
    }
    let text = oneLine(textOfEcfr(el, { dropFootnoteRefs: true }));
    const section = sectionOf(text);
    if (section) {
      this.section = section;
      return;
    }
    if (!this.entry || text === '') return;
    const reason = /^Reasons? for Control:\s*/i.exec(text);
    if (reason) {
      this.entry.reasonForControl = text.slice(reason[0].length).replace(/\.$/, '') || null;
      return;
    }
    const controls = /^Control\(s\):?\s*/i.exec(text);
    if (controls && this.entry.requirementRows.length === 0) {
      this.entry.requirementRows.push(...controlsInWords(text.slice(controls[0].length)));
      return;
    }
    // A further requirement in words after the first ("AT applies to entire entry. …").
    if (
      this.section === 'requirements' &&
      this.entry.requirementRows.length > 0 &&
      REASON_APPLIES.test(text)
    ) {
      this.entry.requirementRows.push(...controlsInWords(text));
      return;
    }
    const flag = EXCEPTION_FLAG.exec(text);
    if (flag && (this.section === 'exceptions' || this.section === 'sta')) {
      this.entry.exceptionFlags[flag[1]!] = text.slice(flag[0].length);
      return;
    }
    const items = /^Items:?\s*/.exec(text);
    if (items && this.section === 'items') {
      text = text.slice(items[0].length);
      if (text === '') return;
    }
    this.item(text, inNote || /^(Technical )?Notes?\b/i.test(text) ? 'note' : 'item');
  }

  private item(text: string, kind: 'item' | 'note' | 'text'): void {
    if (!this.entry || text === '') return;
    const label = this.section === 'items' && kind !== 'text' ? ITEM_LABEL.exec(text) : null;
    const out: CclItem = label
      ? { paragraph: label[1]!, kind, text: text.slice(label[0].length) }
      : { paragraph: null, kind: kind === 'item' ? 'text' : kind, text };
    this.entry.items.push(out);
  }

  private table(el: EcfrElement): void {
    if (!this.entry || this.section !== 'requirements') return;
    for (const row of readEcfrTable(el, { dropFootnoteRefs: true }).rows) {
      const [control = '', chart = ''] = row.cells.map(oneLine);
      if (row.footer || control === '' || /^Control\(s\)$/i.test(control)) continue;
      const column = chartColumn(chart);
      this.entry.requirementRows.push({ control, chartColumn: column, destination: column ? '' : chart });
    }
  }
}

/**
 * Reads Supplement No. 1 to 15 CFR part 774 (the Commerce Control List) from
 * the eCFR XML of the part: every ECCN with its heading, reasons for control,
 * licence requirements table, list-based licence exceptions (LVS, GBS, STA …)
 * and the paragraphs of its List of Items Controlled. Paragraphs inside a
 * `NOTE` are notes, never controlled paragraphs. Throws `file-rejected` when
 * the supplement or its ECCNs are missing, or the text carries no date.
 *
 * @example
 * const ccl = parseEcfr774(readFileSync(file, 'utf8'), { file });
 */
export function parseEcfr774(xml: string, options: Ecfr774Options): CclSource {
  const { file } = options;
  const root = parseEcfrXml(xml, file);
  const supplement = [root, ...findElements(root, (e) => /^DIV\d$/.test(e.tag))].find(
    (e) => e.attrs.N === SUPPLEMENT,
  );
  if (!supplement) {
    throw new DomainError('file-rejected', `${file} holds no ${SUPPLEMENT} (is it the XML of part 774?)`, {
      file,
      field: SUPPLEMENT,
    });
  }
  const reader = new CclReader();
  reader.read(supplement, false);
  if (reader.entries.length === 0) {
    throw new DomainError('file-rejected', `${file}: ${SUPPLEMENT} holds no ECCN`, { file, field: 'ECCN' });
  }
  const issueDate = options.issueDate ?? ecfrCurrentDate(root);
  if (!issueDate) {
    throw new DomainError('file-rejected', `${file}: the text carries no date it is current to`, {
      file,
      field: 'date',
    });
  }
  return {
    act: CCL_ACT,
    issueDate,
    readFrom: options.readFrom ?? file,
    fullTextCategories: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    entries: reader.entries,
  };
}
