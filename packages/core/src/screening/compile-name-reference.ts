import { EXTRA_LEGAL_FORMS, EXTRA_PERSON_SYMBOLS, EXTRA_TITLES } from './default-name-reference.ts';
import type { NameReference } from './name-reference.ts';
import {
  BRITISH_AMERICAN_SPELLINGS,
  GENERIC_ORGANISATION_WORDS,
  ORGANISATION_WORD_GROUPS,
} from './organisation-words.ts';
import { ORGANISATION_TRANSLATIONS } from './organisation-translations.ts';
import { tokenizeName, tokenizeOriginalScript } from './tokenize-name.ts';

/** The Arabic article as a reference alias writes it apart (`ARTICLES` of `article-lift.ts`). */
const GROUP_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/** Fewest letters of a word taken alone from an alias written with its article ("al-Qadhafi"). */
const BARE_MIN_LETTERS = 4;

/** What a recognised phrase of a name is. */
export type PhraseKind = 'legal' | 'symbol' | 'title' | 'orgPrefix';

/** A multi- or single-token phrase of the reference data, in normalised tokens. */
export interface ReferencePhrase {
  tokens: string[];
  kind: PhraseKind;
  /** Canonical value: the legal form class (`LLC`) or the symbol group key. */
  value: string;
}

/** Reference data compiled into lookup tables for fast normalisation. */
export interface CompiledNameReference {
  /** Phrases by their first token, longest first. */
  phrases: Map<string, ReferencePhrase[]>;
  /** Symbol and nickname group ids of single tokens. */
  tokenGroups: Map<string, number[]>;
  /** The subset of `tokenGroups` that are spellings of one name (`NameReference.nameSpellings`). */
  tokenSpellingGroups: Map<string, number[]>;
  /** Group keys by id, for explanations. */
  groupKeys: string[];
  /** Single-token members of each group, by group id. */
  groupMembers: string[][];
  /** Single-token titles. */
  titles: Set<string>;
  /** Common given names that weigh less in a match. */
  genericNames: Set<string>;
  /** Generic words of organisation names (company, sanaye, zavod) that weigh less still. */
  genericOrgWords: Set<string>;
  /** Organisation symbol group ids of single tokens ("kompanija" and "company" share one). */
  orgWordGroups: Map<string, number[]>;
  /**
   * Words that say what kind of body an organisation is, not which one: the generic words and the
   * words of the reference's legal forms written in another script than Latin ("общество",
   * "ответственностью"), as the original-script comparison reads them.
   * `genericOnlyCut` reads them.
   */
  orgFormWords: Set<string>;
  /**
   * The legal forms and organisation words of one word as the reference writes them, letters and
   * digits only, case kept ("Ltd", "oy", "ONG", "co"): `normalizeName` reads a short form in a name of no given kind
   * written otherwise ("Ong") only beside a generic word of a body.
   */
  legalSpellings: Set<string>;
  /** Translation group of single tokens of organisation names ("jaish" and "army" share one: `ORGANISATION_TRANSLATIONS`). */
  translations: Map<string, number>;
  /** The tokens of each translation group, by the group number `translations` gives. */
  translationMembers: string[][];
  /** Confusable digit → letter map used inside mixed tokens. */
  confusables: Map<string, string>;
  /**
   * The reference's legal forms written wholly in Han characters ("株式会社", "有限公司"), NFKC: cut
   * apart where they end a Han run as they are, beside the generic words `readHanOrganisationWords`
   * reads in English.
   */
  hanLegalForms: Set<string>;
}

const compiled = new WeakMap<NameReference, CompiledNameReference>();

/** A word of two Han characters or more. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** A word of Latin letters and digits only. */
const LATIN_WORD = /^[a-z0-9]+$/;

