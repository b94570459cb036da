/**
 * Imports every list version of the mirror into a fresh store and reports record
 * counts, seconds (parse vs store) and peak memory, against a baseline in the same
 * process: the same parse with the store replaced by a plain in-memory array.
 * Run: `npx tsx bench/import-mirror.ts [--postgres] [--mirror DIR] [--skip-baseline | --baseline-first]`
 * (PostgreSQL is measured with `--postgres` or when DATABASE_URL is set).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import {
  partyEntityId,
  primaryName,
  type ListVersion,
  type NewListVersion,
  type Party,
  type Store,
} from '@entente/core';
import {
  canonicalJson,
  contentHash,
  findFormat,
  LIST_FORMATS,
  openStore,
  syncMirror,
  type SyncReport,
} from '@entente/adapters';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const mirror = path.resolve(option('--mirror') ?? SHARED_DATA);
const databaseUrl = process.env.DATABASE_URL || undefined;
const withPostgres = flag('--postgres') || databaseUrl !== undefined;

/** Samples the process RSS every 100 ms from a worker thread, so a main thread busy parsing does not hide peaks. */
function startRssSampler() {
  const source = `
    const { parentPort } = require('node:worker_threads');
    let max = process.memoryUsage().rss;
    const timer = setInterval(() => { max = Math.max(max, process.memoryUsage().rss); }, 100);
    parentPort.on('message', (m) => {
      max = Math.max(max, process.memoryUsage().rss);
      parentPort.postMessage(max);
      if (m === 'reset') max = process.memoryUsage().rss;
      if (m === 'stop') { clearInterval(timer); parentPort.close(); }
    });`;
  const worker = new Worker(source, { eval: true });
  const ask = (m: 'read' | 'reset' | 'stop') =>
    new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(m);
    });
  return { reset: () => ask('reset'), read: () => ask('read'), stop: () => ask('stop') };
}

/** Wraps the store methods `importList` calls so their time can be told apart from parsing. */
function timedStore(store: Store) {
  const timing = { storeMs: 0 };
  const wrap = <K extends 'saveListVersion' | 'versionWithContent' | 'listVersions'>(name: K) => {
    const original = store[name].bind(store) as (...a: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return await original(...a);
      } finally {
        timing.storeMs += performance.now() - t0;
      }
    };
  };
  wrap('saveListVersion');
  wrap('versionWithContent');
  wrap('listVersions');
  return timing;
}

/** The baseline: keeps each version in an array, with no hashing, SQL or JSON encoding. */
function memoryStore(): Store {
  const versions: (ListVersion & { parties: unknown[] })[] = [];
  const store = {
    async versionWithContent() {
      return undefined;
    },
    async listVersions(source?: string) {
      return versions.filter((v) => !source || v.source === source).reverse();
    },
    async saveListVersion(input: NewListVersion) {
      const version = {
        id: versions.length + 1,
        source: input.source,
        publishedAt: input.publishedAt,
        importedAt: new Date().toISOString(),
        contentHash: '',
        format: input.format,
        recordCount: input.parties.length,
        warningCount: input.warnings.length,
        warningsByKind: {},
        files: input.files,
        parties: input.parties,
      };
      versions.push(version);
      return { version, created: true };
    },
  };
  return store as unknown as Store;
}

interface Run {
  label: string;
  report: SyncReport;
  seconds: number;
  storeSeconds: number;
  gcSeconds: number;
  peakRss: number;
}

