import {
  buildParty,
  countryCodeFromName,
  detectScript,
  type ImportWarning,
  type Party,
  type PartyAddress,
  type PartyName,
} from '@entente/core';
import { PERSON_NAME, TERRITORIES, type MetiList } from './meti-lists.ts';
import { parseMetiNames } from './parse-meti-names.ts';
import { joinEnglishLines } from './split-japanese-english.ts';
import type { MetiEntryText } from './split-meti-entries.ts';

/** 所在地 (address), also where extraction spaced it out or glued it to the previous word. */
const ADDRESS_MARK = /所\s*在\s*地\s*:/;

/** Context shared by the entries of one list file. */
export interface MetiEntryContext {
  list: MetiList;
  file: string;
  notice?: string;
  warnings: ImportWarning[];
}

/**
 * One METI entry as a party: the English name first, the Japanese name and
 * aliases kept as aliases with their script, addresses with their country.
 * Returns undefined (with a `missing-name` warning) when no name is found.
 */
export function partyFromMetiEntry(entry: MetiEntryText, ctx: MetiEntryContext): Party | undefined {
  const warn = (kind: string, field: string, message: string) =>
    ctx.warnings.push({ kind, file: ctx.file, row: entry.line, field, message });
  const mark = ADDRESS_MARK.exec(entry.text);
  const head = mark ? entry.text.slice(0, mark.index) : entry.text;
  const names = parseMetiNames(head);
  const all: PartyName[] = [];
  const add = (full: string | undefined, quality: PartyName['quality'], lang?: string) => {
    const clean = full?.replace(/\s+/g, ' ').trim();
    if (!clean || all.some((n) => n.full === clean)) return;
    const name: PartyName = { full: clean, quality };
    // A Japanese name keeps its Japanese script even when Latin letters outnumber the kana ("株式会社 CheAZ").
    const script =
      detectScript(lang ? clean.replace(/\p{Script=Latin}/gu, '') : clean) ?? detectScript(clean);
    if (script) name.script = script;
    if (lang && script !== 'Latn') name.lang = lang;
    all.push(name);
  };
  add(names.english, 'primary');
  for (const a of names.englishAliases) add(a, 'strong');
  add(names.japanese, all.length === 0 ? 'primary' : 'strong', 'ja');
  for (const a of names.japaneseAliases) add(a, 'strong', 'ja');
  for (const a of names.chinese) add(a, 'strong', 'zh');
  const sourceId = `${ctx.list.prefix}-${entry.number}`;
  if (all.length === 0) return void warn('missing-name', 'name', `entry ${sourceId} has no name; dropped`);
  if (!names.english) warn('missing-english-name', 'name', `entry ${sourceId} has no English name`);

  const party = buildParty({
    source: 'jp-meti',
    sourceId,
    schema: names.english && PERSON_NAME.test(names.english) ? 'person' : 'organization',
    names: all,
    programs: [ctx.list.program],
    legalBasis: ctx.notice ? [ctx.notice] : [],
    subList: ctx.list.subList,
  });
  if (names.description) party.remarks = names.description;
  if (mark) {
    for (const address of addressesOf(entry.text.slice(mark.index + mark[0].length), ctx.list.country)) {
      party.addresses.push(address);
      if (address.country && !party.countries.some((c) => c.code === address.country)) {
        party.countries.push({ code: address.country, role: 'address' });
      }
      if (!address.country) warn('unknown-country', 'address', `no country found in "${address.full}"`);
    }
  } else {
    warn('missing-address', 'address', `entry ${sourceId} has no 所在地 (address)`);
  }
  return party;
}

/** Splits the 所在地 text into addresses ("…; and …") and finds each one's country. */
function addressesOf(text: string, listCountry: string | undefined): PartyAddress[] {
  return joinEnglishLines(text)
    .split(/;\s*(?:and\s+)?/)
    .map((a) =>
      a
        .replace(/^and\s+/, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter(Boolean)
    .map((full) => {
      const address: PartyAddress = { full };
      const country = countryOf(full) ?? listCountry;
      if (country) address.country = country;
      return address;
    });
}

function countryOf(address: string): string | undefined {
  for (const [re, code] of TERRITORIES) if (re.test(address)) return code;
  const parts = address
    .split(',')
    .map((p) =>
      p
        .replace(/\d+/g, ' ')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((p) => p.length > 2);
  for (const part of parts.slice(-3).reverse()) {
    const code = countryCodeFromName(part);
    if (code) return code;
    // "Moscow 127055 Russia", "8 marta, 10/1 Russia": the country is the last word(s).
    const tail = /([A-Za-z][A-Za-z ]*?)$/.exec(part)?.[1];
    const lastWord = tail?.split(' ').at(-1);
    const viaWord = lastWord && lastWord.length > 2 ? countryCodeFromName(lastWord) : undefined;
    if (viaWord) return viaWord;
  }
  return undefined;
}
