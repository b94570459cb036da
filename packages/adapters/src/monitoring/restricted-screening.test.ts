import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  screenParty,
  type Party,
  type ScreeningIndex,
  type ScreeningQuery,
} from '@entente/core';
import { parseSdnCsv } from '../ingest/ofac-sdn-csv/parse-sdn-csv.ts';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { MONITOR_MATCH_LIMIT } from './run-monitoring.ts';

const sdn = async (day: string) =>
  (await parseSdnCsv([sharedDataPath(`lists/us/ofac-sdn-${day}/sdn.csv`)]))[0]!.parties;
const entityIdOf = (p: Party) => `${p.source}:${p.sourceId}`;

/**
 * Register-like queries near the week's changed parties: each one's name as listed, its words in
 * another order, one word misspelt, its first two words; and names of parties that did not
 * change, many sharing words with changed ones (so that the whole index's search meets its cap).
 */
function queriesNear(changed: Party[], unchanged: Party[]): ScreeningQuery[] {
  const queries: ScreeningQuery[] = [];
  for (const party of changed) {
    const name = party.names[0]!.full;
    const words = name.split(/\s+/);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    queries.push(
      { name, schema: party.schema },
      { name: [...words].reverse().join(' ') },
      { name: name.replace(longest, `${longest.slice(0, -1)}${longest.endsWith('a') ? 'e' : 'a'}`) },
      { name: words.slice(0, 2).join(' ') },
    );
  }
  for (let i = 0; i < unchanged.length; i += 40) queries.push({ name: unchanged[i]!.names[0]!.full });
  return queries;
}

describe.runIf(hasSharedData())('a screening restricted to the week’s changed SDN parties', () => {
  let index: ScreeningIndex;
  let changed: Set<string>;
  let queries: ScreeningQuery[];

  beforeAll(async () => {
    const [before, after] = [await sdn('2024-04-26'), await sdn('2024-05-03')];
    const was = new Map(before.map((p) => [entityIdOf(p), JSON.stringify(p)]));
    const changedParties = after.filter((p) => was.get(entityIdOf(p)) !== JSON.stringify(p));
    changed = new Set(changedParties.map(entityIdOf));
    index = buildScreeningIndex(
      after.map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    queries = queriesNear(
      changedParties,
      after.filter((p) => !changed.has(entityIdOf(p))),
    );
  }, 120_000);

  it('finds and scores what a screening of the whole index finds of them', () => {
    expect(changed.size).toBeGreaterThan(250);
    let matches = 0;
    for (const query of queries) {
      const whole = screenParty(index, query, { limit: MONITOR_MATCH_LIMIT }).filter((m) =>
        changed.has(m.entityId),
      );
      const restricted = screenParty(index, query, { limit: MONITOR_MATCH_LIMIT, entities: changed });
      expect(restricted, query.name).toEqual(whole);
      matches += restricted.length;
    }
    // Most of the names near a changed party match it (the comparison is not of empty lists).
    expect(matches).toBeGreaterThan(changed.size);
  }, 300_000);
});
