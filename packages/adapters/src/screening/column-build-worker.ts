import { parentPort, workerData } from 'node:worker_threads';
import { columnPartyOf, tokenFactColumns, type ColumnParty } from '@entente/core';
import type {
  ColumnBuildRequest,
  ColumnBuildResponse,
  ColumnBuildWorkerData,
} from './column-build-protocol.ts';

// Normalises parties for the column build (see column-build.ts): the per-party part of the build.
const { reference } = workerData as ColumnBuildWorkerData;
const encoder = new TextEncoder();

parentPort!.on('message', (req: ColumnBuildRequest) => {
  let response: ColumnBuildResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    if ('tokens' in req) {
      const facts = tokenFactColumns(req.tokens);
      response = { id: req.id, facts };
      transfer.push(facts.vowelPoor.buffer as ArrayBuffer);
    } else {
      const parties: ColumnParty[] = [];
      const encoded: Uint8Array[] = [];
      const ends = new Uint32Array(req.json.length);
      let size = 0;
      req.json.forEach((json, i) => {
        parties.push(columnPartyOf(JSON.parse(json), reference));
        const bytes = encoder.encode(json);
        encoded.push(bytes);
        ends[i] = size += bytes.length;
      });
      const bytes = new Uint8Array(size);
      encoded.forEach((b, i) => bytes.set(b, i ? ends[i - 1]! : 0));
      response = { id: req.id, parties, bytes, ends };
      transfer.push(bytes.buffer as ArrayBuffer, ends.buffer as ArrayBuffer);
    }
  } catch (e) {
    const error = e as Error;
    response = { id: req.id, error: { name: error.name, message: error.message } };
  }
  parentPort!.postMessage(response, transfer);
});
