import { loadMirrorLists } from '../bench/eval-screening-lists.ts';
const lists = await loadMirrorLists(undefined, () => {});
for (const l of lists) {
  const ps = l.parties;
  const un = ps.filter((p) => p.unReference).length;
  const ids = new Map<string, number>();
  for (const p of ps) for (const i of p.identifiers) ids.set(i.type, (ids.get(i.type) ?? 0) + 1);
  const sub = new Map<string, number>();
  for (const p of ps) if (p.subList) sub.set(p.subList, (sub.get(p.subList) ?? 0) + 1);
  console.log(l.source, ps.length, 'unref', un, 'listedOn', ps.filter((p) => p.listedOn).length, JSON.stringify(Object.fromEntries(ids)), [...sub].slice(0, 12).map(([k, v]) => `${k}:${v}`).join('; '));
}
const sol = lists.flatMap((l) => l.parties.filter((p) => p.names.some((n) => /soleimani|solaimani|suleimani/i.test(n.full))).map((p) => `${p.source} ${p.sourceId} ${p.names[0]!.full} un=${p.unReference ?? ''} ${p.birthDates.map((d) => d.value).join(',')} ${p.programs.join(',')}`));
console.log(sol.join('\n'));
