import {
  LIST_JURISDICTION,
  entryId,
  type ControlEntry,
  type ControlList,
  type Correspondence,
} from './control-entry.ts';
import { regimeOfCode, rootCode, wassenaarCode } from './control-code.ts';
import { RENUMBERED_LINKS } from './renumbered-links.ts';
import { headingMismatch } from './check-link-headings.ts';
import { linkSource } from './link-source.ts';
import {
  AG_EU,
  FIREARMS_ML,
  JAPAN_ROWS,
  PLURILATERAL_LINKS,
  SIX_HUNDRED_SERIES_EXCEPTIONS,
  SPACE_LINKS,
  USML_ML,
} from './crosswalk-curation.ts';

/** A curated link whose text could not be read is shown with the reason but, like a doubtful link, not followed. */
function withUnverifiedWarning(c: Correspondence): Correspondence {
  return c.source?.status === 'unverified'
    ? { ...c, warning: `unverified: ${c.source.note ?? 'not read'}` }
    : c;
}

/** Lists whose dual-use entries share Wassenaar-based numbering. */
const SHARED_NUMBERING = ['US', 'EU', 'UK'] as const;

function indexEntries(lists: ControlList[]): Map<string, ControlEntry> {
  const out = new Map<string, ControlEntry>();
  for (const list of lists) for (const e of list.entries) out.set(entryId(e), e);
  return out;
}

/** The Wassenaar ML entry a US 600-series or 0x5zz ECCN corresponds to. */
function munitionsEntryOf(code: string): string | undefined {
  if (FIREARMS_ML[code]) return FIREARMS_ML[code];
  if (!/^\d[A-E]6\d\d$/.test(code)) return undefined;
  const tail = code.slice(3);
  return SIX_HUNDRED_SERIES_EXCEPTIONS[tail] ?? `ML${Number(tail)}`;
}

/**
 * Derives the crosswalk between one version of each list: automatically from
 * shared regime numbering (US/EU/UK codes x0xx–x4xx, Wassenaar codes derived
 * from them), and from the curated tables where numbering differs (plurilateral
 * 2024 controls, 600 series and USML ↔ ML, Japan rows, Australia Group lists).
 * Links are only emitted when both entries exist. Every link carries a `source`: its own
 * curated citation, or one built from the two entries' citations (`linkSource`).
 */
export function deriveCorrespondences(lists: ControlList[]): Correspondence[] {
  const entries = indexEntries(lists);
  const out = new Map<string, Correspondence>();
  const add = (c: Correspondence) => {
    if (c.from !== c.to && entries.has(c.from) && entries.has(c.to)) out.set(`${c.from}|${c.to}`, c);
  };
  const codesByList = new Map(lists.map((l) => [l.id as string, new Set(l.entries.map((e) => e.code))]));
  for (let i = 0; i < SHARED_NUMBERING.length; i++) {
    const a = SHARED_NUMBERING[i] as string;
    for (const code of codesByList.get(a) ?? []) {
      const regime = regimeOfCode(code);
      if (!regime) continue;
      for (const b of SHARED_NUMBERING.slice(i + 1)) {
        if (codesByList.get(b)?.has(code)) {
          const warning = headingMismatch(
            code,
            entries.get(`${a}:${code}`)?.heading ?? '',
            entries.get(`${b}:${code}`)?.heading ?? '',
          );
          add({
            from: `${a}:${code}`,
            to: `${b}:${code}`,
            type: 'same',
            basis: 'shared-regime-code',
            note: `${regime} origin`,
            ...(warning ? { warning } : {}),
          });
        }
      }
      const wa = wassenaarCode(code);
      if (wa) add({ from: `${a}:${code}`, to: `WA:${wa}`, type: 'same', basis: 'regime-origin' });
    }
  }
  for (const link of [...PLURILATERAL_LINKS]) add({ ...link, basis: 'curated-plurilateral' });
  for (const link of SPACE_LINKS) add({ ...link, basis: 'curated-other' });
  for (const link of RENUMBERED_LINKS) add(withUnverifiedWarning({ ...link, basis: 'curated-renumbered' }));
  for (const code of codesByList.get('US') ?? []) {
    const ml = code === rootCode(code) ? munitionsEntryOf(code) : undefined;
    if (ml)
      add({
        from: `US:${code}`,
        to: `WA:${ml}`,
        type: 'narrower',
        basis: 'curated-munitions',
        note: 'EAR part of an ML entry; the rest is on the USML',
      });
  }
  for (const [category, mls] of Object.entries(USML_ML)) {
    for (const ml of mls)
      add({ from: `USML:${category}`, to: `WA:${ml}`, type: 'overlaps', basis: 'curated-munitions' });
  }
  for (let n = 1; n <= 22; n++)
    add({ from: `UK:ML${n}`, to: `WA:ML${n}`, type: 'same', basis: 'shared-regime-code' });
  for (const [row, targets] of Object.entries(JAPAN_ROWS)) {
    for (const to of targets) add({ from: `JP:${row}`, to, type: 'overlaps', basis: 'curated-japan-row' });
  }
  for (const [agList, eus] of Object.entries(AG_EU)) {
    for (const eu of eus)
      add({
        from: eu,
        to: `AG:${agList}`,
        type: eus.length === 1 ? 'same' : 'narrower',
        basis: 'regime-origin',
      });
  }
  return [...out.values()].map((c) => (c.source ? c : { ...c, source: linkSource(c, entries) }));
}

/** The jurisdictions an entry is linked to through the crosswalk (both directions, one hop). */
export function linkedJurisdictions(id: string, correspondences: Correspondence[]): Set<string> {
  const out = new Set<string>();
  for (const c of correspondences) {
    const other = c.from === id ? c.to : c.to === id ? c.from : undefined;
    if (!other) continue;
    const j = LIST_JURISDICTION[other.split(':')[0] as keyof typeof LIST_JURISDICTION];
    if (j) out.add(j);
  }
  return out;
}