/** Garbage-collection pauses, summed: allocation-heavy phases pay for each other's garbage. */
const gc = { ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gc.ms += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function measure(
  label: string,
  store: Store,
  sampler: ReturnType<typeof startRssSampler>,
): Promise<Run> {
  const timing = timedStore(store);
  await sampler.reset();
  const gcBefore = gc.ms;
  const t0 = performance.now();
  const report = await syncMirror(store, LIST_FORMATS, mirror);
  const seconds = (performance.now() - t0) / 1000;
  const peakRss = await sampler.read();
  return {
    label,
    report,
    seconds,
    storeSeconds: timing.storeMs / 1000,
    gcSeconds: (gc.ms - gcBefore) / 1000,
    peakRss,
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function printRun(run: Run): void {
  const records = run.report.imported.reduce((n, r) => n + r.records, 0);
  console.log(`\n## ${run.label}`);
  console.log('source | published | records | new');
  for (const r of run.report.imported)
    console.log(`${r.source} | ${r.publishedAt} | ${r.records} | ${r.created ? 'yes' : 'no'}`);
  for (const s of run.report.skipped)
    console.log(`skipped: ${path.relative(mirror, s.path.split(', ')[0] ?? '')}: ${s.reason}`);
  console.log(
    `${run.report.imported.length} versions, ${records} party records in ${run.seconds.toFixed(1)} s ` +
      `(parse ${(run.seconds - run.storeSeconds).toFixed(1)} s, store ${run.storeSeconds.toFixed(1)} s; of the total, GC pauses ${run.gcSeconds.toFixed(1)} s), ` +
      `peak RSS ${mib(run.peakRss)}`,
  );
}

/**
 * A second baseline on a sample: the same parties written one INSERT per row (in one
 * transaction) against `saveListVersion`'s batched write, on fresh in-memory PGlite stores.
 */
async function compareRowByRow(sampleSize: number): Promise<void> {
  const [list] = await findFormat(LIST_FORMATS, 'us-csl-json').parse([
    path.join(mirror, 'lists/us/csl-2026-07-31/consolidated.json'),
  ]);
  const parties: Party[] = (list?.parties ?? []).slice(0, sampleSize);
  const batched = await openStore({ dataDir: 'memory://' });
  let t0 = performance.now();
  await batched.saveListVersion({
    source: 'sample',
    publishedAt: '2026-07-31',
    format: 'us-csl-json',
    files: [],
    parties,
    warnings: [],
  });
  const batchedMs = performance.now() - t0;
  await batched.close();
  const single = await openStore({ dataDir: 'memory://' });
  t0 = performance.now();
  await single.kysely.transaction().execute(async (tx) => {
    const version = await tx
      .insertInto('list_versions')
      .values({
        source: 'sample',
        published_at: '2026-07-31',
        content_hash: 'x',
        format: 'us-csl-json',
        record_count: parties.length,
        warning_count: 0,
        warnings_by_kind: '{}',
        warnings_sample: '[]',
        files: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const party of parties) {
      await tx
        .insertInto('parties')
        .values({
          version_id: version.id,
          entity_id: partyEntityId(party),
          source_id: party.sourceId,
          schema: party.schema,
          name: primaryName(party),
          un_reference: party.unReference ?? null,
          content_hash: contentHash(party),
          data: canonicalJson(party),
        })
        .execute();
    }
  });
  const singleMs = performance.now() - t0;
  await single.close();
  console.log(
    `\n## row-by-row vs batched, ${parties.length} CSL parties on in-memory PGlite\n` +
      `row by row ${(singleMs / parties.length).toFixed(3)} ms/row, batched ${(batchedMs / parties.length).toFixed(3)} ms/row: batched is ${(singleMs / batchedMs).toFixed(1)}× faster`,
  );
}

async function main(): Promise<void> {
  console.log(
    `mirror ${mirror}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model}); load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const sampler = startRssSampler();
  const runs: Run[] = [];

  const baselineFirst = flag('--baseline-first');
  if (baselineFirst)
    runs.push(
      await measure('baseline: same parse, in-memory array instead of a store', memoryStore(), sampler),
    );

  const dir = await mkdtemp(path.join(os.tmpdir(), 'entente-bench-'));
  try {
    const store = await openStore({ dataDir: dir });
    runs.push(await measure('PGlite (temp dir)', store, sampler));
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  if (withPostgres) {
    if (!databaseUrl) throw new Error('--postgres needs DATABASE_URL');
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const store = await openStore({ databaseUrl, dataDir: '', schema });
    try {
      runs.push(await measure(`PostgreSQL (fresh schema ${schema})`, store, sampler));
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }

  if (!baselineFirst && !flag('--skip-baseline'))
    runs.push(
      await measure('baseline: same parse, in-memory array instead of a store', memoryStore(), sampler),
    );
  await sampler.stop();

  runs.forEach(printRun);
  const baseline = runs.find((r) => r.label.startsWith('baseline'));
  if (baseline) {
    for (const run of runs.filter((r) => r !== baseline)) {
      console.log(
        `ratio ${run.label} / baseline: ${(run.seconds / baseline.seconds).toFixed(2)}× (store adds ${(run.seconds - baseline.seconds).toFixed(1)} s)`,
      );
    }
  }
  if (!flag('--skip-baseline')) await compareRowByRow(5000);
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

await main();
