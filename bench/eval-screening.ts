/**
 * Screening quality evaluation on the real data of the mirror's `eval/`
 * folder. Run: `npx tsx bench/eval-screening.ts` (ENTENTE_SHARED_DATA
 * overrides the mirror). Reports recall@1, false-positive rate at the default
 * threshold, OFAC parity, cross-script and Putin-name coverage, and the
 * Watchman false/true positives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildParty,
  buildScreeningIndex,
  compareNames,
  countryCodeFromName,
  DEFAULT_SCREENING_THRESHOLD,
  indexTokenWeight,
  normalizeName,
  ofacNameScore,
  screenParty,
  type Party,
  type ScreeningIndex,
} from '@entente/core';
import { parse } from 'csv-parse/sync';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const evalFile = (name: string): string => path.join(MIRROR, 'eval', name);
const csv = (name: string): Record<string, string>[] =>
  parse(readFileSync(evalFile(name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    comment: '#',
    relax_column_count: true,
  });
const pct = (n: number, d: number): string => `${n}/${d} = ${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
const threshold = Number(process.env.THRESHOLD ?? DEFAULT_SCREENING_THRESHOLD);

function sameName(index: ScreeningIndex, entityId: string, listName: string): boolean {
  const want = normalizeName(listName, index.reference).tokens.slice().sort().join(' ');
  const entry = index.get(entityId);
  return (
    !!entry && entry.names.some((id) => index.names[id]?.normalized.tokens.slice().sort().join(' ') === want)
  );
}

/** Top-1 outcome of one query: its score and whether it is the expected party. */
interface Outcome {
  score: number;
  correct: boolean;
  label: string;
}

const SWEEP = [0.75, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9];

function recallOutcomes(index: ScreeningIndex, withDetails: boolean): { outcomes: Outcome[]; total: number } {
  const rows = csv('yente_un_treated_vs_untreated_pairs.csv');
  const outcomes: Outcome[] = [];
  for (const row of rows) {
    const listed = screenParty(
      index,
      { name: row.list_name!, schema: 'person' },
      { limit: 1, threshold: 0.5 },
    );
    if (!listed[0] || !sameName(index, listed[0].entityId, row.list_name!)) continue;
    const country = row.nationality?.length === 2 ? row.nationality.toUpperCase() : undefined;
    const query = withDetails
      ? {
          name: row.query_name!,
          schema: 'person' as const,
          birthDate: row.date_of_birth || undefined,
          country,
        }
      : { name: row.query_name!, schema: 'person' as const };
    const top = screenParty(index, query, { limit: 1, threshold: 0.5 })[0];
    outcomes.push({
      score: top?.score ?? 0,
      correct: !!top && sameName(index, top.entityId, row.list_name!),
      label: `${row.query_name} → ${row.list_name} (got ${top?.matchedName ?? 'nothing'} ${top?.score ?? ''})`,
    });
  }
  return { outcomes, total: rows.length };
}

function negativeOutcomes(index: ScreeningIndex, withDetails: boolean): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const file of ['negatives_us_1k.csv', 'negatives_global_1k.csv']) {
    for (const row of csv(file)) {
      const query = withDetails
        ? {
            name: row.full_name!,
            schema: 'person' as const,
            birthDate: row.date_of_birth,
            country: countryCodeFromName(row.nationality ?? ''),
          }
        : { name: row.full_name!, schema: 'person' as const };
      const top = screenParty(index, query, { limit: 1, threshold: 0.5 })[0];
      outcomes.push({
        score: top?.score ?? 0,
        correct: false,
        label: `${row.full_name} → ${top?.matchedName ?? ''} ${top?.score ?? ''}`,
      });
    }
  }
  return outcomes;
}

function recallAndFalsePositives(index: ScreeningIndex): void {
  const show = Number(process.env.SHOW ?? 0);
  for (const withDetails of [false, true]) {
    const mode = withDetails ? '+birth date, nationality' : 'name only';
    const { outcomes: pos, total } = recallOutcomes(index, withDetails);
    const neg = negativeOutcomes(index, withDetails);
    const recall = (t: number): number => pos.filter((o) => o.correct && o.score >= t).length;
    const fp = (t: number): number => neg.filter((o) => o.score >= t).length;
    console.log(
      `recall@1 UN altered spellings (${mode}): ${pct(recall(threshold), pos.length)} (pairs whose listed name is indexed: ${pos.length}/${total})`,
    );
    console.log(`false-positive rate on 2,000 invented persons (${mode}): ${pct(fp(threshold), neg.length)}`);
    if (process.env.SWEEP) {
      for (const t of SWEEP)
        console.log(
          `   threshold ${t.toFixed(2)}: recall ${(recall(t) / pos.length).toFixed(4)}  FPR ${((100 * fp(t)) / neg.length).toFixed(2)} %`,
        );
    }
    for (const o of pos.filter((o) => !(o.correct && o.score >= threshold)).slice(0, show))
      console.log(`   miss: ${o.label}`);
    for (const o of neg.filter((o) => o.score >= threshold).slice(0, show)) console.log(`   fp: ${o.label}`);
  }
}

