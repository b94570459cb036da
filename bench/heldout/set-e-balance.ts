/**
 * How set (e)'s pairs fall into its three splits (`set-independent-pairs.ts`, split by candidate
 * name): per split, counts by label, schema, schema and label, class, script and source group,
 * and a χ² (2 degrees of freedom, over pairs) of label and of schema against the split. Counts
 * only: no pair is printed, so it reads the report split without showing a case.
 *
 *   npx tsx bench/heldout/set-e-balance.ts
 */
import type { HeldoutCase } from './heldout-case.ts';
import { independentPairCases } from './set-independent-pairs.ts';
import { SPLITS } from './split.ts';

const cases = independentPairCases();
const inSplit = SPLITS.map((s) => cases.filter((c) => c.split === s));

/** χ² of a contingency table (rows × columns of counts). */
function chiSquare(rows: number[][]): number {
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = rows[0]!.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let x = 0;
  rows.forEach((r, i) =>
    r.forEach((o, j) => {
      const e = (rowSums[i]! * colSums[j]!) / n;
      x += (o - e) ** 2 / e;
    }),
  );
  return x;
}

const dimensions: [string, (c: HeldoutCase) => string][] = [
  ['label', (c) => c.expect],
  ['schema', (c) => c.query.schema ?? 'unknown'],
  ['schema and label', (c) => `${c.query.schema ?? 'unknown'} ${c.expect}`],
  ['class', (c) => (c.cls ? String(c.cls) : 'none')],
  ['script of the query', (c) => c.script],
  ['source group', (c) => c.rule],
];
const subjects = inSplit.map((cs) => new Set(cs.map((c) => c.subject)).size);
console.log(`pairs ${inSplit.map((cs, i) => `${SPLITS[i]} ${cs.length}`).join(', ')}`);
console.log(`subjects ${subjects.map((n, i) => `${SPLITS[i]} ${n}`).join(', ')}`);
for (const [title, of] of dimensions) {
  console.log(`\n| ${title} | ${SPLITS.join(' | ')} |\n|---|${SPLITS.map(() => '---|').join('')}`);
  for (const value of [...new Set(cases.map(of))].sort()) {
    const cells = inSplit.map((cs) => {
      const n = cs.filter((c) => of(c) === value).length;
      return `${n} (${((100 * n) / cs.length).toFixed(0)} %)`;
    });
    console.log(`| ${value} | ${cells.join(' | ')} |`);
  }
}
const count = (cs: HeldoutCase[], f: (c: HeldoutCase) => boolean): number => cs.filter(f).length;
const labelRows = (f: (c: HeldoutCase) => boolean): number[][] =>
  (['match', 'no-match'] as const).map((l) => inSplit.map((cs) => count(cs, (c) => f(c) && c.expect === l)));
console.log(
  `\nχ² (2 df; 5.99 is p = 0.05), over pairs (pairs cluster by subject, so less significant than it reads):`,
);
console.log(`  label × split ${chiSquare(labelRows(() => true)).toFixed(2)}`);
for (const schema of ['person', 'organization'] as const)
  console.log(
    `  label × split, ${schema} ${chiSquare(labelRows((c) => c.query.schema === schema)).toFixed(2)}`,
  );
const schemaRows = (['person', 'organization'] as const).map((s) =>
  inSplit.map((cs) => count(cs, (c) => c.query.schema === s)),
);
console.log(`  schema (person, organisation) × split ${chiSquare(schemaRows).toFixed(2)}`);
