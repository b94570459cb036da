import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { HanReadings } from '@entente/core';
import { toRomaji } from 'wanakana';

const require = createRequire(import.meta.url);

/** Han characters with Sino-Korean readings (CJK Unified Ideographs and Extension A). */
const HAN_RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/**
 * Readings a character takes as a Korean family name that differ from its
 * ordinary reading (the `hanja` table has one reading per character).
 */
const KOREAN_FAMILY_READINGS: Readonly<Record<string, string>> = { 金: '김' };

/** Japanese readings kept per name. */
const READINGS_PER_NAME = 2;

/**
 * Sino-Korean reading of every Han character, from the `hanja` package (MIT).
 * Read through its `translate`, after a syllable with a final consonant so
 * that no initial-sound rule applies (the raw reading: 李 → 리).
 */
function koreanReadings(): Map<string, string> {
  const hanja = (
    require('hanja') as { default: { translate: (text: string, mode: 'SUBSTITUTION') => string } }
  ).default;
  const out = new Map<string, string>();
  for (const [from, to] of HAN_RANGES) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCodePoint(code);
      const read = hanja.translate(`각${ch}`, 'SUBSTITUTION').slice(1);
      if (read !== ch && /^\p{Script=Hangul}$/u.test(read)) out.set(ch, read);
    }
  }
  return out;
}

/** A katakana pronunciation in Hepburn as written in passports: long vowels single (タロー → taro). */
function romanise(kana: string): string {
  return toRomaji(kana)
    .replace(/[^a-z]/g, '')
    .replace(/([aeiou])\1+/g, '$1')
    .replace(/ou/g, 'o');
}

/**
 * Japanese family and given names in kanji with their readings, from the
 * IPADIC dictionary shipped with `kuromoji` (Apache-2.0; IPADIC's own
 * licence is permissive): its entries tagged 名詞,固有名詞,人名,姓 (family
 * names) and 人名,名 (given names). Only the feature strings are read
 * (`tid_pos.dat.gz`: one "surface,pos…,base,reading,pronunciation" string
 * per entry, NUL-separated), not the analyser.
 */
async function japaneseNameReadings(): Promise<{
  family: Map<string, string[]>;
  given: Map<string, string[]>;
}> {
  const dictDir = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  const buffer = await promisify(gunzip)(await readFile(path.join(dictDir, 'tid_pos.dat.gz')));
  const family = new Map<string, string[]>();
  const given = new Map<string, string[]>();
  const marker = Buffer.from(',名詞,固有名詞,人名,', 'utf8');
  let at = buffer.indexOf(marker);
  while (at >= 0) {
    const start = buffer.lastIndexOf(0, at) + 1;
    let end = buffer.indexOf(0, at);
    if (end < 0) end = buffer.length;
    const fields = buffer.toString('utf8', start, end).split(',');
    // surface, 名詞, 固有名詞, 人名, 姓|名, *, *, base, reading, pronunciation
    const [surface, , , , kind] = fields;
    const pronunciation = fields[9] ?? fields[8];
    const table = kind === '姓' ? family : kind === '名' ? given : undefined;
    if (table && surface && pronunciation && /^\p{Script=Han}+$/u.test(surface)) {
      const read = romanise(pronunciation);
      const list = table.get(surface) ?? [];
      if (read && list.length < READINGS_PER_NAME && !list.includes(read)) list.push(read);
      table.set(surface, list);
    }
    at = buffer.indexOf(marker, end);
  }
  return { family, given };
}

let loaded: Promise<HanReadings> | undefined;

/**
 * The Korean and Japanese reading tables of Han-character names (see
 * core's `HanReadings`), built once per process from the `hanja` and
 * `kuromoji` packages (about 27,000 characters, 13,000 family and 19,000
 * given names; about a second).
 */
export function loadHanReadings(): Promise<HanReadings> {
  loaded ??= (async (): Promise<HanReadings> => {
    const { family, given } = await japaneseNameReadings();
    return {
      korean: koreanReadings(),
      koreanFamily: new Map(Object.entries(KOREAN_FAMILY_READINGS)),
      japaneseFamily: family,
      japaneseGiven: given,
    };
  })();
  return loaded;
}
