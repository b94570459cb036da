import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import {
  indexFromSnapshot,
  indexOverSnapshot,
  isDomainError,
  mayMatchNames,
  screenParty,
  screenPartyOutcome,
  seedExpansions,
  shareExpansions,
  SharedExpansions,
  type HanReadings,
  type NameReference,
  type ScreeningIndexSnapshot,
} from '@entente/core/screening-worker';
import type {
  IndexPatch,
  PoolNotice,
  PoolPatchMessage,
  PoolRequest,
  PoolResponse,
  PoolWorkerData,
} from './screening-pool-protocol.ts';

/**
 * Han readings decoded from their serialised bytes (shared by every worker) when a query first
 * reads one of their tables: only a name in Han characters does, and the tables are most of
 * the name reference (about 9 MiB once decoded).
 */
function lazyHanReadings(bytes: Uint8Array): { tables: HanReadings; decode: () => void } {
  let readings: HanReadings | undefined;
  // v8.deserialize copies out of the bytes it reads: a view of shared memory is fine.
  const load = () => (readings ??= deserialize(bytes) as HanReadings);
  const tables: HanReadings = {
    get korean() {
      return load().korean;
    },
    get koreanFamily() {
      return load().koreanFamily;
    },
    get japaneseFamily() {
      return load().japaneseFamily;
    },
    get japaneseGiven() {
      return load().japaneseGiven;
    },
  };
  return { tables, decode: load };
}

// A read-only index over the columns the main thread shares with every worker (or, for
// comparison, a copy of its own restored from the snapshot payload).
const data = workerData as PoolWorkerData;
const hanReadings = data.hanReadings ? lazyHanReadings(data.hanReadings) : undefined;
const reference: NameReference = hanReadings
  ? { ...data.reference, hanReadings: hanReadings.tables }
  : data.reference;
let index =
  'shared' in data
    ? indexOverSnapshot(data.shared, reference)
    : indexFromSnapshot(deserialize(data.snapshot) as ScreeningIndexSnapshot, reference);
// Token expansions one worker made, the others read (see `SharedExpansions`).
if (data.expansions) shareExpansions(index, new SharedExpansions(data.expansions));
// A copy of its own (the monitor's delta worker) reads, on a miss of its memo, the expansions the
// pool's workers made over a snapshot of the same index (`seedExpansions`, as the main thread).
else if (data.seed && !('shared' in data))
  seedExpansions(index, new SharedExpansions(data.seed.expansions), data.seed);

/**
 * Messages received and not yet screened: urgent ones (a request a person waits for) go before
 * the batch chunks. One message is screened per turn of the event loop, so that messages that
 * arrived meanwhile are received (and an urgent one put first) before the next.
 */
const urgent: PoolRequest[] = [];
const batch: PoolRequest[] = [];
let scheduled = false;

/**
 * Applies a list version's differences (`ScreeningPool.patch`) at once, in the message's own
 * turn: every message screened after it, including those received before it and not yet
 * screened, is screened on the patched index (none on the old lists). An index over shared
 * columns is read-only: the first patch restores a writable copy from them (without the shared
 * expansion memo, which holds the old vocabulary's expansions); a worker started on a copy of
 * its own (`copyPerWorker`, the monitor's delta worker) patches that.
 */
function applyPatch(patch: IndexPatch): void {
  if ('shared' in data && !writable) index = indexFromSnapshot(data.shared, reference);
  writable = true;
  for (const id of patch.removed) index.remove(id);
  for (const { party, versionId } of patch.added) index.add(party, versionId);
  for (const { source, versionId, from } of patch.retag) index.retagVersion(source, versionId, from);
  index.prepare();
}
let writable = !('shared' in data);

parentPort!.on('message', (req: PoolRequest | PoolPatchMessage) => {
  if ('patch' in req) {
    applyPatch(req.patch);
    return;
  }
  (req.urgent ? urgent : batch).push(req);
  if (!scheduled) {
    scheduled = true;
    setImmediate(next);
  }
});

