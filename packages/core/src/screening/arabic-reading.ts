/**
 * Consonants of the Arabic script (with the Persian, Urdu and Pashto
 * letters) in the romanisation most lists use: the digraphs kh, sh, th, dh,
 * gh, and q for qaf; ض dh, which lists write d, dh or (Persian) z, as
 * `abjadFit` reads it. Letters that stand for vowels (alif, waw, ya, ta marbuta, ʿayn)
 * are read in `arabicReading`, by their place in the word.
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ٹ: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ڈ: 'd',
  ذ: 'dh',
  ر: 'r',
  ڑ: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'dh',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ں: 'n',
  // Pashto
  ټ: 't',
  ځ: 'z',
  څ: 's',
  ډ: 'd',
  ړ: 'r',
  ږ: 'zh',
  ښ: 'sh',
  ګ: 'g',
  ڼ: 'n',
  ه: 'h',
  ہ: 'h',
  ھ: 'h',
};

const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\ufb50-\ufdff\ufe70-\ufefc]/;
/** The presentation forms (shaped letters some lists publish), which NFKC maps to the letters. */
const PRESENTATION_FORM = /[\ufb50-\ufdff\ufe70-\ufefc]/;
const MARKS = /[\u0640\u064b-\u065f\u0670]/g;
const ALIF = new Set(['ا', 'أ', 'آ', 'ٱ']);
const YA = new Set(['ي', 'ی', 'ى', 'ئ', 'ے', 'ې', 'ۍ']);
const WAW = new Set(['و', 'ؤ']);

/** Words read whole: the particles of kinship, whose vowels the script does not write. */
const WORDS: Readonly<Record<string, string>> = {
  بن: 'bin',
  ابن: 'ibn',
  بنت: 'bint',
  الله: 'allah',
  عبد: 'abd',
};

const isVowelLetter = (ch: string | undefined): boolean => !!ch && (ALIF.has(ch) || YA.has(ch));

function readWord(word: string): string {
  const whole = WORDS[word];
  if (whole) return whole;
  const letters = [...word];
  let out = '';
  let i = 0;
  // A name compounded with الله ("اللهی", "اللهیار") reads it whole: "allahi", not the article.
  if (word.length > 4 && word.startsWith('الله')) {
    out = 'allah';
    i = 4;
  }
  for (; i < letters.length; i++) {
    const ch = letters[i]!;
    const first = i === 0;
    const last = i === letters.length - 1;
    if (ALIF.has(ch)) out += 'a';
    else if (ch === 'إ') out += 'i';
    else if (ch === 'ع') out += first && !ALIF.has(letters[i + 1] ?? '') ? 'a' : '';
    else if (ch === 'ء') out += '';
    else if (ch === 'ة' || ch === 'ۃ') out += 'a';
    else if (WAW.has(ch)) out += first || isVowelLetter(letters[i + 1]) ? 'w' : 'u';
    else if (YA.has(ch))
      out += ch === 'ى' && last ? 'a' : first || ALIF.has(letters[i + 1] ?? '') ? 'y' : 'i';
    else out += CONSONANTS[ch] ?? '';
  }
  return out;
}

/**
 * A Latin reading of a name written in the Arabic script, with the vowels
 * the script writes as letters (alif a, waw u, ya i, ta marbuta a; ʿayn a at
 * the start of a word), the article written apart ("al duri"), the
 * particles bin, ibn and abd read whole and "abd al-…" joined ("abdalrahman"),
 * as Latin lists spell such names. `undefined` when the name has no
 * Arabic-script letter. A second reading beside the letter-by-letter
 * transliteration, which keeps only the consonants ("mhmd").
 *
 * @example
 * arabicReading('عزت ابراهيم الدوري') // 'azt abrahim al duri'
 */
export function arabicReading(text: string): string | undefined {
  if (!ARABIC_LETTER.test(text)) return undefined;
  const words = (PRESENTATION_FORM.test(text) ? text.normalize('NFKC') : text)
    .replace(MARKS, '')
    .split(/[^\u0620-\u064a\u066e-\u06d3]+/u)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    // "عبدالرحمن" written as one word: the particle and the article apart, as when spaced.
    if (w.length > 5 && w.startsWith('عبدال')) {
      out.push('abd');
      w = w.slice(3);
    }
    const article = w.length > 3 && w.startsWith('ال') && !w.startsWith('الله');
    const read = article ? readWord(w.slice(2)) : readWord(w);
    if (!read) continue;
    if (out[out.length - 1] === 'abd' && (article || w === 'الله'))
      out[out.length - 1] = article ? `abdal${read}` : 'abdallah';
    else if (article) out.push('al', read);
    else out.push(read);
  }
  return out.length ? out.join(' ') : undefined;
}
