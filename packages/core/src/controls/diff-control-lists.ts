import type { ControlEntry, ControlList } from './control-entry.ts';

/** What changed between two versions of one control list. */
export interface ControlListDiff {
  list: string;
  from: string;
  to: string;
  added: { code: string; heading: string }[];
  removed: { code: string; heading: string }[];
  changed: { code: string; fields: string[] }[];
}

const COMPARED_FIELDS = ['heading', 'text', 'reasons', 'regimeRefs', 'exceptions', 'parent'] as const;

function changedFields(a: ControlEntry, b: ControlEntry): string[] {
  return COMPARED_FIELDS.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

/** Added, removed and changed entries between two versions of the same list. */
export function diffControlLists(from: ControlList, to: ControlList): ControlListDiff {
  const before = new Map(from.entries.map((e) => [e.code, e]));
  const after = new Map(to.entries.map((e) => [e.code, e]));
  const added = [...after.values()]
    .filter((e) => !before.has(e.code))
    .map(({ code, heading }) => ({ code, heading }));
  const removed = [...before.values()]
    .filter((e) => !after.has(e.code))
    .map(({ code, heading }) => ({ code, heading }));
  const changed: ControlListDiff['changed'] = [];
  for (const [code, b] of after) {
    const a = before.get(code);
    const fields = a ? changedFields(a, b) : [];
    if (fields.length > 0) changed.push({ code, fields });
  }
  return { list: to.id, from: from.version, to: to.version, added, removed, changed };
}
