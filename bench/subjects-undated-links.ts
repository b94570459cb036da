/**
 * Subjects across lists: what linking a person without a birth date by two
 * shared distinct names changes on the whole mirror.
 *
 * Finds the mirror's name links once (one thread, the product's thresholds,
 * every source but the largest screened, as `entente subjects resolve
 * --full` does), then resolves twice: with the links as made, and with the
 * links the shared-names rule made automatic turned back into proposals (what
 * the code did before the rule; the rule changes nothing else). Prints the
 * subjects, the subjects formed by joining earlier ones, the listings that
 * changed subject, the rule's links judged on what the lists assert (two
 * listings carrying one UN reference or SDN number: true; two different:
 * false; otherwise unknown), and with `--show N` the first N joined subjects.
 *
 * Run: npx tsx bench/subjects-undated-links.ts [--show 20]
 */
import { execSync } from 'node:child_process';
import {
  buildScreeningIndex,
  findNameLinks,
  resolveSubjects,
  strongKeysOf,
  type Listing,
  type NameLink,
  type Resolution,
} from '@entente/core';
import { largestSource, loadMirrorListings } from './support/mirror-listings.ts';

const showArg = process.argv.indexOf('--show');
const show = showArg >= 0 ? Number(process.argv[showArg + 1]) : 0;
const uptime = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load average/, 'load average');

const { listings, reference } = await loadMirrorListings();
const byId = new Map(listings.map((l) => [l.entityId, l]));

console.log(`before the name links: ${uptime()}`);
const t = performance.now();
const index = buildScreeningIndex(
  listings.map((l) => ({ party: l.party, versionId: 0 })),
  reference,
);
const largest = largestSource(listings).source;
const links = findNameLinks(index, listings, undefined, new Set([largest]));
console.log(
  `${listings.length} listings; ${links.length} name links in ${((performance.now() - t) / 1000).toFixed(0)} s (${uptime()})`,
);

// The rule's evidence line (name-links.ts): the links it made automatic, and the same links without it.
const RULE = 'no birth date to compare, but';
const byRule = (l: NameLink) => l.evidence.some((e) => e.startsWith(RULE));
const ruled = links.filter(byRule);
const withoutRule = links.map((l) =>
  byRule(l)
    ? {
        ...l,
        automatic: false,
        evidence: [
          ...l.evidence.filter((e) => !e.startsWith(RULE)),
          'not linked without an analyst: no birth date to confirm a person',
        ],
      }
    : l,
);
const before = resolveSubjects(listings, withoutRule);
const after = resolveSubjects(listings, links);

/** What the lists assert about two listings: the same UN reference or SDN number, two different, or nothing. */
function truthOf(a: Listing, b: Listing): 'true' | 'false' | 'unknown' {
  const keys = new Map(
    strongKeysOf(a.party)
      .filter((k) => k.kind !== 'identifier')
      .map((k) => [k.kind, k.key]),
  );
  for (const k of strongKeysOf(b.party))
    if (k.kind !== 'identifier' && keys.has(k.kind)) return keys.get(k.kind) === k.key ? 'true' : 'false';
  return 'unknown';
}
const judged = { true: 0, false: 0, unknown: 0 };
for (const l of ruled) judged[truthOf(byId.get(l.a)!, byId.get(l.b)!)]++;

const multiSource = (r: Resolution) =>
  r.subjects.filter((s) => new Set(s.members.map((m) => m.source)).size > 1).length;
/** Subjects of `to` whose listings were in more than one subject of `from`. */
const formedByJoining = (from: Resolution, to: Resolution) => {
  const parts = new Map<string, Set<string>>();
  for (const l of listings) {
    const id = to.subjectOf.get(l.entityId)!;
    const set = parts.get(id) ?? new Set<string>();
    set.add(from.subjectOf.get(l.entityId)!);
    parts.set(id, set);
  }
  return [...parts].filter(([, s]) => s.size > 1).map(([id]) => id);
};
const joined = formedByJoining(before, after);
const splitUp = formedByJoining(after, before);
const moved = listings.filter((l) => before.subjectOf.get(l.entityId) !== after.subjectOf.get(l.entityId));
const subjectsAfter = new Map(after.subjects.map((s) => [s.id, s]));

console.log(
  `links made by the shared-names rule: ${ruled.length} (judged by the lists: ${judged.true} true, ${judged.false} false, ${judged.unknown} unknown)`,
);
console.log(
  `subjects: ${before.subjects.length} -> ${after.subjects.length}; listed by more than one source: ${multiSource(before)} -> ${multiSource(after)}; proposals ${before.proposals.length} -> ${after.proposals.length}; refused ${before.refused.length} -> ${after.refused.length}`,
);
console.log(
  `subjects formed by joining earlier subjects: ${joined.length} (${joined.reduce((n, id) => n + subjectsAfter.get(id)!.members.length, 0)} listings); earlier subjects now split between two: ${splitUp.length}; listings whose subject changed: ${moved.length}`,
);
for (const id of joined.slice(0, show)) {
  console.log(`\n${id}`);
  for (const m of subjectsAfter.get(id)!.members) {
    const p = byId.get(m.entityId)!.party;
    const dates = p.birthDates.map((d) => d.value).join(', ') || 'no birth date';
    console.log(
      `  ${m.entityId} (was ${before.subjectOf.get(m.entityId)}): ${p.names
        .slice(0, 4)
        .map((n) => n.full)
        .join('; ')} | ${dates}`,
    );
  }
}
