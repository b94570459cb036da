import { parentPort, workerData } from 'node:worker_threads';
import { buildScreeningIndex, screenParty, type ScreeningOptions } from '@entente/core';
import type { WorkerData, WorkerRequest, WorkerResponse } from './screen-worker-protocol.ts';

// One index per worker thread, built from the parties the main thread sent once.
const data = workerData as WorkerData;
const index = buildScreeningIndex(data.parties, data.reference);
const options: ScreeningOptions = data.options;

parentPort!.on('message', (req: WorkerRequest) => {
  const results = req.rows.map((row) => ({ seq: row.seq, matches: screenParty(index, row.query, options) }));
  parentPort!.postMessage({ chunk: req.chunk, results } satisfies WorkerResponse);
});
parentPort!.postMessage({ ready: true });
