import { createReadStream, type WriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parse } from 'csv-parse';
import {
  clearanceOfMatch,
  clearanceSubjectKey,
  DomainError,
  isDomainError,
  validateScreeningQuery,
  type ClearanceReviewReason,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningQuery,
} from '@entente/core';
import { ScreeningPool } from './screening-pool.ts';
import type { ScreeningService, SubjectOf } from './screening-service.ts';

/** Subjects per message to a worker. */
const CHUNK = 100;
/** Chunks in flight per worker before the reader pauses (bounded memory on any file size). */
const IN_FLIGHT_PER_WORKER = 4;

/** One output line of a batch: the contract of DESIGN.md plus per-row errors. */
export interface BatchLine {
  id: string;
  matches: {
    source: string;
    sourceId: string;
    entityId: string;
    name: string;
    matchedName: string;
    score: number;
    features: Record<string, number>;
    /** The subject the listing belongs to (its own entity id until a resolution has seen it). */
    subjectId: string;
    cleared?: boolean;
    /** Its subject was cleared, but this listing was not covered or the subject was split since. */
    clearanceToReview?: ClearanceReviewReason;
  }[];
  error?: { code: string; message: string; field?: string };
}

/** Totals of a batch run. */
export interface BatchSummary {
  rows: number;
  errors: number;
  withMatches: number;
  seconds: number;
  workers: number;
}

interface BatchOptions {
  input: string;
  /** File to write JSON lines to; stdout when omitted. */
  output?: string;
  options: ScreeningOptions;
  /** The screening organisation: only its clearances mark matches `cleared` (none when null). */
  orgId: string | null;
  /** The current resolution: each match's subject id, and what subject clearances are judged against. */
  subjectOf?: SubjectOf;
  sources?: string[];
  workers?: number;
  onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
}

/** The input's size, refusing (`file-unreadable`, naming it) a path that is missing or not a file. */
async function inputFileInfo(input: string): Promise<{ size: number }> {
  const info = await stat(input).catch((cause: Error) => {
    throw new DomainError('file-unreadable', `Cannot read ${input}: ${cause.message}`, { file: input });
  });
  if (!info.isFile())
    throw new DomainError('file-unreadable', `Cannot read ${input}: it is a folder, not a CSV file`, {
      file: input,
    });
  return info;
}

/** The output file opened for writing, or `file-unreadable` naming it (missing folder, permissions). */
async function openOutput(output: string) {
  return open(output, 'w').catch((cause: Error) => {
    throw new DomainError('file-unreadable', `Cannot write ${output}: ${cause.message}`, { file: output });
  });
}

/**
 * A CSV syntax error (csv-parse's `CSV_…` codes, e.g. a quote never closed) as
 * `file-rejected` naming the file and the row the broken record starts on.
 */
function csvErrorNamingRow(error: unknown, input: string): unknown {
  const e = error as { code?: unknown; records?: number; message?: string };
  if (typeof e?.code !== 'string' || !e.code.startsWith('CSV_')) return error;
  // Row 1 is the header; the broken record is the one after the last parsed.
  const row = (e.records ?? 0) + 2;
  return new DomainError('file-rejected', `${input}: row ${row}: ${e.message ?? e.code}`, {
    file: input,
    row,
  });
}

/** A pool of `count` workers on the service's index. */
function startPool(service: ScreeningService, count: number): Promise<ScreeningPool> {
  return ScreeningPool.start(service.snapshotPayload(), service.reference, count);
}

/**
 * Screens a CSV of subjects (`id,name` and optional `type,country,birth_date`)
 * streaming, in parallel worker threads, writing one JSON line per row in input
 * order. A bad row gets an `error` in its line; the batch goes on. Each match
 * names its subject; matches the screening organisation (`opts.orgId`) has cleared carry
 * `cleared: true`, and listings its subject clearances ask to review `clearanceToReview`.
 */
