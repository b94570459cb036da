import { ABBREVIATIONS, JAPANESE_LEGAL_FORM } from './meti-lists.ts';
import {
  HAN_PAREN,
  joinEnglishLines,
  joinJapaneseLines,
  splitJapaneseEnglish,
  splitOutsideBrackets,
} from './split-japanese-english.ts';

/** The names of one METI entry, by language, and the description some entries carry. */
export interface MetiNames {
  english?: string;
  englishAliases: string[];
  japanese?: string;
  japaneseAliases: string[];
  /** Names written in Chinese characters only, given in brackets. */
  chinese: string[];
  /** Descriptive text cut from the name ("…, including the Armed Forces…"). */
  description?: string;
}

/** "a.k.a., the following two aliases:" and its variants, up to the first alias. */
const AKA =
  /,?\s*(?:\b(?:a\.k\.a\.?|aka\b)[,.]?\s*(?:the\s*)?(?:follow(?:ing)?\s+\S+?\s*alias(?:es)?\s*:)?|the\s*following\s+\S+?\s*alias(?:es)?\s*:)/i;
/** Alias bullets ("-", "—", "–") at a line start or after ";", ":" or "and". */
const BULLET = /(?:^|\n|[;:])\s*(?:and\s*)?[-—–]\s*|\band[-—–](?=\S)/g;

/**
 * Reads the names of one METI entry (the text before 所在地): the Japanese
 * name with its 別称 (aliases) in brackets, then the English name with its
 * "a.k.a." bullet list; or, in the newer layout, Japanese and English names
 * followed by a 別称: line of Japanese and then English aliases.
 */
export function parseMetiNames(text: string): MetiNames {
  let head = text;
  const names: MetiNames = { englishAliases: [], japaneseAliases: [], chinese: [] };
  head = collectChinese(head, names);
  const aliasLine = /\n別称\s*:/.exec(head);
  if (aliasLine) {
    const [jp, en] = splitJapaneseEnglish(head.slice(0, aliasLine.index));
    const [jpAliases, enAliases] = splitJapaneseEnglish(head.slice(aliasLine.index + aliasLine[0].length));
    readJapanese(jp, names);
    readEnglish(en, names);
    for (const a of splitOutsideBrackets(joinJapaneseLines(jpAliases), /^(?:;|及び)/)) {
      names.japaneseAliases.push(a);
    }
    for (const a of joinEnglishLines(enAliases).split(';')) addAlias(names, a);
    return names;
  }
  const [jp, en] = splitJapaneseEnglish(head);
  readJapanese(jp, names);
  readEnglish(en, names);
  return names;
}

function readJapanese(block: string, names: MetiNames): void {
  let text = joinJapaneseLines(block);
  const aka = text.indexOf('(別称');
  if (aka >= 0) {
    const close = matchingBracket(text, aka);
    const list = text.slice(aka + '(別称'.length, close).replace(/^[、,]\s*/, '');
    names.japaneseAliases.push(...splitOutsideBrackets(list, /^(?:、|及び)/));
    text = (text.slice(0, aka) + text.slice(close + 1)).trim();
  }
  // "国防省(…を含む。)。右には…": the name ends at the first full stop outside brackets.
  const [name, ...rest] = splitOutsideBrackets(text, /^。/);
  if (rest.length > 0) names.description = text;
  const cleaned = name?.replace(/\([^()]*含む[^()]*\)/, '').trim();
  if (cleaned) names.japanese = cleaned;
}

function readEnglish(block: string, names: MetiNames): void {
  const aka = AKA.exec(block);
  let primary = joinEnglishLines(aka ? block.slice(0, aka.index) : block);
  if (aka) {
    const list = block.slice(aka.index + aka[0].length).replace(BULLET, '\u0001');
    for (const a of list.split(/\u0001|;/)) addAlias(names, joinEnglishLines(a));
  }
  const including = primary.indexOf(', including ');
  if (including > 0) {
    names.description = [names.description, primary].filter(Boolean).join(' ');
    primary = primary.slice(0, including);
  }
  primary = trimListPunctuation(primary);
  if (primary) names.english = primary;
  // "Federal Security Service (FSB)": the bracketed short form is an alias too.
  const short = /^(.+?)\s*\(([^()]+)\)$/.exec(primary ?? '');
  if (short) {
    addAlias(names, short[1]!);
    addAlias(names, short[2]!);
  }
}

function addAlias(names: MetiNames, raw: string): void {
  const alias = trimListPunctuation(raw);
  if (alias && alias !== names.english && !names.englishAliases.includes(alias))
    names.englishAliases.push(alias);
}

/** Drops "; and", ";" and a list-ending full stop, keeping the stop of "Co., Ltd.". */
function trimListPunctuation(raw: string): string {
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:[;,]\s*)?\band$/i, '')
    .replace(/[;,\s]+$/, '');
  const last = /(\S+)\.$/.exec(s)?.[1];
  if (last && !last.includes('.') && !ABBREVIATIONS.has(last.toLowerCase())) s = s.slice(0, -1);
  return s.trim();
}

/** Moves names written only in Chinese characters, in brackets, into `names.chinese`. */
function collectChinese(block: string, names: MetiNames): string {
  return block.replace(HAN_PAREN, (whole: string, inner: string) => {
    if (JAPANESE_LEGAL_FORM.test(inner)) return whole;
    for (const n of inner
      .replace(/\n/g, '')
      .split(/[、()]/)
      .filter(Boolean)) {
      if (!names.chinese.includes(n)) names.chinese.push(n);
    }
    return '';
  });
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}
