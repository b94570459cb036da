import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
 * One read of the whole file, asked for at once: `readFile` reads 512 KiB at a time, each
 * next read asked by the main thread, so a 126 MB snapshot hardly advanced while PGlite's
 * start kept that thread busy.
 */
export function readSnapshotBytes(file: string): Promise<SnapshotBytes> {
  return readWhole(file).catch((e: unknown) => ({ missing: (e as Error).message }));
}

/** The most one read asks for (node refuses more than 2 GiB in one). */
const MAX_READ = 1 << 30;

async function readWhole(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r'); // synchronous (microseconds), so that the read is asked for now
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = await new Promise<number>((resolve, reject) =>
        read(fd, buffer, at, Math.min(size - at, MAX_READ), at, (e, bytes) =>
          e ? reject(e) : resolve(bytes),
        ),
      );
      if (n === 0) break; // the file shrank: the length check in readSnapshotFile reports it
      at += n;
    }
    return at === size ? buffer : buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
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
