/**
 * How many of a full monitoring run's queries are exact repeats (issue 17): the same screening
 * query (name, type, country, birth date, identifiers) asked twice in one run, by counterparties
 * sharing a name or alias or by one counterparty holding the same alias twice. `runMonitoring`
 * screens each distinct query once (its `distinct` map, keyed by the query as written); this
 * counts what that leaves, and what a key on the normalised name (`normalizeName`) with the same
 * filters would add, and (for scale only: the country changes the score) without the country.
 *
 *   BENCH_DB=dir npx tsx bench/monitor-query-repeats.ts [--counterparties 20000]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nameReferenceFor, openStore } from '../packages/adapters/src/index.ts';
import { counterpartyQueries, normalizeName, type Party } from '../packages/core/src/index.ts';
import { MIRROR } from './eval-screening-lists.ts';
import { syntheticRegister } from './synthetic-register.ts';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--counterparties');
  const n = i > 0 ? Number(process.argv[i + 1]) : 20_000;
  const source = process.env.BENCH_DB;
  if (!source) throw new Error('set BENCH_DB to a PGlite store holding the mirror');
  // A copy: opening a PGlite store writes to it.
  const work = mkdtempSync(path.join(tmpdir(), 'entente-query-repeats-'));
  cpSync(source, path.join(work, 'db'), { recursive: true });
  const store = await openStore({ dataDir: path.join(work, 'db') });
  const parties: Party[] = [];
  for (const v of await store.latestVersions())
    for (const p of await store.partiesOfVersion(v.id)) parties.push(p.party);
  await store.close();
  const reference = await nameReferenceFor(MIRROR, path.join(work, 'cache'));
  rmSync(path.join(work, 'db'), { recursive: true, force: true });
  for (const kind of ['adversarial', 'realistic'] as const) {
    const register = syntheticRegister(parties, n, kind);
    const queries = register.flatMap((c) => counterpartyQueries(c));
    const normalised = (q: (typeof queries)[number]) => normalizeName(q.name ?? '', reference, q.schema);
    const written = new Set(queries.map((q) => JSON.stringify(q)));
    const withFilters = new Set(queries.map((q) => JSON.stringify({ ...q, name: normalised(q) })));
    const nameOnly = new Set(queries.map((q) => JSON.stringify([q.schema, normalised(q)])));
    let sameAlias = 0;
    for (const c of register) {
      const keys = counterpartyQueries(c).map((q) => JSON.stringify(q));
      sameAlias += keys.length - new Set(keys).size;
    }
    console.log(
      `${kind}, ${n} counterparties: ${queries.length} queries; ${queries.length - written.size} exact repeats (screened once already); normalised name with the same filters: ${written.size - withFilters.size} more; without the country (not identical answers): ${withFilters.size - nameOnly.size} more; the same alias twice on one counterparty: ${sameAlias}`,
    );
  }
  rmSync(work, { recursive: true, force: true });
}

void main();
