import anyAscii from 'any-ascii';
import { MAX_NAME_LENGTH } from './tokenize-name.ts';

/**
 * Foreign names written in Korean Hangul, Japanese katakana, Chinese
 * characters, Burmese or Greek lose distinctions the Latin spelling keeps:
 * Korean writes b and v alike (ㅂ) and adds vowels to break consonant
 * clusters (블라디미르 "beul-la-di-mi-reu" for Vladimir), Japanese merges l
 * and r and ends every consonant with a vowel (ウラジーミル "u-ra-ji-mi-ru"),
 * Chinese spells each syllable with a character (弗拉基米尔 "fu-la-ji-mi-er"),
 * Greek writes d as ντ. A plain romanisation of such a word is far from the
 * name it stands for. This module lists, per word, the Latin spellings the
 * word may stand for, cheapest (most literal) first; the screening engine
 * picks the spelling that the lists it holds actually contain.
 */

/** One position of a word: the Latin strings it may be read as, likeliest first. */
type Segment = readonly string[];

/** Most spellings kept per word (a beam over the segments, cheapest first). */
const BEAM = 4096;

/**
 * Longest word read as a transcription, in characters (블라디미로비치 is 7,
 * Βλαντίμιροβιτς 14): a longer run is not a name part, and the beam's cost
 * grows with its length.
 */
export const MAX_TRANSCRIBED_WORD = 16;

/** Most words of one name read as transcriptions (the rest keep their plain reading). */
const MAX_TRANSCRIBED_WORDS = 6;