export async function screenCsv(service: ScreeningService, opts: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  service.checkSources(opts.sources);
  const totalBytes = (await inputFileInfo(opts.input)).size;
  // Opened before any work starts, so a missing folder is an error naming the file, not a crash.
  const outputFile = opts.output ? await openOutput(opts.output) : undefined;
  const now = new Date();
  const clearances = await service.clearancesBySubject(opts.orgId, now);
  const subjectOf = opts.subjectOf ?? (() => undefined);
  const workerCount = Math.max(1, opts.workers ?? availableParallelism());
  const pool = await startPool(service, workerCount);
  const out = outputFile ? outputFile.createWriteStream() : process.stdout;
  const input = createReadStream(opts.input);
  let bytesRead = 0;
  input.on('data', (b) => (bytesRead += b.length));
  const parser = input.pipe(
    parse({
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }),
  );

  const pending = new Map<number, BatchLine>(); // seq → finished line, waiting for its turn
  let nextToWrite = 0;
  let seq = 0;
  let errors = 0;
  let withMatches = 0;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const idOf = new Map<number, string>();

  const flush = () => {
    while (pending.has(nextToWrite)) {
      const line = pending.get(nextToWrite)!;
      pending.delete(nextToWrite);
      out.write(JSON.stringify(line) + '\n');
      nextToWrite++;
    }
  };
  const subjectKeys = new Map<number, string>();
  let failure: unknown;
  const receive = (seqs: number[], results: ScreeningMatch[][]) => {
    seqs.forEach((seq, k) => {
      const key = subjectKeys.get(seq);
      const of = clearanceOfMatch(key ? (clearances.get(key) ?? []) : [], subjectOf);
      const matches = results[k]!.map((m) => {
        const clearance = of(m.entityId);
        return {
          source: m.source,
          sourceId: m.sourceId,
          entityId: m.entityId,
          name: m.name,
          matchedName: m.matchedName,
          score: m.score,
          features: m.features,
          subjectId: subjectOf(m.entityId) ?? m.entityId,
          ...(clearance && 'cleared' in clearance ? { cleared: true } : {}),
          ...(clearance && 'review' in clearance ? { clearanceToReview: clearance.why } : {}),
        };
      });
      if (matches.length) withMatches++;
      pending.set(seq, { id: idOf.get(seq)!, matches });
      idOf.delete(seq);
      subjectKeys.delete(seq);
    });
    flush();
  };

  let batch: { seq: number; query: ScreeningQuery }[] = [];
  const send = async () => {
    if (batch.length === 0) return;
    while (inFlight >= workerCount * IN_FLIGHT_PER_WORKER && failure === undefined)
      await new Promise<void>((r) => (wake = r));
    if (failure !== undefined) throw failure;
    const seqs = batch.map((row) => row.seq);
    inFlight++;
    pool
      .screenMany(
        batch.map((row) => row.query),
        opts.options,
      )
      .then(
        (results) => receive(seqs, results),
        (e: unknown) => (failure ??= e),
      )
      .finally(() => {
        inFlight--;
        wake?.();
      });
    batch = [];
  };

  let headerChecked = false;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (!headerChecked) {
        if (!('id' in record) || !('name' in record)) {
          throw new DomainError('file-rejected', `${opts.input}: the header must have columns id and name`, {
            file: opts.input,
            row: 1,
          });
        }
        headerChecked = true;
      }
      const s = seq++;
      const id = record.id ?? '';
      try {
        const query = validateScreeningQuery({
          name: record.name,
          type: record.type,
          country: record.country,
          birthDate: record.birth_date,
        });
        if (opts.sources) query.sources = opts.sources;
        idOf.set(s, id);
        subjectKeys.set(s, clearanceSubjectKey(query));
        batch.push({ seq: s, query });
        if (batch.length >= CHUNK) await send();
      } catch (e) {
        if (!isDomainError(e)) throw e;
        errors++;
        pending.set(s, {
          id,
          matches: [],
          error: {
            code: e.code,
            message: `row ${s + 2}: ${e.message}`,
            field: e.details.field as string | undefined,
          },
        });
        flush();
      }
      opts.onProgress?.(bytesRead, totalBytes, seq);
    }
    await send();
    while (inFlight > 0) await new Promise<void>((r) => (wake = r));
    if (failure !== undefined) throw failure;
    flush();
  } catch (e) {
    throw csvErrorNamingRow(e, opts.input);
  } finally {
    await pool.close(0);
    if (outputFile) await new Promise<void>((r) => (out as WriteStream).end(r));
  }
  opts.onProgress?.(totalBytes, totalBytes, seq);
  return {
    rows: seq,
    errors,
    withMatches,
    seconds: (performance.now() - started) / 1000,
    workers: workerCount,
  };
}
