import { mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshotBytes, readSnapshotFile, snapshotPayload, writeSnapshotFile } from './snapshot-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'entente-snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('snapshot file read early (one read of the whole file)', () => {
  const value = { ids: new Uint32Array(300_000).map((_, i) => i * 7), names: ['Bravo', 'Ахмад'] };

  it('gives the very bytes of the file, which read back as the value saved', async () => {
    const file = path.join(dir, 'whole.snapshot');
    await writeSnapshotFile(file, 'test', 'key-1', snapshotPayload(value));
    const bytes = readSnapshotBytes(file);
    expect((await bytes) as Buffer).toEqual(readFileSync(file));
    const read = await readSnapshotFile<typeof value>(file, 'test', 'key-1', bytes);
    expect(read.status).toBe('loaded');
    if (read.status === 'loaded') expect(read.value).toEqual(value);
  });

  it('reports a missing file as missing, and a truncated one as corrupt', async () => {
    expect(await readSnapshotBytes(path.join(dir, 'none.snapshot'))).toHaveProperty('missing');
    const file = path.join(dir, 'cut.snapshot');
    await writeSnapshotFile(file, 'test', 'key-1', snapshotPayload(value));
    truncateSync(file, readFileSync(file).length - 1000);
    const read = await readSnapshotFile(file, 'test', 'key-1', readSnapshotBytes(file));
    expect(read.status).toBe('corrupt');
  });
});
