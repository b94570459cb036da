import { normaliseControlCode } from '../licensing/determine.ts';
import type { ComponentControl } from './component-controls.ts';
import type { ItemMatch } from './supply-scenario.ts';

/** Normalises the code part of a `LIST:code` match (`us:4a906` → `US:4A906`). */
function normaliseMatch(id: string): { list: string; code: string } {
  const i = id.indexOf(':');
  return { list: id.slice(0, i).toUpperCase(), code: normaliseControlCode(id.slice(i + 1)) };
}

/** A compiled item match: tests an item against the match's codes and HS prefixes. */
export type ItemMatcher = (item: { controls: ComponentControl[]; hsCode?: string }) => string | undefined;

/**
 * Compiles a match once for a whole BOM: the returned function gives the
 * match entry an item falls under, if any: one of its classifications equals
 * a matched code or lies below it (`US:3A904.a` under `US:3A904`), or its HS
 * code starts with a matched prefix.
 */
export function compileMatch(match: ItemMatch): ItemMatcher {
  const codes = match.codes.map(normaliseMatch);
  return (item) => {
    for (const m of codes) {
      for (const c of item.controls) {
        if (!c.code || (c.jurisdiction === 'JP' && m.list !== 'JP')) continue;
        const list = c.jurisdiction === 'US' && m.list === 'USML' ? 'USML' : c.jurisdiction;
        if (list !== m.list) continue;
        if (c.code === m.code || c.code.startsWith(`${m.code}.`)) return `${m.list}:${m.code}`;
      }
    }
    const hs = item.hsCode;
    const prefix = hs ? match.hsCodes.find((h) => hs.startsWith(h)) : undefined;
    return prefix ? `HS ${prefix}` : undefined;
  };
}

/** The match entry an item falls under, if any (see `compileMatch`). */
export function matchItem(
  match: ItemMatch,
  item: { controls: ComponentControl[]; hsCode?: string },
): string | undefined {
  return compileMatch(match)(item);
}

const LEGAL_FORMS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'kk',
  'plc',
  'spa',
  'srl',
  'oy',
  'ab',
  'as',
  'pte',
  'pty',
]);

/** The words of a company name without punctuation and legal forms (`SZ DJI Technology Co., Ltd.` → sz dji technology). */
export function supplierWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w));
}

/** True when the listed name's words appear, in order, among the supplier's words. */
export function isSameSupplier(listed: string, supplier: string): boolean {
  return containsWords(supplierWords(supplier), supplierWords(listed));
}

function containsWords(b: string[], a: string[]): boolean {
  if (a.length === 0) return false;
  for (let i = 0; i + a.length <= b.length; i++) if (a.every((w, k) => b[i + k] === w)) return true;
  return false;
}

/**
 * A test "is this supplier one of the listed names?" for a whole BOM: the
 * listed names are split once and each supplier name once (BOMs repeat a few
 * suppliers thousands of times).
 */
export function supplierMatcher(listed: string[]): (supplier: string | undefined) => boolean {
  const names = listed.map(supplierWords);
  const seen = new Map<string, boolean>();
  return (supplier) => {
    if (supplier === undefined) return false;
    let hit = seen.get(supplier);
    if (hit === undefined) {
      const words = supplierWords(supplier);
      seen.set(supplier, (hit = names.some((n) => containsWords(words, n))));
    }
    return hit;
  };
}
