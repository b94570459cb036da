/**
 * Generic words of organisation names written in kanji or hanzi, with the English words the lists
 * write for them: Japanese 工場 is the "plant" of "140 Repair Plant JSC", Chinese 集团 the "group"
 * of "Yusha Group Co. Ltd.". Han script writes no spaces, and each character is read as one pinyin
 * syllable ("gong chang"), so a Han name and the Latin name of one body shared none of these words.
 * `readHanOrganisationWords` reads them in English before the name is tokenised; the English words
 * are then weighed as in any Latin name (generic ones little, `ORGANISATION_WORD_GROUPS`).
 *
 * Every pair was read from the lists, not remembered: `bench/heldout/mine-han-org-words.ts --all-words`
 * counts, over the organisations of the wider Han/kana set's tune half (no held-out subject), the
 * parties whose Han name holds the Han word and whose Latin names hold the English word; the count
 * beside each word is "parties with both / parties with the Han word", with the first entry id it
 * printed. Only pairs where the Han word means the English word are kept (not "兵器" / "tactical",
 * which co-occur through one corporation's name), and only words of two characters or more.
 */
export const HAN_ORGANISATION_WORDS: Readonly<Record<string, string>> = {
  研究所: 'research institute', // 33/35 institute, 30/35 research; jp-meti:RU-2
  研究: 'research', // 36/41; jp-meti:RU-2
  科学: 'scientific', // 24/28; jp-meti:RU-2
  学術: 'scientific', // 15/21; jp-meti:RU-139
  工場: 'plant', // 27/34; jp-meti:RU-20
  設計局: 'design bureau', // 18/19 each; jp-meti:RU-135
  設計: 'design', // 24/25; jp-meti:RU-119
  生産: 'production', // 21/22; jp-meti:RU-59
  団体: 'association', // 9/10; jp-meti:RU-139
  企業: 'enterprise', // 12/16; jp-meti:RU-155
  工学: 'engineering', // 12/13; jp-meti:RU-109
  中央: 'central', // 7/7; jp-meti:RU-16
  国家: 'state', // 7/7; jp-meti:RU-8
  国立: 'state', // 6/6; jp-meti:RU-82
  連邦: 'federal', // 7/8; jp-meti:RU-6
  支部: 'branch', // 5/5; jp-meti:RU-203
  特別: 'special', // 3/3; jp-meti:RU-8
  開発: 'development', // 3/3; jp-meti:RU-56
  造船所: 'shipyard', // 3/3; jp-meti:RU-112
  通信: 'communications', // 3/3; jp-meti:RU-149
  修理: 'repair', // 10/11; jp-meti:RU-297
  航空機: 'aircraft', // 6/7; jp-meti:RU-28
  電子: 'electronic', // 15/19; eu-sanctions:32014R0833/IV/714
  电子: 'electronic', // 5/5 with "technology" (its companies' Latin names: "… Electronic Technology"); eu-sanctions:32014R0833/IV/693
  科技: 'technology', // 18/20; eu-sanctions:32014R0833/IV/603
  技术: 'technology', // 3/3; eu-sanctions:32014R0833/IV/651
  集团: 'group', // 2/2; eu-sanctions:32014R0833/IV/708
  國際: 'international', // 5/7; eu-sanctions:32014R0833/IV/692
  国际: 'international', // 2/3; eu-sanctions:32014R0833/IV/854
  贸易: 'trading', // 5/7; eu-sanctions:32014R0833/IV/604
  貿易: 'trade', // 3/4; eu-sanctions:32014R0833/IV/889
  发展: 'development', // 2/2; eu-sanctions:32014R0833/IV/801
  物流: 'logistics', // 3/3; eu-sanctions:32014R0833/IV/829
};

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** Longest word of the table and of `kept`, in characters. */
function longest(words: Iterable<string>): number {
  let n = 0;
  for (const w of words) n = Math.max(n, Array.from(w).length);
  return n;
}

const LONGEST = longest(Object.keys(HAN_ORGANISATION_WORDS));

/**
 * A name with each generic organisation word at either end of a Han run (`HAN_ORGANISATION_WORDS`,
 * longest first, again and again from the end, then from the start) written apart in English, and
 * each word of `kept` (the Han legal forms the reference reads, "株式会社", "有限公司") met there
 * written apart as it is: "玉沙集团有限公司" → "玉沙 group 有限公司", "株式会社電子科学研究所" →
 * "株式会社 electronic scientific research institute". A word inside the run, between two
 * characters that are not such words, stays: Han writes no spaces, and only the ends of a run are
 * known to be a word's ends. The name as given when it holds no Han or no such word, or nothing
 * but such words and legal forms.
 *
 * @example
 * readHanOrganisationWords('株式会社第140 修理工場', new Set(['株式会社'])) // '株式会社 第140  repair plant '
 */
export function readHanOrganisationWords(text: string, kept: ReadonlySet<string>): string {
  if (!HAN.test(text)) return text;
  const most = Math.max(LONGEST, longest(kept));
  const wordAt = (chars: string[], from: number, to: number): string | undefined => {
    const w = chars.slice(from, to).join('');
    return HAN_ORGANISATION_WORDS[w] ?? (kept.has(w) ? w : undefined);
  };
  let changed = false;
  let named = false;
  const out = text.replace(HAN_RUN, (run) => {
    const chars = Array.from(run);
    let start = 0;
    let end = chars.length;
    const tail: string[] = [];
    const head: string[] = [];
    for (let found = true; found && end > start;) {
      found = false;
      for (let n = Math.min(most, end - start); n >= 2; n--) {
        const w = wordAt(chars, end - n, end);
        if (w === undefined) continue;
        tail.unshift(w);
        end -= n;
        found = true;
        break;
      }
    }
    for (let found = true; found && end > start;) {
      found = false;
      for (let n = Math.min(most, end - start); n >= 2; n--) {
        const w = wordAt(chars, start, start + n);
        if (w === undefined) continue;
        head.push(w);
        start += n;
        found = true;
        break;
      }
    }
    if (start < end) named = true;
    if (head.length === 0 && tail.length === 0) return run;
    // Only legal forms cut apart: the reference reads those already.
    if ([...head, ...tail].every((w) => kept.has(w))) return run;
    changed = true;
    const middle = start < end ? [chars.slice(start, end).join('')] : [];
    return ` ${[...head, ...middle, ...tail].join(' ')} `;
  });
  // A name of generic words and legal forms only ("研究所", "中央設計局") stays as given: read in
  // English it would agree in full with every listed body of that kind, and the generic-only cut
  // of Latin names does not apply to a name read syllable by syllable (`isSyllabicName`).
  if (!changed || !(named || OTHER_NAME_CHARACTER.test(text.replace(HAN_RUN, '')))) return text;
  return out;
}

/** A letter or digit outside the Han runs (kana, Latin, a number): a word that names the body. */
const OTHER_NAME_CHARACTER = /[\p{L}\p{N}]/u;