/** Compiles (once per reference object) the lookup tables the normaliser uses. */
export function compileNameReference(reference: NameReference): CompiledNameReference {
  const cached = compiled.get(reference);
  if (cached) return cached;
  const phrases = new Map<string, ReferencePhrase[]>();
  const addPhrase = (text: string, kind: PhraseKind, value: string): void => {
    const tokens = tokenizeName(text);
    if (tokens.length === 0) return;
    const list = phrases.get(tokens[0]!) ?? [];
    if (!list.some((p) => p.kind === kind && p.tokens.join(' ') === tokens.join(' '))) {
      list.push({ tokens, kind, value });
      phrases.set(tokens[0]!, list);
    }
  };
  const genericOrgWords = new Set(
    [...Object.values(ORGANISATION_WORD_GROUPS).flat(), ...GENERIC_ORGANISATION_WORDS].flatMap((w) =>
      tokenizeName(w),
    ),
  );
  const legalSpellings = new Set<string>();
  const hanLegalForms = new Set<string>();
  for (const type of [...reference.orgTypes, ...EXTRA_LEGAL_FORMS]) {
    const value = type.generic ?? type.compare ?? type.display;
    if (!value) continue;
    for (const alias of [...type.aliases, type.display ?? '', type.compare ?? '']) {
      if (HAN_WORD.test(alias)) hanLegalForms.add(alias.normalize('NFKC'));
      addPhrase(alias, 'legal', value.toUpperCase());
      if (tokenizeName(alias).length === 1) legalSpellings.add(alias.replace(/[^\p{L}\p{N}]/gu, ''));
      // A legal form of three words or more is also written without its generic last word
      // ("Open Joint Stock [Company]", "Limited Liability [Company]").
      const tokens = tokenizeName(alias);
      if (tokens.length >= 3 && genericOrgWords.has(tokens[tokens.length - 1]!))
        addPhrase(tokens.slice(0, -1).join(' '), 'legal', value.toUpperCase());
    }
  }
  const tokenGroups = new Map<string, number[]>();
  const groupKeys: string[] = [];
  const groupMembers: string[][] = [];
  const spellingGroups = new Set<number>();
  const orgGroups = new Set<number>();
  const addGroups = (groups: Record<string, string[]>, spellings = false, org = false): void => {
    for (const [key, words] of Object.entries(groups)) {
      const id = groupKeys.length;
      if (spellings) spellingGroups.add(id);
      if (org) orgGroups.add(id);
      groupKeys.push(key);
      groupMembers.push([]);
      for (const word of [key, ...words]) {
        const tokens = tokenizeName(word);
        if (tokens.length === 1) {
          const list = tokenGroups.get(tokens[0]!) ?? [];
          if (!list.includes(id)) {
            list.push(id);
            groupMembers[id]!.push(tokens[0]!);
          }
          tokenGroups.set(tokens[0]!, list);
        } else if (tokens.length > 1) {
          const value = tokenizeName(key).join('') || key;
          addPhrase(word, 'symbol', value);
          const list = tokenGroups.get(value) ?? [];
          if (!list.includes(id)) {
            list.push(id);
            groupMembers[id]!.push(value);
          }
          tokenGroups.set(value, list);
          // A person's name written with its article ("al-Qadhafi", "el Gadafi") is also that
          // name without it: lists write the article, hyphenate it or leave it out for one and
          // the same name (`articleLift`), so the word alone joins the group.
          const bare = tokens[1]!;
          if (
            !org &&
            tokens.length === 2 &&
            GROUP_ARTICLES.has(tokens[0]!) &&
            bare.length >= BARE_MIN_LETTERS
          ) {
            const own = tokenGroups.get(bare) ?? [];
            if (!own.includes(id)) {
              own.push(id);
              groupMembers[id]!.push(bare);
            }
            tokenGroups.set(bare, own);
          }
        }
      }
    }
  };
  addGroups(reference.orgSymbols, false, true);
  // A legal form read through an organisation word ("Co" for Company) is written as its group writes it.
  for (const word of Object.values(reference.orgSymbols).flat())
    if (tokenizeName(word).length === 1) legalSpellings.add(word.replace(/[^\p{L}\p{N}]/gu, ''));
  addGroups(ORGANISATION_WORD_GROUPS as Record<string, string[]>, false, true);
  addGroups(reference.personSymbols);
  addGroups(EXTRA_PERSON_SYMBOLS as Record<string, string[]>);
  addGroups(reference.nicknames);
  addGroups(reference.nameSpellings ?? {}, true);
  addGroups(BRITISH_AMERICAN_SPELLINGS as Record<string, string[]>, true);
  const tokenSpellingGroups = new Map<string, number[]>();
  for (const [token, ids] of tokenGroups) {
    const spelling = ids.filter((id) => spellingGroups.has(id));
    if (spelling.length > 0) tokenSpellingGroups.set(token, spelling);
  }
  const orgWordGroups = new Map<string, number[]>();
  for (const [token, ids] of tokenGroups) {
    const org = ids.filter((id) => orgGroups.has(id));
    if (org.length > 0) orgWordGroups.set(token, org);
  }
  // A legal form may be written with its generic words in another language ("Limited Liability
  // Kompanija", "Publiczny Joint Stock Company"): each legal phrase is also found under the
  // equivalents of its first word, and `normalizeName` compares its words up to equivalence.
  for (const list of [...phrases.values()]) {
    for (const phrase of list) {
      if (phrase.kind !== 'legal') continue;
      for (const id of orgWordGroups.get(phrase.tokens[0]!) ?? []) {
        for (const variant of groupMembers[id]!) {
          if (variant === phrase.tokens[0]) continue;
          const other = phrases.get(variant) ?? [];
          if (!other.includes(phrase)) other.push(phrase);
          phrases.set(variant, other);
        }
      }
    }
  }
  // Not the reference's organisation symbol words, nor a Latin legal form's words one by one:
  // "partner", "sistema", "center invest", "scientific research" are whole names of listed bodies
  // (`docs/decisions/2026-12-06-generic-only-agreement.md`). The Latin reading takes a legal form
  // out whole; the original-script comparison keeps its words ("общество", "ответственностью").
  const orgFormWords = new Set<string>(genericOrgWords);
  for (const type of reference.orgTypes)
    for (const alias of [...type.aliases, type.display ?? '', type.compare ?? ''])
      for (const t of tokenizeOriginalScript(alias)) if (!LATIN_WORD.test(t)) orgFormWords.add(t);
  const titles = new Set<string>();
  for (const title of [...reference.titles, ...EXTRA_TITLES]) {
    const tokens = tokenizeName(title);
    if (tokens.length === 1) titles.add(tokens[0]!);
    else if (tokens.length > 1) addPhrase(title, 'title', tokens.join(' '));
  }
  for (const prefix of reference.orgPrefixes) addPhrase(prefix, 'orgPrefix', prefix);
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const genericNames = new Set(reference.genericPersonNames.flatMap((n) => tokenizeName(n)));
  const confusables = new Map<string, string>();
  for (const [x, y] of reference.confusables) {
    if (/^\d$/.test(x) && /^[a-z]$/.test(y)) confusables.set(x, y);
    else if (/^\d$/.test(y) && /^[a-z]$/.test(x)) confusables.set(y, x);
  }
  const translations = new Map<string, number>();
  const translationMembers = Object.values(ORGANISATION_TRANSLATIONS).map((words) =>
    words.flatMap((w) => tokenizeName(w)),
  );
  translationMembers.forEach((tokens, group) => {
    for (const token of tokens) translations.set(token, group);
  });
  const result: CompiledNameReference = {
    phrases,
    tokenGroups,
    tokenSpellingGroups,
    groupKeys,
    groupMembers,
    titles,
    genericNames,
    genericOrgWords,
    orgWordGroups,
    orgFormWords,
    legalSpellings,
    translations,
    translationMembers,
    confusables,
    hanLegalForms,
  };
  compiled.set(reference, result);
  return result;
}
