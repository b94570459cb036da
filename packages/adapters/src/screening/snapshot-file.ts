import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

/** First bytes of every snapshot file, then a 4-byte header length, the JSON header and the payload. */
const MAGIC = Buffer.from('ENTENTE-SNAPSHOT\n', 'latin1');

/** What the JSON header of a snapshot file says about its payload. */
interface SnapshotHeader {
  kind: string;
  key: string;
  bytes: number;
  crc32: number;
}

/** A snapshot as read: its value, or why it cannot be used (then it is rebuilt and rewritten). */
export type SnapshotRead<T> =
  | { status: 'loaded'; value: T; payload: Uint8Array }
  | { status: 'missing' | 'stale' | 'corrupt'; reason: string };

/** The payload bytes of a value (`v8.serialize`: typed arrays, Maps and strings copied as they are). */
export function snapshotPayload(value: unknown): Uint8Array {
  return serialize(value);
}

/**
 * Writes `payload` (see `snapshotPayload`) of a value of `kind` under `key`, with its CRC-32,
 * to a temporary file renamed over `file`: a reader sees the old file or the new, never half of one.
 */
export async function writeSnapshotFile(
  file: string,
  kind: string,
  key: string,
  payload: Uint8Array,
): Promise<void> {
  const header = Buffer.from(
    JSON.stringify({ kind, key, bytes: payload.length, crc32: crc32(payload) } satisfies SnapshotHeader),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, Buffer.concat([MAGIC, length, header, payload]));
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** A snapshot file's bytes as read (see `readSnapshotBytes`), or why there are none. */
export type SnapshotBytes = Buffer | { missing: string };

/**
 * The bytes of a snapshot file, read in one buffer (in libuv's thread pool: a caller may
 * start it early, e.g. while the store opens, and check it later with `readSnapshotFile`).
 */
export function readSnapshotBytes(file: string): Promise<SnapshotBytes> {
  return readFile(file).catch((e: unknown) => ({ missing: (e as Error).message }));
}

/**
 * Reads a snapshot of `kind` written under `key` (from `bytes` when already read, see
 * `readSnapshotBytes`): 'stale' when written under another key, 'corrupt' when its header,
 * length or CRC-32 do not hold or its payload does not decode.
 */
export async function readSnapshotFile<T>(
  file: string,
  kind: string,
  key: string,
  bytes?: Promise<SnapshotBytes>,
): Promise<SnapshotRead<T>> {
  const data = await (bytes ?? readSnapshotBytes(file));
  if (!Buffer.isBuffer(data)) return { status: 'missing', reason: data.missing };
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC))
    return { status: 'corrupt', reason: 'not a snapshot file' };
  const headerEnd = MAGIC.length + 4 + data.readUInt32LE(MAGIC.length);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(data.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as SnapshotHeader;
  } catch {
    return { status: 'corrupt', reason: 'unreadable header' };
  }
  if (header.kind !== kind) return { status: 'corrupt', reason: `a ${header.kind} snapshot, not ${kind}` };
  if (header.key !== key) return { status: 'stale', reason: 'built from other lists or another engine' };
  const payload = data.subarray(headerEnd);
  if (payload.length !== header.bytes)
    return { status: 'corrupt', reason: `${payload.length} bytes, header says ${header.bytes}` };
  if (crc32(payload) !== header.crc32) return { status: 'corrupt', reason: 'checksum mismatch' };
  try {
    return { status: 'loaded', value: deserialize(payload) as T, payload };
  } catch (e) {
    return { status: 'corrupt', reason: `payload does not decode: ${(e as Error).message}` };
  }
}