/** The spellings of a word made of `segments`, cheapest first (cost: sum of alternative ranks). */
export function spellSegments(segments: readonly Segment[], beam = BEAM): string[] {
  // Partial spellings by cost (costs are small integers: buckets, not a sort).
  let buckets: string[][] = [['']];
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const next: string[][] = [];
    let kept = 0;
    // Fill cheapest first; a partial of cost c with alternative k costs c + k.
    for (let cost = 0; cost < buckets.length + segment.length - 1 && kept < beam; cost++) {
      const bucket: string[] = [];
      for (let k = 0; k < segment.length && kept < beam; k++) {
        const from = buckets[cost - k];
        if (!from) continue;
        for (let i = 0; i < from.length && kept < beam; i++) {
          bucket.push(from[i] + segment[k]!);
          kept++;
        }
      }
      next.push(bucket);
    }
    buckets = next;
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const bucket of buckets)
    for (const text of bucket) {
      if (text.length === 0 || seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  return out;
}

// ---------------------------------------------------------------- Hangul

/** Initial consonants (choseong) in code order, with the Latin letters each may stand for. */
const HANGUL_INITIAL: readonly Segment[] = [
  ['g', 'k'], // ㄱ
  ['kk', 'k', 'g'], // ㄲ
  ['n'], // ㄴ
  ['d', 't'], // ㄷ
  ['tt', 't', 'd'], // ㄸ
  ['r', 'l'], // ㄹ
  ['m'], // ㅁ
  ['b', 'v', 'w'], // ㅂ
  ['pp', 'p', 'b'], // ㅃ
  ['s', 'sh', 'z'], // ㅅ
  ['ss', 's'], // ㅆ
  [''], // ㅇ
  ['j', 'z', 'g'], // ㅈ
  ['jj', 'ts'], // ㅉ
  ['ch', 'ts', 'c'], // ㅊ
  ['k', 'c'], // ㅋ
  ['t', 'th'], // ㅌ
  ['p', 'f', 'v'], // ㅍ
  ['h', 'kh'], // ㅎ
];

/** Vowels (jungseong) in code order. */
const HANGUL_MEDIAL: readonly Segment[] = [
  ['a'], // ㅏ
  ['ae', 'e', 'a'], // ㅐ
  ['ya', 'ia'], // ㅑ
  ['yae', 'ye'], // ㅒ
  ['eo', 'o', 'e', 'u'], // ㅓ
  ['e'], // ㅔ
  ['yeo', 'yo', 'ye'], // ㅕ
  ['ye', 'e'], // ㅖ
  ['o'], // ㅗ
  ['wa', 'oa'], // ㅘ
  ['wae', 'we'], // ㅙ
  ['oe', 'we'], // ㅚ
  ['yo', 'io'], // ㅛ
  ['u', 'ou', 'oo'], // ㅜ
  ['wo', 'uo'], // ㅝ
  ['we', 'ue'], // ㅞ
  ['wi', 'ui'], // ㅟ
  ['yu', 'iu'], // ㅠ
  ['eu', '', 'u'], // ㅡ: in loanwords the vowel that breaks a cluster
  ['ui', 'i'], // ㅢ
  ['i'], // ㅣ
];

/** Final consonants (jongseong) in code order; index 0 is none. */
const HANGUL_FINAL: readonly Segment[] = [
  [''],
  ['k', 'g'], // ㄱ
  ['k'], // ㄲ
  ['k'], // ㄳ
  ['n'], // ㄴ
  ['n'], // ㄵ
  ['n'], // ㄶ
  ['t', 'd'], // ㄷ
  ['l', 'r'], // ㄹ
  ['k'], // ㄺ
  ['m'], // ㄻ
  ['l'], // ㄼ
  ['l'], // ㄽ
  ['l'], // ㄾ
  ['p'], // ㄿ
  ['l'], // ㅀ
  ['m'], // ㅁ
  ['p', 'b'], // ㅂ
  ['p'], // ㅄ
  ['t', 's'], // ㅅ
  ['t', 's'], // ㅆ
  ['ng'], // ㅇ
  ['t', 'j'], // ㅈ
  ['t', 'ch'], // ㅊ
  ['k'], // ㅋ
  ['t'], // ㅌ
  ['p'], // ㅍ
  ['h'], // ㅎ
];

const INITIAL_RIEUL = 5;
const INITIAL_SILENT = 11;
const MEDIAL_EU = 18;
const MEDIAL_I = 20;
const FINAL_RIEUL = 8;
/** ㅈ, ㅉ, ㅊ: a word-final 지/치 often writes a bare j/ch (-비치 for -vich). */
const AFFRICATES = new Set([12, 13, 14]);

function hangulSegments(word: string): Segment[] {
  const syllables = [...word].map((ch) => ch.codePointAt(0)! - 0xac00);
  const segments: Segment[] = [];
  for (let s = 0; s < syllables.length; s++) {
    const code = syllables[s]!;
    const initial = Math.floor(code / 588);
    const medial = Math.floor((code % 588) / 28);
    const final = code % 28;
    const last = s === syllables.length - 1;
    const prevFinal = s > 0 ? syllables[s - 1]! % 28 : 0;
    // ㄹ after a final ㄹ is one l written twice (블라 = "bla").
    if (initial === INITIAL_RIEUL && prevFinal === FINAL_RIEUL) segments.push(['', 'l']);
    else segments.push(HANGUL_INITIAL[initial]!);
    if (medial === MEDIAL_EU && initial !== INITIAL_SILENT) segments.push(['', 'eu', 'u']);
    else if (medial === MEDIAL_I && last && final === 0 && AFFRICATES.has(initial)) segments.push(['i', '']);
    else segments.push(HANGUL_MEDIAL[medial]!);
    segments.push(HANGUL_FINAL[final]!);
  }
  return segments;
}

// ---------------------------------------------------------------- katakana

/** Katakana → [consonant, vowel] in Hepburn; `n` is ン, `-` the long mark, `q` the small tsu. */
const KANA: Readonly<Record<string, readonly [string, string]>> = {};
function kanaRow(chars: string, consonant: string, vowels = 'aiueo'): void {
  [...chars].forEach((ch, k) => {
    if (ch !== '_') (KANA as Record<string, [string, string]>)[ch] = [consonant, vowels[k]!];
  });
}
kanaRow('アイウエオ', '');
kanaRow('カキクケコ', 'k');
kanaRow('ガギグゲゴ', 'g');
kanaRow('サ_スセソ', 's');
kanaRow('ザ_ズゼゾ', 'z');
kanaRow('タ__テト', 't');
kanaRow('ダ__デド', 'd');
kanaRow('ナニヌネノ', 'n');
kanaRow('ハヒ_ヘホ', 'h');
kanaRow('バビブベボ', 'b');
kanaRow('パピプペポ', 'p');
kanaRow('マミムメモ', 'm');
kanaRow('ヤ_ユ_ヨ', 'y');
kanaRow('ラリルレロ', 'r');
kanaRow('ワヰ_ヱヲ', 'w');
Object.assign(KANA, {
  シ: ['sh', 'i'],
  ジ: ['j', 'i'],
  チ: ['ch', 'i'],
  ヂ: ['j', 'i'],
  ツ: ['ts', 'u'],
  ヅ: ['z', 'u'],
  フ: ['f', 'u'],
  ヴ: ['v', 'u'],
});

/** Small kana that replace the vowel of the mora before them (ファ, ティ) or add a glide (キャ). */
const SMALL_VOWEL: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
const SMALL_GLIDE: Readonly<Record<string, string>> = { ャ: 'a', ュ: 'u', ョ: 'o' };

/** The Latin consonants a katakana consonant may stand for. */
const KANA_CONSONANT: Readonly<Record<string, Segment>> = {
  r: ['r', 'l'],
  b: ['b', 'v'],
  v: ['v', 'b', 'w'],
  j: ['j', 'd', 'z', 'g', 'dj', 'zh'],
  ch: ['ch', 't', 'ts', 'c', 'tch'],
  ts: ['ts', 't', 'z', 'c', 'tz'],
  sh: ['sh', 's', 'sch', 'ch'],
  s: ['s', 'c', 'th', 'z'],
  z: ['z', 's', 'd'],
  f: ['f', 'h', 'ph', 'v'],
  h: ['h', 'kh', 'f'],
  k: ['k', 'c', 'kh', 'ch'],
  w: ['w', 'v'],
  t: ['t', 'th'],
  g: ['g', 'gh'],
};

interface Mora {
  consonant: string;
  vowel: string;
  glide: boolean;
  kind: 'mora' | 'n' | 'long' | 'q';
}

function parseKatakana(word: string): Mora[] {
  const morae: Mora[] = [];
  for (const ch of word) {
    const prev = morae[morae.length - 1];
    if (ch === 'ー') morae.push({ consonant: '', vowel: '', glide: false, kind: 'long' });
    else if (ch === 'ン') morae.push({ consonant: 'n', vowel: '', glide: false, kind: 'n' });
    else if (ch === 'ッ') morae.push({ consonant: '', vowel: '', glide: false, kind: 'q' });
    else if (SMALL_VOWEL[ch] && prev?.kind === 'mora') {
      // ウィ, ヴァ, ティ: the small vowel replaces the mora's own (ウ before it is a w).
      if (prev.consonant === '' && prev.vowel === 'u') prev.consonant = 'w';
      else if (
        prev.vowel === 'i' &&
        prev.consonant !== 'sh' &&
        prev.consonant !== 'j' &&
        prev.consonant !== 'ch'
      )
        prev.glide = true;
      prev.vowel = SMALL_VOWEL[ch]!;
    } else if (SMALL_GLIDE[ch] && prev?.kind === 'mora') {
      if (!['sh', 'j', 'ch'].includes(prev.consonant)) prev.glide = true;
      prev.vowel = SMALL_GLIDE[ch]!;
    } else {
      const base = KANA[ch];
      if (base) morae.push({ consonant: base[0], vowel: base[1], glide: false, kind: 'mora' });
    }
  }
  return morae;
}

function katakanaSegments(word: string): Segment[] {
  const morae = parseKatakana(word);
  const segments: Segment[] = [];
  for (let m = 0; m < morae.length; m++) {
    const mora = morae[m]!;
    const next = morae[m + 1];
    if (mora.kind === 'long' || mora.kind === 'q') continue;
    if (mora.kind === 'n') {
      segments.push(['n', 'm']);
      continue;
    }
    const beforeConsonant = next?.kind === 'mora' && next.consonant !== '';
    const wordEnd = !next || next.kind === 'q';
    const long = next?.kind === 'long';
    // A word-initial ウ before a consonant writes v (ウラジオストク, ウラジーミル).
    if (m === 0 && mora.consonant === '' && mora.vowel === 'u' && beforeConsonant) {
      segments.push(['u', 'v', 'w']);
      continue;
    }
    segments.push(KANA_CONSONANT[mora.consonant] ?? [mora.consonant]);
    if (mora.glide) segments.push(['y', 'i', '']);
    // Vowels Japanese adds after a bare consonant: u (ル, ス, ク), o after t and d (ト, ド),
    // i after ch and j at the end (-ビッチ for -vich).
    const epenthetic =
      !long &&
      mora.consonant !== '' &&
      !mora.glide &&
      (beforeConsonant || wordEnd) &&
      (mora.vowel === 'u' ||
        (mora.vowel === 'o' && (mora.consonant === 't' || mora.consonant === 'd')) ||
        (mora.vowel === 'i' && wordEnd && (mora.consonant === 'ch' || mora.consonant === 'j')));
    if (epenthetic) segments.push([mora.vowel, '']);
    else if (mora.vowel === 'i' && mora.consonant === '' && m > 0) segments.push(['i', 'y']);
    else segments.push([mora.vowel]);
  }
  return segments;
}

// ---------------------------------------------------------------- Chinese transcription characters

/**
 * Characters of the Chinese transcription of foreign names (Xinhua usage)
 * and the Latin syllables each may stand for; a final r or l is 尔, a bare
 * consonant often a syllable of its own (斯 s, 克 k, 夫 f/v).
 */
const HAN_SOUNDS: Readonly<Record<string, Segment>> = {
  阿: ['a'],
  埃: ['e', 'ai'],
  艾: ['ai', 'e'],
  安: ['an'],
  昂: ['ang', 'on'],
  奥: ['o', 'ao', 'au'],
  巴: ['ba', 'va'],
  拜: ['bai', 'bay'],
  班: ['ban', 'van'],
  邦: ['bon', 'bang'],
  贝: ['be', 'bei', 've'],
  本: ['ben'],
  比: ['bi', 'vi'],
  别: ['bie', 'be'],
  波: ['bo', 'po', 'vo'],
  伯: ['b', 'bo', 'ber'],
  博: ['bo', 'b'],
  布: ['bu', 'b', 'bru'],
  查: ['cha', 'ch'],
  达: ['da'],
  戴: ['dai', 'de'],
  丹: ['dan'],
  德: ['d', 'de'],
  登: ['den'],
  迪: ['di'],
  蒂: ['ti', 'di'],
  丁: ['din', 'ding', 'tin'],
  东: ['don', 'dong'],
  杜: ['du'],
  顿: ['don', 'ton'],
  多: ['do', 'duo'],
  厄: ['e'],
  恩: ['n', 'en'],
  尔: ['r', 'l', 'er'],
  法: ['fa', 'va'],
  凡: ['van', 'fan'],
  范: ['van', 'fan'],
  菲: ['fi', 'phi'],
  费: ['fe', 'fei', 'ph'],
  芬: ['fin', 'fen'],
  丰: ['fon', 'feng'],
  佛: ['fo', 'vo'],
  夫: ['f', 'v', 'fu'],
  弗: ['f', 'v', 'fu'],
  福: ['fo', 'fu', 'f'],
  富: ['fu'],
  盖: ['gai', 'ge', 'gei'],
  冈: ['gan', 'gon'],
  戈: ['go', 'ge'],
  哥: ['go', 'ge'],
  格: ['g', 'ge', 'gr'],
  贡: ['gon', 'gun'],
  古: ['gu', 'goo'],
  哈: ['ha', 'kha'],
  汉: ['han', 'khan'],
  豪: ['hao', 'how'],
  赫: ['h', 'he', 'kh'],
  亨: ['hen'],
  洪: ['hon', 'hun'],
  胡: ['hu', 'khu'],
  华: ['hua', 'wa'],
  霍: ['ho', 'kho'],
  基: ['ki', 'gi', 'ji', 'di', 'ky', 'k'],
  吉: ['gi', 'ji', 'ki'],
  加: ['ga', 'ja'],
  贾: ['ja', 'ga'],
  杰: ['je', 'ge', 'jie'],
  金: ['kin', 'jin', 'gin'],
  京: ['jing', 'tin', 'kin'],
  卡: ['ka', 'ca'],
  凯: ['ke', 'kai'],
  坎: ['kan'],
  康: ['kon', 'kan'],
  柯: ['ko', 'ke'],
  科: ['ko', 'co', 'k'],
  克: ['k', 'ke', 'c', 'ck'],
  肯: ['ken'],
  库: ['ku'],
  拉: ['la', 'ra'],
  莱: ['le', 'lai', 'ley'],
  赖: ['lai', 'le'],
  兰: ['lan', 'ran'],
  朗: ['lon', 'ran'],
  劳: ['lao', 'lau'],
  勒: ['le', 'l', 'r'],
  雷: ['re', 'le', 'rei'],
  累: ['le', 're'],
  里: ['li', 'ri'],
  利: ['li', 'ri', 'ly'],
  力: ['li'],
  列: ['le', 'lie'],
  林: ['lin', 'rin'],
  琳: ['lin'],
  龙: ['lon', 'ron'],
  卢: ['lu', 'ru'],
  鲁: ['ru', 'lu'],
  伦: ['len', 'ren', 'ron'],
  罗: ['ro', 'lo'],
  洛: ['lo', 'ro'],
  马: ['ma'],
  迈: ['mai', 'me'],
  麦: ['mai', 'me', 'mac'],
  曼: ['man'],
  毛: ['mao', 'mo'],
  梅: ['me', 'mei', 'mai'],
  门: ['men'],
  蒙: ['mon'],
  米: ['mi'],
  明: ['min'],
  莫: ['mo'],
  默: ['mo', 'mer'],
  姆: ['m'],
  穆: ['mu'],
  纳: ['na'],
  乃: ['nai', 'ne'],
  南: ['nan'],
  内: ['ne', 'nei'],
  尼: ['ni'],
  宁: ['nin'],
  纽: ['nyu', 'new'],
  努: ['nu'],
  诺: ['no'],
  欧: ['o', 'ou'],
  帕: ['pa'],
  潘: ['pan'],
  佩: ['pe', 'pei'],
  彭: ['pen'],
  皮: ['pi'],
  平: ['pin'],
  珀: ['po', 'per'],
  普: ['pu', 'p', 'pr'],
  奇: ['chi', 'ki', 'ti', 'ch'],
  契: ['chi', 'che'],
  乔: ['jo', 'qiao', 'geo'],
  切: ['che', 'ch'],
  琼: ['jon', 'joan'],
  丘: ['chu', 'qiu'],
  让: ['jean', 'ran'],
  热: ['zhe', 'je', 're'],
  瑞: ['rui', 'ry', 'sw'],
  若: ['jo', 'ruo'],
  萨: ['sa'],
  塞: ['se', 'sai'],
  桑: ['san'],
  瑟: ['se'],
  森: ['sen', 'son'],
  沙: ['sha', 'sa'],
  舍: ['she', 'sche'],
  申: ['shen'],
  圣: ['saint', 'sheng'],
  什: ['sh', 'sch', 'shi'],
  史: ['s', 'shi', 'st'],
  施: ['sch', 'shi', 'sh'],
  舒: ['shu', 'schu'],
  斯: ['s', 'si'],
  松: ['son', 'song'],
  苏: ['su'],
  索: ['so'],
  塔: ['ta'],
  泰: ['tai', 'te'],
  坦: ['tan'],
  汤: ['tom', 'tan'],
  唐: ['don', 'tan'],
  特: ['t', 'te'],
  提: ['ti', 'di'],
  廷: ['tin', 'ting'],
  通: ['ton', 'tun'],
  图: ['tu'],
  托: ['to'],
  瓦: ['va', 'wa'],
  万: ['van', 'wan'],
  旺: ['van', 'wan'],
  威: ['wi', 'wei', 'vi'],
  韦: ['ve', 'we', 'vi', 'wei'],
  维: ['vi', 'wi', 'we'],
  温: ['win', 'wen', 'vin'],
  文: ['win', 'wen', 'vin'],
  沃: ['vo', 'wo'],
  乌: ['u', 'v', 'wu'],
  武: ['u', 'wu', 'v'],
  西: ['si', 'shi', 'xi', 'ci'],
  希: ['hi', 'shi', 'si', 'xi'],
  锡: ['si', 'ci'],
  夏: ['sha', 'xia'],
  肖: ['sho', 'shaw', 'xiao'],
  谢: ['she', 'se', 'sche', 'xie'],
  辛: ['sin', 'shin', 'xin'],
  休: ['hu', 'hugh', 'xiu'],
  雅: ['ya', 'ja'],
  亚: ['ya', 'ia', 'a', 'ja'],
  扬: ['yan', 'jan'],
  耶: ['ye', 'je', 'ie'],
  叶: ['ye', 'e', 'ie'],
  伊: ['i', 'yi', 'y'],
  因: ['in'],
  英: ['in', 'ing'],
  尤: ['yu', 'ju', 'u'],
  于: ['yu', 'u'],
  约: ['jo', 'yo', 'yue'],
  扎: ['za'],
  泽: ['ze'],
  詹: ['jan', 'zhan'],
  兹: ['z', 'ts'],
  宗: ['zon', 'zun'],
  佐: ['zo'],
  祖: ['zu'],
};

function hanSegments(word: string): Segment[] {
  return [...word].map((ch) => HAN_SOUNDS[ch] ?? [anyAscii(ch).toLowerCase()]);
}

// ---------------------------------------------------------------- Burmese

/** Burmese letters that stand for several Latin ones in transcriptions. */
const BURMESE_LETTER: Readonly<Record<string, Segment>> = {
  ဗ: ['b', 'v'],
  ဘ: ['b', 'bh', 'v'],
  ဖ: ['ph', 'p', 'f'],
  ယ: ['y', 'r'],
  ရ: ['y', 'r'],
  သ: ['th', 't', 's'],
  ဆ: ['s', 'hs'],
};

/** Rhymes of an inherent vowel closed by a killed consonant (C + ်). */
const BURMESE_RHYME: Readonly<Record<string, Segment>> = {
  င: ['in', 'ng', 'an'],
  န: ['an', 'n', 'en'],
  မ: ['an', 'm', 'am'],
  တ: ['at', 't', 'et'],
  က: ['et', 'k', 'ak'],
  စ: ['it', 's'],
  ပ: ['at', 'p'],
  ည: ['i', 'e'],
  ယ: ['e', 'ai'],
};

const ASAT = '\u103a';
const BURMESE_CONSONANT = /[\u1000-\u1021]/u;
const BURMESE_DEPENDENT = /[\u102b-\u103e]/u;

function burmeseSegments(word: string): Segment[] {
  const chars = [...word];
  const segments: Segment[] = [];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    const next = chars[k + 1];
    if (ch === ASAT) continue;
    if (next === ASAT && BURMESE_RHYME[ch]) {
      // The consonant closes the syllable: the rhyme replaces the inherent vowel.
      segments.push(BURMESE_RHYME[ch]!);
      continue;
    }
    const letter = BURMESE_LETTER[ch] ?? [anyAscii(ch).toLowerCase()];
    segments.push(letter);
    // A word-final ယာ writes a foreign -r ("-mir").
    if (ch === 'ယ' && next === 'ာ' && k + 2 === chars.length) {
      segments.pop();
      segments.push(['ya', 'r', 'ar', 'er']);
      k++;
      continue;
    }
    // A consonant with no vowel sign keeps an inherent a, often silent in transcriptions.
    // (unless the next consonant closes the syllable: its rhyme carries the vowel).
    const closed = chars[k + 2] === ASAT;
    if (BURMESE_CONSONANT.test(ch) && !closed && (next === undefined || !BURMESE_DEPENDENT.test(next)))
      segments.push(['', 'a']);
  }
  return segments;
}