function next(): void {
  scheduled = false;
  const req = urgent.shift() ?? batch.shift();
  if (!req) return;
  parentPort!.postMessage(answer(req));
  if (urgent.length + batch.length > 0) {
    scheduled = true;
    setImmediate(next);
  } else warmLater();
}

/**
 * The warm-up (`PoolWarmUp`): one listed name screened per turn of the event loop, only while no
 * message waits (a message that arrives meanwhile waits for one name at most), with each of the
 * two screening functions in turn. Screening fills only memos (expansions, names, token facts),
 * whose entries are what screening computes anyway: no answer can change.
 */
const warm = data.warmUp;
let warmStride = 1;
let warmAt = 0;
let warmDone = 0;
let warmScheduled = false;
if (warm && warm.names > 0) {
  warmStride = Math.max(1, Math.floor(index.nameSlots / warm.names));
  warmAt = warm.worker * warmStride;
}

function warmLater(): void {
  if (!warm || warmScheduled || warmDone < 0) return;
  warmScheduled = true;
  setImmediate(warmStep);
}

function warmStep(): void {
  warmScheduled = false;
  if (!warm || urgent.length + batch.length > 0) return;
  const share = Math.ceil(warm.names / warm.workers);
  while (warmDone < share && warmAt < index.nameSlots) {
    const text = index.name(warmAt)?.text;
    warmAt += warm.workers * warmStride;
    if (!text) continue;
    try {
      if (warmDone++ % 2 === 0) screenParty(index, { name: text });
      else screenPartyOutcome(index, { name: text });
    } catch {
      // A name screening refuses warms nothing; the worker must not die of its warm-up.
    }
    warmLater();
    return;
  }
  warmDone = -1;
  decodeHanReadings();
  parentPort!.postMessage({ warmed: true } satisfies PoolNotice);
}

/**
 * Decodes the Han readings' tables (`lazyHanReadings`) at the end of a warm-up: the first query
 * in Han characters would otherwise decode them (40–160 ms of CPU, a batch's first such name
 * on each worker). The listed names warmed on are seldom in Han characters.
 */
function decodeHanReadings(): void {
  hanReadings?.decode();
}

function answer(req: PoolRequest): PoolResponse {
  // A chunk the sender screens itself (it claimed it first): nothing to do.
  if (req.claim && Atomics.compareExchange(req.claim.cells, req.claim.at, 0, 1) !== 0)
    return { id: req.id, outcomes: [], skipped: true };
  let response: PoolResponse;
  try {
    if (req.bound) return { id: req.id, outcomes: [], passed: passedBound(req) };
    response = {
      id: req.id,
      outcomes: req.queries.map((q) =>
        req.matchesOnly
          ? { matches: screenParty(index, q, req.options), unscored: 0, unscoredAtLeast: false }
          : screenPartyOutcome(index, q, req.options),
      ),
    };
  } catch (e) {
    const error = e as Error;
    response = {
      id: req.id,
      error: isDomainError(e)
        ? { name: error.name, message: error.message, code: e.code, details: { ...e.details } }
        : { name: error.name, message: error.message },
    };
  }
  return response;
}
/**
 * A monitoring delta's pairwise bound (`PoolRequest.bound`): each counterparty's queries against
 * the changed listed names that reached it, found here by entity, position and text.
 */
function passedBound(req: PoolRequest): boolean[] {
  const { counts, names, threshold } = req.bound!;
  const passed: boolean[] = [];
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const nameIds = names[i]!.map(([entityId, position, text]) => {
      const id = index.get(entityId)?.names[position];
      if (id === undefined || index.name(id)?.text !== text)
        throw new Error(`delta worker: listed name ${entityId}#${position} not as the sender's`);
      return id;
    });
    const queries = req.queries.slice(at, at + counts[i]!);
    at += counts[i]!;
    passed.push(queries.some((q) => mayMatchNames(index, q, nameIds, threshold)));
  }
  return passed;
}

parentPort!.postMessage({ ready: true } satisfies PoolNotice);
warmLater();
