import type { Denial, OrgKind, SharingGroup } from './sharing-model.ts';

/** The organisation asking to see shared government data. */
export interface Viewer {
  orgId: string;
  kind: OrgKind;
  regimes: readonly SharingGroup[];
}

/**
 * True when the viewer may see the denial: its notifying agency always; another
 * agency when the denial is shared with a regime it belongs to or with it by
 * name; an exporter never.
 */
export function canSeeDenial(viewer: Viewer, denial: Pick<Denial, 'orgId' | 'scope'>): boolean {
  if (viewer.kind !== 'agency') return false;
  if (denial.orgId === viewer.orgId) return true;
  if (denial.scope.agencies.includes(viewer.orgId)) return true;
  return denial.scope.regimes.some((r) => viewer.regimes.includes(r));
}
