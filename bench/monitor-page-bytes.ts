/**
 * A full run's page write (issue 17) with the page sent two ways, in one process, alternating:
 * as the text of a JSON array (`$1::json`, before 2026-12-06) and as its UTF-8 bytes
 * (`convert_from($1::bytea, 'UTF8')::json`, `writeRunOutcome` now). The same statement as
 * `writeRunOutcome`'s hits upsert, pages of rows shaped as a full run's hits (explanations,
 * features, names in Latin and other scripts; ~550 characters a row as the adversarial
 * register's), into a fresh PGlite store; the main thread's CPU per page (PGlite runs on it).
 * Then the rows of both forms are read back and compared (the stored `match` must be equal).
 *
 *   npx tsx bench/monitor-page-bytes.ts [--pages 40] [--rows 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { CLI_SOURCE, openStore, sharingStoreFor } from '../packages/adapters/src/index.ts';
import { numberArg } from './support/args.ts';

const PAGES = numberArg('pages', 40);
const ROWS = numberArg('rows', 1000);

/** The main thread's CPU seconds (Linux: utime + stime of its task, in ticks of 1/100 s). */
const mainCpu = (): number => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const names = [
  'Al Noor Trading LLC',
  'ООО Северный Морской Инжиниринг',
  'Société Générale d’Import',
  '北京华为技术有限公司',
];
function row(page: number, k: number) {
  const name = names[k % names.length]!;
  return {
    c: `cp-${page}-${k}`,
    e: `ent-${k % 997}`,
    s: 0.86 + (k % 13) / 100,
    h: 'a'.repeat(40),
    v: 1,
    l: 7,
    m: {
      listedName: `${name} ${k}`,
      matchedName: name,
      features: { nameSimilarity: 0.91, tokenCoverage: 1, countryMatch: 0, typeMatch: 0.02, dobMatch: 0 },
      explanation: [
        `name "${name}" ~ "${name} ${k}": similarity 0.91`,
        'every word of the listed name is matched',
        'type: organisation, as listed (+0.02)',
      ],
      programs: ['SDGT', 'RUSSIA-EO14024'],
      source: 'us-ofac-sdn',
    },
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'entente-page-bytes-'));
  const store = await openStore({ dataDir: path.join(work, 'db') });
  try {
    const org = (await sharingStoreFor(store).orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE))
      .id;
    const insert = (param: ReturnType<typeof sql>) => sql`
      insert into monitor_hits
        (org_id, counterparty_id, entity_id, score, party_hash, counterparty_version, list_version_id, match)
      select ${org}, r.c, r.e, r.s, r.h, r.v, r.l, r.m
      from json_to_recordset(${param}) as r(c text, e text, s double precision, h text, v integer, l integer, m jsonb)
      on conflict (org_id, counterparty_id, entity_id) do update set
        score = excluded.score, match = excluded.match, updated_at = now()`;
    const forms = {
      text: (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`,
      bytes: (rows: unknown[]) =>
        sql`convert_from(${Buffer.from(JSON.stringify(rows), 'utf8')}::bytea, 'UTF8')::json`,
    };
    const cpu = { text: 0, bytes: 0 };
    let chars = 0;
    await store.kysely.transaction().execute(async (tx) => {
      for (let p = 0; p < PAGES; p++) {
        // Each form writes its own page of the same rows (other counterparty ids); the order alternates.
        const order = p % 2 === 0 ? (['text', 'bytes'] as const) : (['bytes', 'text'] as const);
        for (const form of order) {
          const rows = Array.from({ length: ROWS }, (_, k) => row(p * 2 + (form === 'text' ? 0 : 1), k));
          chars += JSON.stringify(rows).length;
          const c0 = mainCpu();
          await insert(forms[form](rows)).execute(tx);
          cpu[form] += mainCpu() - c0;
        }
      }
    });
    // The same rows, stored either way: compared by their page's parity.
    const stored = await sql<{
      c: string;
      m: unknown;
    }>`select counterparty_id as c, match as m from monitor_hits where org_id = ${org}`.execute(store.kysely);
    const byKey = new Map(stored.rows.map((r) => [r.c, JSON.stringify(r.m)]));
    let differ = 0;
    for (let p = 0; p < PAGES; p++)
      for (let k = 0; k < ROWS; k++)
        if (byKey.get(`cp-${p * 2}-${k}`) !== byKey.get(`cp-${p * 2 + 1}-${k}`)) differ++;
    console.log(
      `${PAGES} pages of ${ROWS} rows each way (${(chars / 2 / PAGES / ROWS).toFixed(0)} characters a row): main-thread CPU text ${cpu.text.toFixed(2)} s, bytes ${cpu.bytes.toFixed(2)} s (×${(cpu.bytes / cpu.text).toFixed(3)}); ${stored.rows.length} rows stored, ${differ} pairs differ; load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
