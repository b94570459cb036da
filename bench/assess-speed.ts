/**
 * Assessment speed benchmark. Run: `npx tsx bench/assess-speed.ts`.
 * Builds the control catalogue (from the mirror, no store), the determination
 * data and a screening index over every list the parsers read, then times a
 * whole-transaction assessment (three items, five parties screened) p50/p99,
 * against a baseline in the same process that screens each party by a naive
 * Jaro-Winkler scan over every listed name, and the same assessment unscreened.
 */
import { readFileSync } from 'node:fs';
import {
  assessTransaction,
  buildScreeningIndex,
  deriveCorrespondences,
  jaroWinkler,
  validateTransaction,
  type ExportParty,
  type ScreenParty,
} from '@entente/core';
import {
  ControlCatalogue,
  catalogueLookup,
  catalogueSuggest,
  latestVersions,
  loadDeterminationData,
  readAllControlLists,
} from '@entente/adapters';
import { partyScreener } from '../packages/adapters/src/decision-records/party-screener.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const fixture = JSON.parse(
  readFileSync(
    new URL('../packages/cli/test/fixtures/tx-german-components-via-turkey.json', import.meta.url),
    'utf8',
  ),
) as { parties: ExportParty[] };

/** Five parties: the fixture's four plus a listed one, so a hit is scored too. */
const transaction = {
  ...fixture,
  parties: [...fixture.parties, { role: 'end-user', name: 'Kalashnikov Concern', country: 'RU' }],
};

function time(run: () => void, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    run();
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const lists = latestVersions(await readAllControlLists(MIRROR));
  const catalogue = new ControlCatalogue(lists, deriveCorrespondences(lists));
  const data = await loadDeterminationData(MIRROR, {
    lookup: catalogueLookup(catalogue),
    suggest: catalogueSuggest(catalogue),
  });
  const reference = await loadNameReference(MIRROR);
  const parties = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
  const t0 = performance.now();
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    reference,
  );
  console.log(
    `index: ${index.size} parties, ${index.nameCount} names, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const screen = partyScreener(index);
  const names = index.names
    .filter((n) => n !== undefined)
    .map((n) => ({ text: n.text.toLowerCase(), entry: n.entry }));
  const naive: ScreenParty = (p) => {
    const q = p.name.toLowerCase();
    let best = { score: 0, entry: -1 };
    for (const n of names) {
      const s = jaroWinkler(q, n.text);
      if (s > best.score) best = { score: s, entry: n.entry };
    }
    const e = index.entries[best.entry];
    return best.score >= 0.9 && e
      ? [
          {
            source: e.party.source,
            sourceId: e.party.sourceId,
            name: e.party.names[0]?.full ?? '',
            score: best.score,
          },
        ]
      : [];
  };

  const tx = validateTransaction(data, transaction);
  const hits = assessTransaction(data, tx, { screen }).screening.map(
    (s) => `${s.party.name}: ${s.hits[0]?.name ?? '-'}`,
  );
  console.log(`screened parties: ${hits.join(' | ')}`);
  for (let i = 0; i < 50; i++) assessTransaction(data, validateTransaction(data, transaction), { screen });

  const indexed = time(
    () => assessTransaction(data, validateTransaction(data, transaction), { screen }),
    300,
  );
  const unscreened = time(() => assessTransaction(data, validateTransaction(data, transaction)), 300);
  const baseline = time(
    () => assessTransaction(data, validateTransaction(data, transaction), { screen: naive }),
    5,
  );
  const fmt = (xs: number[]) =>
    `p50 ${quantile(xs, 0.5).toFixed(2)} ms, p99 ${quantile(xs, 0.99).toFixed(2)} ms (${xs.length} runs)`;
  console.log(`assessment, 3 items, 5 parties screened (index): ${fmt(indexed)}  target p50 <= 20 ms`);
  console.log(`assessment without screening:                 ${fmt(unscreened)}`);
  console.log(`baseline, naive Jaro-Winkler scan per party:   ${fmt(baseline)}`);
  console.log(`ratio baseline/index: ${Math.round(quantile(baseline, 0.5) / quantile(indexed, 0.5))}×`);
}

await main();
