import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { indexFromSnapshot, isDomainError, screenParty, type ScreeningIndexSnapshot } from '@entente/core';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './screening-pool-protocol.ts';

// One index per worker, restored from the snapshot the main thread shares with every worker.
const data = workerData as PoolWorkerData;
const index = indexFromSnapshot(deserialize(data.snapshot) as ScreeningIndexSnapshot, data.reference);

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
