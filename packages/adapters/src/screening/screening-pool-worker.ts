import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import {
  indexFromSnapshot,
  indexOverSnapshot,
  isDomainError,
  screenParty,
  type ScreeningIndexSnapshot,
} from '@entente/core';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './screening-pool-protocol.ts';

// A read-only index over the columns the main thread shares with every worker (or, for
// comparison, a copy of its own restored from the snapshot payload).
const data = workerData as PoolWorkerData;
const index =
  'shared' in data
    ? indexOverSnapshot(data.shared, data.reference)
    : indexFromSnapshot(deserialize(data.snapshot) as ScreeningIndexSnapshot, data.reference);

parentPort!.on('message', (req: PoolRequest) => {
  let response: PoolResponse;
  try {
    response = { id: req.id, matches: req.queries.map((q) => screenParty(index, q, req.options)) };
  } catch (e) {
    const error = e as Error;
    response = {
      id: req.id,
      error: isDomainError(e)
        ? { name: error.name, message: error.message, code: e.code, details: { ...e.details } }
        : { name: error.name, message: error.message },
    };
  }
  parentPort!.postMessage(response);
});
parentPort!.postMessage({ ready: true });
