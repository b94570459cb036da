import { parentPort, workerData } from 'node:worker_threads';
import {
  columnBatchOf,
  deletionPart,
  encodeBatch,
  joinedAt,
  joinStrings,
  tokenFactColumns,
  type JoinedStrings,
  type Party,
} from '@entente/core';
import type {
  ColumnBuildRequest,
  ColumnBuildResponse,
  ColumnBuildWorkerData,
} from './column-build-protocol.ts';

// The column build's work that needs no ids (see column-build.ts): normalising and encoding
// parties, the token facts, a part of the deletion index.
const { reference } = workerData as ColumnBuildWorkerData;

/** Strings `[from, to)` of joined strings. */
const split = (joined: JoinedStrings, from = 0, to = joined.ends.length): string[] =>
  Array.from({ length: to - from }, (_, i) => joinedAt(joined, from + i));

parentPort!.on('message', (req: ColumnBuildRequest) => {
  let response: ColumnBuildResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    if ('deletionPart' in req) {
      deletionPart(req.deletionPart);
      response = { id: req.id, deletionPart: 'done' };
    } else if ('tokens' in req) {
      const facts = tokenFactColumns(split(req.tokens, req.from, req.to));
      const keys = joinStrings(facts.keys as string[]);
      const folds = joinStrings(facts.folds as string[]);
      response = { id: req.id, facts: { keys, folds, vowelPoor: facts.vowelPoor } };
      transfer.push(
        facts.vowelPoor.buffer as ArrayBuffer,
        keys.ends.buffer as ArrayBuffer,
        folds.ends.buffer as ArrayBuffer,
      );
    } else {
      const batch = columnBatchOf(
        req.json.map((json) => JSON.parse(json) as Party),
        reference,
      );
      const { bytes, ends } = encodeBatch(req.json);
      response = { id: req.id, batch, bytes, ends };
      transfer.push(
        bytes.buffer as ArrayBuffer,
        ends.buffer as ArrayBuffer,
        batch.numbers.buffer as ArrayBuffer,
        batch.hashes.buffer as ArrayBuffer,
        batch.texts.ends.buffer as ArrayBuffer,
        batch.rests.ends.buffer as ArrayBuffer,
        ...[batch.vocabulary, batch.strings].flatMap((w) => [
          w.narrow.ends.buffer as ArrayBuffer,
          w.wide.ends.buffer as ArrayBuffer,
          w.isWide.buffer as ArrayBuffer,
        ]),
      );
    }
  } catch (e) {
    const error = e as Error;
    response = { id: req.id, error: { name: error.name, message: error.message } };
  }
  parentPort!.postMessage(response, transfer);
});