function ofacParity(): void {
  const rows = csv('ofac_fixtures.csv');
  let pos = 0;
  let close = 0;
  let neg = 0;
  let below = 0;
  for (const row of rows) {
    const expected = Number(row.ofac_score);
    const got = ofacNameScore(row.query_name!, row.result_name!).score;
    const ours = got < 0 ? -1 : Math.round(got * 100);
    if (expected < 0) {
      neg++;
      if (ours < 80) below++;
    } else {
      pos++;
      if (ours >= 0 && Math.abs(ours - expected) <= 5) close++;
    }
  }
  console.log(
    `OFAC parity (±5 points):                           ${pct(close, pos)}; not returned at 80: ${pct(below, neg)}`,
  );
}

function crossScript(reference: Awaited<ReturnType<typeof loadNameReference>>): void {
  const lines = readFileSync(evalFile('cross_script_pairs.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const rows = lines.map((l) => l.split(','));
  // One listed party per distinct expected name (金正恩 and 김정은 both expect "Kim Jong Un").
  const listed = [...new Set(rows.map(([, expected]) => expected!))];
  const parties: Party[] = listed.map((expected, i) =>
    buildParty({
      source: 'x',
      sourceId: String(i),
      schema: 'person',
      names: [{ full: expected, quality: 'primary' }],
    }),
  );
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    reference,
  );
  let found = 0;
  const missed: string[] = [];
  rows.forEach(([query, expected]) => {
    const hits = screenParty(index, { name: query!, schema: 'person' }, { limit: 1, threshold });
    if (hits[0]?.sourceId === String(listed.indexOf(expected!))) found++;
    else missed.push(`${query}→${expected}`);
  });
  console.log(
    `cross_script_pairs found at threshold (top-1):      ${pct(found, rows.length)}${missed.length ? `; missed: ${missed.join(', ')}` : ''}`,
  );
}

function putinNames(index: ScreeningIndex): void {
  const names = readFileSync(evalFile('putin_names.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const isPutin = (entityId: string): boolean => {
    const entry = index.get(entityId);
    return (
      !!entry &&
      entry.party.schema === 'person' &&
      entry.party.names.some(
        (n) => /putin/i.test(n.full) && /vladimir/i.test(n.full) && !/putina/i.test(n.full),
      )
    );
  };
  let found = 0;
  const missed: string[] = [];
  for (const name of names) {
    const hits = screenParty(index, { name }, { limit: 10, threshold });
    if (hits.some((h) => isPutin(h.entityId))) found++;
    else missed.push(name);
  }
  console.log(
    `putin_names.txt: Putin returned at threshold:     ${pct(found, names.length)}${missed.length ? `; missed: ${missed.join(' | ')}` : ''}`,
  );
}

function watchmanPairs(index: ScreeningIndex): void {
  const weight = indexTokenWeight(index);
  let ok = 0;
  const rows = csv('watchman_bestpairs_fp_tp.csv');
  const wrong: string[] = [];
  for (const row of rows) {
    const c = compareNames(
      normalizeName(row.query!, index.reference, 'person'),
      normalizeName(row.indexed!, index.reference, 'person'),
      index.compiled,
      weight,
    );
    const good = row.label === 'match' ? c.score >= threshold : c.score < threshold;
    if (good) ok++;
    else wrong.push(`${row.label}: ${row.query} ~ ${row.indexed} = ${c.score.toFixed(3)}`);
  }
  console.log(
    `Watchman best-pairs cases on the right side:       ${pct(ok, rows.length)}${wrong.length ? `; wrong: ${wrong.join(' | ')}` : ''}`,
  );
}

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  console.error(`mirror ${MIRROR}; loading lists…`);
  const lists = await loadMirrorLists();
  const t0 = performance.now();
  const index = buildScreeningIndex(
    lists.flatMap((l) => l.parties.map((party) => ({ party }))),
    reference,
  );
  console.log(
    `indexed ${index.size} parties, ${index.nameCount} names from ${lists.map((l) => l.source).join(', ')} in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  console.log(`default threshold ${threshold}`);
  recallAndFalsePositives(index);
  ofacParity();
  crossScript(reference);
  putinNames(index);
  watchmanPairs(index);
}

await main();
