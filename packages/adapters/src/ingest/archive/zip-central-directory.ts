import { DomainError } from '@entente/core';

/** One file of a ZIP archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when inflated. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

function rejectZip(file: string, message: string): never {
  throw new DomainError('file-rejected', `${file}: not a readable ZIP archive (${message})`, { file });
}

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/** Where the central directory starts and how many entries it has (ZIP64 aware). */
function locateDirectory(view: DataView, file: string): { offset: number; count: number } {
  const last = Math.max(0, view.byteLength - 22 - 0xffff);
  let eocd = -1;
  for (let i = view.byteLength - 22; i >= last; i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) rejectZip(file, 'no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(view, eocd - 12);
    if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD)
      rejectZip(file, 'bad ZIP64 record');
    count = u64(view, at + 32);
    offset = u64(view, at + 48);
  }
  return { offset, count };
}

/** Reads the ZIP64 extra field's sizes and offset for the fields the header left at 0xFFFFFFFF. */
function applyZip64(view: DataView, extra: number, end: number, entry: ZipEntry): void {
  for (let at = extra; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      if (entry.size === MAX32) {
        entry.size = u64(view, p);
        p += 8;
      }
      if (entry.compressedSize === MAX32) {
        entry.compressedSize = u64(view, p);
        p += 8;
      }
      if (entry.localOffset === MAX32) entry.localOffset = u64(view, p);
      return;
    }
    at += 4 + length;
  }
}

/**
 * The entries of a ZIP archive, read from its central directory without
 * inflating anything, so sizes can be checked before a single byte is expanded.
 * Throws `file-rejected` naming the file when the directory is missing or broken.
 */
export function readZipDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) rejectZip(file, 'too short');
  const { offset, count } = locateDirectory(view, file);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL)
      rejectZip(file, `central directory entry ${i + 1} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    applyZip64(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== 0x04034b50)
    rejectZip(file, `the local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > view.byteLength) rejectZip(file, `${entry.name} is truncated`);
  return bytes.subarray(start, start + entry.compressedSize);
}
