import type { Regime } from './control-entry.ts';

const ECCN_PATTERN = /^(\d)([A-E])(\d)(\d\d)$/;

/** The parent of a paragraph code (`3A001.a.1` → `3A001.a`); undefined for a top-level code. */
export function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

/** The code and all its ancestors, nearest first (`3A001.a.1` → `3A001.a.1`, `3A001.a`, `3A001`). */
export function codeLineage(code: string): string[] {
  const out: string[] = [];
  for (let c: string | undefined = code; c; c = parentCode(c)) out.push(c);
  return out;
}

/** The five-character entry code at the root of a paragraph code. */
export function rootCode(code: string): string {
  return code.split('.')[0] ?? code;
}

/**
 * The regime an EU/UK/US dual-use code originates from, read from its third
 * character (0 Wassenaar, 1 MTCR, 2 NSG, 3 Australia Group, 4 CWC). Category 0
 * (nuclear) entries are NSG trigger-list items whatever their third digit.
 */
export function regimeOfCode(code: string): Regime | undefined {
  const m = ECCN_PATTERN.exec(rootCode(code));
  if (!m) return undefined;
  // x09x entries (3A090, 4A090 …) are US national controls numbered inside the Wassenaar range.
  if (m[3] === '0' && Number(m[4]) >= 90) return undefined;
  if (m[1] === '0' && m[3] === '0') return 'NSG';
  return ({ '0': 'WA', '1': 'MTCR', '2': 'NSG', '3': 'AG', '4': 'CWC' } as Record<string, Regime>)[
    m[3] ?? ''
  ];
}

/** The Wassenaar code of a Wassenaar-origin dual-use code (`3A001.a.1` → `3.A.1.a.1`). */
export function wassenaarCode(code: string): string | undefined {
  const [root, ...rest] = code.split('.');
  const m = ECCN_PATTERN.exec(root ?? '');
  if (!m || m[3] !== '0' || m[1] === '0' || Number(m[4]) >= 90) return undefined;
  return [`${m[1]}.${m[2]}.${Number(m[4])}`, ...rest].join('.');
}

/** True for a code shaped like a CCL/EU dual-use entry (`3A001`, optionally with paragraphs). */
export function isDualUseCode(code: string): boolean {
  return ECCN_PATTERN.test(rootCode(code));
}