// ---------------------------------------------------------------- Greek

/** Greek digraphs for sounds Greek has no letter for: ντ d, μπ b, γκ g, τζ dz, τσ/τς ts. */
const GREEK_DIGRAPH = /(ντ|μπ|γκ|γγ|τζ|τσ|τς)/u;
const GREEK_DIGRAPH_SOUNDS: Readonly<Record<string, Segment>> = {
  ντ: ['nt', 'd', 'nd'],
  μπ: ['mp', 'b', 'mb'],
  γκ: ['gk', 'g', 'ng'],
  γγ: ['ng', 'g'],
  τζ: ['tz', 'j', 'dz'],
  τσ: ['ts', 'ch', 'tz', 'c'],
  τς: ['ts', 'ch', 'tz', 'c'],
};

function greekSegments(word: string): Segment[] {
  const bare = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return bare
    .split(GREEK_DIGRAPH)
    .filter((part) => part.length > 0)
    .map((part) => GREEK_DIGRAPH_SOUNDS[part] ?? [asciiGreek(part)]);
}

/** ASCII of unaccented lower-case Greek, ου read as u ("ou"), as `transliterateName` does. */
function asciiGreek(text: string): string {
  return anyAscii(text.replace(/ου/g, 'ou')).toLowerCase();
}

