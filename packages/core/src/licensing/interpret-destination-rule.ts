import type { DestinationRule } from './determination-data.ts';

// Named destinations that CCL destination rules spell out in words.
const NAMED_DESTINATIONS: [RegExp, string[]][] = [
  [/United Arab Emirates/, ['AE']],
  [/\bMacau\b/, ['MO']],
  [/\bChina\b/, ['CN', 'HK']],
  [/\bRussia\b/, ['RU']],
  [/\bVenezuela\b/, ['VE']],
  [/North Korea/, ['KP']],
  [/\bIraq\b/, ['IQ']],
  [/\bPakistan\b/, ['PK']],
];

const GROUP_RE = /\b([ABDE]:\d)\b/g;

/**
 * Interprets the words of a CCL licence-requirement row that names no Country
 * Chart column ("To or within Macau or a destination specified in Country
 * Group D:5…"); anything it cannot read becomes an 'unresolved' rule that the
 * engine raises as a question rather than guessing.
 */
export function interpretDestinationRule(text: string): DestinationRule {
  const citation = text.match(/§\s*(\d{3}\.\d+[()a-z0-9]*)/)?.[1];
  const base = {
    countries: [],
    groups: [],
    except: [],
    exceptGroups: [],
    text,
    ...(citation ? { citation } : {}),
  };
  if (/worldwide|ALL destinations|all destinations/i.test(text) || /§\s*742\.15\b/.test(text)) {
    // §742.15(a): EI items need a licence to all destinations except Canada.
    const exceptCanada = /except Canada/i.test(text) || /§\s*742\.15\b/.test(text);
    return { ...base, kind: 'all', except: exceptCanada ? ['CA'] : [] };
  }
  if (/§\s*746\.8/.test(text)) return { ...base, kind: 'listed', countries: ['RU', 'BY'] };
  const [includePart, excludePart = ''] = text.split(/excluding/i);
  const countries = NAMED_DESTINATIONS.filter(([re]) => re.test(includePart ?? '')).flatMap(([, iso]) => iso);
  const groups = [...(includePart ?? '').matchAll(GROUP_RE)].map((m) => m[1] as string);
  if (countries.length === 0 && groups.length === 0) return { ...base, kind: 'unresolved' };
  const exceptGroups = [...excludePart.matchAll(GROUP_RE)].map((m) => m[1] as string);
  return { ...base, kind: 'listed', countries, groups, exceptGroups };
}

/** True when `rule` reaches the destination with ISO-2 `iso2` in `groups`. */
export function isDestinationInRule(rule: DestinationRule, iso2: string, groups: readonly string[]): boolean {
  if (rule.kind === 'unresolved') return false;
  if (rule.except.includes(iso2) || rule.exceptGroups.some((g) => groups.includes(g))) return false;
  if (rule.kind === 'all') return true;
  return rule.countries.includes(iso2) || rule.groups.some((g) => groups.includes(g));
}
