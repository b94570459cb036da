import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A file's bytes in one buffer, read in chunks of at most 1 GiB (a saved 1M index is larger than one read may be). */
export function readWhole(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(size);
    for (let at = 0; at < size;) at += readSync(fd, buffer, at, Math.min(size - at, 1 << 30), at);
    return buffer;
  } finally {
    closeSync(fd);
  }
}