// ---------------------------------------------------------------- words

const HANGUL_WORD = /^[\uac00-\ud7a3]+$/u;
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const BURMESE_WORD = /^[\u1000-\u109f]+$/u;
const GREEK_WORD = /^[\p{Script=Greek}\p{M}]+$/u;
/** Separators of the parts of a transcribed foreign name (・ in Japanese, · in Chinese). */
const NAME_DOTS = /[·・‧•･]/u;
const WORD_SPLIT = /[\s,;:()[\]"/·・‧•･-]+/u;

/** One word of a name and, when its script's transcriptions are ambiguous, the Latin spellings it may stand for. */
export interface TranscribedWord {
  /** The word as written. */
  word: string;
  /** Lower-case ASCII spellings, the most literal first; empty for words with one reading. */
  spellings: string[];
}

/**
 * The words of `text`, each with the Latin spellings it may stand for (one
 * token each, lower-case ASCII, the most literal first) when it is written
 * in a script whose transcriptions of foreign names lose distinctions:
 * Hangul, katakana, Burmese, Greek with digraphs, and Chinese characters
 * when the name's parts are separated by a middle dot (the mark of a foreign
 * name in Chinese). Undefined when no word has more than one spelling.
 *
 * @example
 * transcriptionSpellings('ウラジーミル・プーチン')?.[0]?.spellings.includes('vladimir') // true
 */
export function transcriptionSpellings(text: string): TranscribedWord[] | undefined {
  const foreignHan = NAME_DOTS.test(text);
  const words = text.slice(0, MAX_NAME_LENGTH).normalize('NFKC').split(WORD_SPLIT).filter(Boolean);
  let ambiguous = false;
  const out: TranscribedWord[] = [];
  let transcribed = 0;
  for (const word of words) {
    let segments: Segment[] | undefined;
    const length = [...word].length;
    if (length > MAX_TRANSCRIBED_WORD || transcribed >= MAX_TRANSCRIBED_WORDS) {
      out.push({ word, spellings: [] });
      continue;
    }
    if (HANGUL_WORD.test(word) && length >= 2) segments = hangulSegments(word);
    else if (KATAKANA_WORD.test(word)) segments = katakanaSegments(word);
    else if (foreignHan && HAN_WORD.test(word) && length >= 2) segments = hanSegments(word);
    else if (BURMESE_WORD.test(word)) segments = burmeseSegments(word);
    else if (GREEK_WORD.test(word) && GREEK_DIGRAPH.test(word.toLowerCase())) segments = greekSegments(word);
    if (segments) transcribed++;
    let spellings = segments ? spellSegments(segments) : [];
    // Chinese syllables ending and starting with the same letter write it once (万诺 "vano").
    if (segments && HAN_WORD.test(word))
      spellings = [...new Set(spellings.map((x) => x.replace(/([a-z])\1+/g, '$1')))];
    if (spellings.length > 1) ambiguous = true;
    out.push({ word, spellings: spellings.length > 1 ? spellings : [] });
  }
  return ambiguous ? out : undefined;
}
