/**
 * The syllables of Mandarin in pinyin (without tones; ü written u, as lists
 * fold it), by initial. A name whose every word is one to three of them is
 * written as Chinese names are ("Fang Yu", "Li Xiaoming"); `normalizeName`
 * reads a short word of such a name that is also a legal form ("Yu", the
 * Korean 유한회사) as a name word.
 */
const SYLLABLES_BY_INITIAL: Readonly<Record<string, string>> = {
  '': 'a ai an ang ao e ei en eng er o ou',
  b: 'ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu',
  p: 'pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu',
  m: 'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu',
  f: 'fa fan fang fei fen feng fo fou fu',
  d: 'da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo',
  t: 'ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo',
  n: 'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo',
  l: 'la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo',
  g: 'ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo',
  k: 'ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo',
  h: 'ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo',
  j: 'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun',
  q: 'qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun',
  x: 'xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun',
  zh: 'zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo',
  ch: 'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo',
  sh: 'sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo',
  r: 'ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo',
  z: 'za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo',
  c: 'ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo',
  s: 'sa sai san sang sao se sen seng si song sou su suan sui sun suo',
  y: 'ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun',
  w: 'wa wai wan wang wei wen weng wo wu',
};

const SYLLABLES: ReadonlySet<string> = new Set(Object.values(SYLLABLES_BY_INITIAL).join(' ').split(' '));

/** Longest syllable ("zhuang", "shuang"). */
const LONGEST = 6;

/** Most syllables one word of a Chinese name holds ("xiaoming" two; three for a joined given name and more). */
const MOST_SYLLABLES = 3;

/** A syllable without an initial: pinyin writes one inside a word after an apostrophe ("Xi'an"). */
const VOWEL_FIRST = /^[aeo]/;

/**
 * Whether a token (ASCII, lower case) is one to three pinyin syllables written together, each
 * after the first beginning with a consonant ("xiaoming"; not "ooo", "miea").
 */
export function isPinyinWord(token: string, syllables = MOST_SYLLABLES): boolean {
  if (SYLLABLES.has(token)) return true;
  if (syllables <= 1) return false;
  for (let k = Math.min(LONGEST, token.length - 1); k >= 1; k--) {
    const rest = token.slice(k);
    if (SYLLABLES.has(token.slice(0, k)) && !VOWEL_FIRST.test(rest) && isPinyinWord(rest, syllables - 1))
      return true;
  }
  return false;
}
