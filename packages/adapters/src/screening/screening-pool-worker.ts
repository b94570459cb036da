import { parentPort, workerData } from 'node:worker_threads';
import { buildScreeningIndex, isDomainError, screenParty } from '@entente/core';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './screening-pool-protocol.ts';

// One index per worker, built from the parties the main thread sent once.
const data = workerData as PoolWorkerData;
const index = buildScreeningIndex(data.parties, data.reference);
index.prepare();

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
