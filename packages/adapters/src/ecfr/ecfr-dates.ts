import type { EcfrElement } from './ecfr-node.ts';
import { findElements } from './ecfr-node.ts';
import { textOfEcfr } from './ecfr-text.ts';
import { monthDigits } from '../ingest/common/month-names.ts';

/** "Jan. 15, 2026", "Sept. 30, 2025", "June 18, 2024" → `YYYY-MM-DD`, every one found in the text. */
export function findFederalRegisterDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b/g)) {
    const month = monthDigits(m[1]!.slice(0, 3));
    if (month) out.push(`${m[3]}-${month}-${m[2]!.padStart(2, '0')}`);
  }
  return out;
}

/**
 * The date an eCFR document is current to: the point-in-time date of its
 * `hierarchy_metadata` path (`/on/2026-07-23/…`) when the renderer filled it
 * in, else the latest amendment date in its source notes (`CITA`), since the
 * text includes every amendment up to that date. Undefined when neither is present.
 */
export function ecfrCurrentDate(root: EcfrElement): string | undefined {
  const onDate = /\/on\/(\d{4}-\d{2}-\d{2})\//.exec(root.attrs.hierarchy_metadata ?? '');
  if (onDate) return onDate[1];
  let latest: string | undefined;
  for (const cita of findElements(root, (e) => e.tag === 'CITA')) {
    for (const d of findFederalRegisterDates(textOfEcfr(cita))) if (!latest || d > latest) latest = d;
  }
  return latest;
}
