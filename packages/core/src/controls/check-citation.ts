import type { ControlEntry } from './control-entry.ts';

/**
 * Why an entry's citation is unusable, or undefined when it is sound: the
 * entry names its act and provision and is either `verified`, saying where
 * its text was read, or explicitly `unverified`.
 */
export function citationProblem(entry: Pick<ControlEntry, 'citation'>): string | undefined {
  const c = entry.citation as ControlEntry['citation'] | undefined;
  if (!c) return 'lacks a citation';
  if (!c.act?.trim() || !c.provision?.trim()) return 'citation lacks its act or provision';
  if (c.status === 'verified') return c.readFrom?.trim() ? undefined : 'verified citation lacks readFrom';
  if (c.status === 'unverified') return undefined;
  return `citation status "${String(c.status)}" is neither verified nor unverified`;
}

/** True when the entry's text could not be read (its citation is `unverified`). */
export function isUnverified(entry: Pick<ControlEntry, 'citation'>): boolean {
  return entry.citation?.status !== 'verified';
}
