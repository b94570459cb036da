import type { PartySchema, PartyName } from '../model/party.ts';

/** One matching-quality case: a query name, a listed name, and whether they should match. */
export interface NameMatchCase {
  query: string;
  listed: string;
  /** Other names of the listed party (strong aliases), when the case reads across its names. */
  aliases?: string[];
  /** The listed name's published parts (given names first), when the case needs them. */
  parts?: PartyName['parts'];
  match: boolean;
  schema?: PartySchema;
  /** The listed party's kind when it differs from the query's (`schema`): lists publish one body under several. */
  listedSchema?: PartySchema;
  why: string;
}

/**
 * Should-match / should-not-match pairs for the name matcher (built-in
 * reference data), run with `it.each` in `name-match.test.ts`. Includes the
 * known false and true positives of Moov Watchman's Jaro-Winkler matching.
 */
export const NAME_MATCH_CASES: NameMatchCase[] = [
  { query: 'Jong Un Kim', listed: 'KIM Jong Un', match: true, why: 'name-part order' },
  {
    query: 'Vladimir Putin',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'missing patronymic',
  },
  {
    query: 'Maxim Sorokin',
    listed: 'SOROKIN, Maksim Valeryevich',
    match: true,
    why: 'missing patronymic, the given name romanised with x for ks',
  },
  {
    query: 'Alexei Belov',
    listed: 'BELOV, Aleksei Petrovich',
    match: true,
    why: 'missing patronymic, the given name romanised with x for ks',
  },
  {
    query: 'Xenia Frolova',
    listed: 'FROLOVA, Ksenia Gennadevna',
    match: true,
    why: 'missing patronymic, the given name romanised with x for ks',
  },
  { query: 'Владимир Путин', listed: 'Vladimir Putin', match: true, why: 'Cyrillic transliteration' },
  {
    query: 'Vladimir Putin',
    listed: 'Владимир Владимирович Путин',
    match: true,
    why: 'original-script alias',
  },
  { query: 'Νικόλαος', listed: 'Nikolaos', match: true, why: 'Greek transliteration' },
  { query: '김정은', listed: 'Kim Jong Un', match: true, why: 'Hangul with customary surname romanisation' },
  {
    query: '习近平',
    listed: 'Xi Jinping',
    match: true,
    why: 'one token per Chinese character, joined spelling',
  },
  { query: 'Βλαντίμιρ Πούτιν', listed: 'Vladimir Putin', match: true, why: 'Greek ου read as u' },
  { query: 'ভ্লাদিমির পুতিন', listed: 'Vladimir Putin', match: true, why: 'Bengali bh for the foreign v' },
  {
    query: 'Bhrama Lal',
    listed: 'Vrama Lalit',
    match: false,
    why: 'bh fold does not make other words match',
  },
  { query: 'משה', listed: 'Moshe', match: true, why: 'vowel-less Hebrew transliteration' },
  { query: 'محمد علي', listed: 'Mohamed Ali', match: true, why: 'vowel-less Arabic transliteration' },
  { query: 'Ramimakhlouf', listed: 'Rami Makhlouf', match: true, why: 'missing space' },
  { query: 'Ted Doe', listed: 'Theodore Doe', match: true, why: 'nickname' },
  { query: 'Sergey Lavrov', listed: 'Sergei Lavrov', match: true, why: 'spelling variant' },
  { query: 'John Doeburg', listed: 'John Dowburg', match: true, why: 'one-letter typo' },
  { query: 'Osama bin Laden', listed: 'Usama bin Ladin', match: true, why: 'transliteration variants' },
  {
    query: 'R0sneft Trading',
    listed: 'Rosneft Trading',
    match: true,
    schema: 'organization',
    why: 'confusable digit',
  },
  {
    query: 'OOO Romashka',
    listed: 'Romashka LLC',
    match: true,
    schema: 'organization',
    why: 'equivalent legal forms',
  },
  {
    query: 'Romashka Limited Liability Company',
    listed: 'ООО Ромашка',
    match: true,
    schema: 'organization',
    why: 'legal form across scripts',
  },
  { query: 'Dr. Ayman al-Zawahiri', listed: 'AYMAN AL-ZAWAHIRI', match: true, why: 'title removed' },
  {
    query: 'A.I.C. Sogo Kenkyusho',
    listed: 'AIC SOGO KENKYUSHO',
    match: true,
    schema: 'organization',
    why: 'dotted abbreviation',
  },
  {
    query: 'saddam hussien',
    listed: 'saddam hussein al tikriti',
    match: true,
    why: 'Watchman TP: missing middle names',
  },
  {
    query: 'valencia trujillo joaquin',
    listed: 'valencia trujillo joaquin mario',
    match: true,
    why: 'Watchman TP',
  },
  {
    query: 'alexander lukashenko',
    listed: 'lukashenko alexander grigoryevich',
    match: true,
    why: 'Watchman TP',
  },
  {
    query: 'sogo kenkyusho',
    listed: 'a i c sogo kenkyusho',
    match: true,
    schema: 'organization',
    why: 'Watchman TP: small words',
  },
  {
    query: 'В. В. Путин',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'initials stand for the given name and patronymic',
  },
  {
    query: 'Путин В. В.',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'initials after the family name',
  },
  {
    query: 'Wladimir Wladimirowitsch Putin',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'German transliteration (w, -witsch)',
  },
  {
    query: 'Władimir Władimirowicz Putin',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'Polish transliteration (-wicz)',
  },
  {
    query: 'Wladimir Wladimirowitsj Poetin',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'Dutch transliteration (oe, -witsj)',
  },
  {
    query: 'Putin Volodymyr Volodymyrovych',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'Ukrainian form of the given name',
  },
  {
    query: 'Уладзімір Уладзіміравіч Пуцін',
    listed: 'PUTIN, Vladimir Vladimirovich',
    match: true,
    why: 'Belarusian form of the given name',
  },
  {
    query: 'Oleksandr Ihorovych Kovalenko',
    listed: 'KOVALENKO, Aleksandr Igorevich',
    match: true,
    why: 'Ukrainian romanisation of the patronymic (h for g, -ovych)',
  },
  {
    query: 'Dmytro Hennadiyovych Tkachenko',
    listed: 'TKACHENKO, Dmitriy Gennadyevich',
    match: true,
    why: 'Ukrainian romanisation of the patronymic (h for g, -iyovych for -yevich)',
  },
  {
    query: 'Natallia Uladzimirauna Savitskaya',
    listed: 'SAVITSKAYA, Natalya Vladimirovna',
    match: true,
    why: 'Belarusian romanisation of the patronymic (u for v, dz for d, -auna)',
  },
  {
    query: 'Ivan Iurevich Garin',
    listed: 'HARIN, Ivan Yurevich',
    match: true,
    why: 'the patronymic with ю written iu and yu (the i is no vowel before a short u)',
  },
  {
    query: 'Yevhenia Ihorivna Kovalenko',
    listed: 'KOVALENKO, Yevhen Ihorovych',
    match: false,
    why: "a daughter's patronymic is not a son's, however romanised",
  },
  {
    query: 'Ihor Petrovych Kovalenko',
    listed: 'KOVALENKO, Igor Pavlovich',
    match: false,
    why: 'different patronymics under two romanisations',
  },
  {
    query: 'خالد محمود',
    listed: 'Khaled Mahmoud',
    match: true,
    why: 'vowel-less Arabic against a Jaro-Winkler near miss',
  },
  { query: 'Αλέξανδρος', listed: 'Alexander', match: true, why: 'Greek form of the given name' },
  { query: 'Serej Lavrov', listed: 'Sergei Lavrov', match: true, why: 'spelling variant of the given name' },
  { query: 'John Doe', listed: 'Juan Doe', match: false, why: 'different given name' },
  { query: 'John Doe', listed: 'John Down', match: false, why: 'different family name' },
  { query: 'A Nazarbayev', listed: 'Nursultan Naza', match: false, why: 'truncated other name' },
  {
    query: 'Romashka LLC',
    listed: 'Vasilek LLC',
    match: false,
    schema: 'organization',
    why: 'a shared legal form alone never matches',
  },
  {
    query: 'Acme Trading Company',
    listed: 'Globex Trading Company',
    match: false,
    schema: 'organization',
    why: 'shared generic words',
  },
  {
    query: 'vladimir levenshtein',
    listed: 'vladimirov vladimir vladimirovich',
    match: false,
    why: 'Watchman FP: one listed word used once',
  },
  { query: 'zaid shakir', listed: 'shaqiri shaqir', match: false, why: 'Watchman FP: doubled names' },
  { query: 'hadi alwai', listed: 'hadi', match: false, why: 'Watchman FP: single-word listed name' },
  {
    query: 'li shanlan',
    listed: 'li shangfu',
    match: false,
    why: 'Watchman FP: short words weigh by length',
  },
  { query: 'brown', listed: 'browningweight', match: false, why: 'Watchman FP: different lengths' },
  { query: 'jimenez', listed: 'dominguez', match: false, why: 'Watchman FP: different first letters' },
  { query: 'Anna Schmidt', listed: 'Hanna Schmitz', match: false, why: 'two near misses' },
  {
    query: 'Anna Schmidt',
    listed: 'A. Smith',
    match: false,
    why: 'an initial does not carry a different family name',
  },
  {
    query: 'V. Petrov',
    listed: 'Vladimir Putin',
    match: false,
    why: 'a matching initial alone is not a match',
  },
  { query: 'Vang Wei', listed: 'Wang Lei', match: false, why: 'a folded spelling alone is not a match' },
  {
    query: 'فلاديمير فلاديميروفيتش بوتين',
    listed: 'Vladimir Vladimirovich Putin',
    match: true,
    why: 'Arabic patronymic: تش ("tsh") reads as ch',
  },
  { query: 'Vladimir Vladimirovitch', listed: 'Vladimir Vladimirovich', match: true, why: 'tch reads as ch' },
  {
    query: 'ウラジーミル・プーチン',
    listed: 'Vladimir Putin',
    match: true,
    why: 'katakana transcription read back to the listed spelling',
  },
  {
    query: '블라디미르 블라디미로비치 푸틴',
    listed: 'Vladimir Vladimirovich Putin',
    match: true,
    why: 'Hangul transcription read back to the listed spelling',
  },
  {
    query: 'Vladimir Vladimirovich Putin',
    listed: 'Vladimir Vladimirovich Tyulin',
    match: false,
    why: 'same given name and patronymic, other family name: words that break alike are compared word by word',
  },
  { query: 'Lauren Tnkunda', listed: 'Laurent Nkunda', match: true, why: 'a word break moved by one letter' },
  {
    query: 'Putyin',
    listed: 'Python',
    match: false,
    why: 'a word written with o is not a vowel-less transliteration: no match by consonants alone',
  },
];
