import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../test-support/build-zip.ts';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { gunzipBounded, unzipBounded, type InflateLimits } from './bounded-inflate.ts';

const LIMITS: InflateLimits = { maxBytes: 16 * 1024 * 1024, maxRatio: 200 };

function refusal(run: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (e) {
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('unzipBounded', () => {
  it('refuses a ZIP bomb by its ratio before inflating it, naming the file, the entry and the limit', () => {
    // 64 MB of zeros deflate to about 64 kB: a thousandfold expansion.
    const bomb = buildZip([{ name: 'SDN_ENHANCED.XML', data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const e = refusal(() => unzipBounded(bomb, 'bomb.zip', LIMITS));
    expect(e.code).toBe('file-rejected');
    expect(e.message).toMatch(/^bomb\.zip: SDN_ENHANCED\.XML would expand \d+ times, over the limit of 200/);
    expect(e.details).toMatchObject({
      file: 'bomb.zip',
      entry: 'SDN_ENHANCED.XML',
      limit: 'ratio',
      maxRatio: 200,
    });
  });

  it('refuses an archive whose files together would pass the size limit', () => {
    // Random bytes do not compress: 9 MB declared for 64 kB is within the ratio, not the 16 MB total.
    const big = buildZip([
      { name: 'a.xml', data: randomBytes(64 * 1024), declaredSize: 9 << 20 },
      { name: 'b.xml', data: randomBytes(64 * 1024), declaredSize: 9 << 20 },
    ]);
    const e = refusal(() => unzipBounded(big, 'big.zip', LIMITS));
    expect(e.code).toBe('file-rejected');
    expect(e.message).toContain('big.zip: its files would expand to over 16 MB');
    expect(e.details).toMatchObject({ file: 'big.zip', entry: 'b.xml', limit: 'size' });
  });

  it('refuses an entry that inflates past the size its directory declares', () => {
    const liar = buildZip([{ name: 'x.xml', data: new Uint8Array(4 << 20), declaredSize: 100_000 }]);
    const e = refusal(() => unzipBounded(liar, 'liar.zip', { maxBytes: 16 << 20, maxRatio: 2000 }));
    expect(e).toMatchObject({ code: 'file-rejected', details: { file: 'liar.zip', limit: 'declared-size' } });
  });

  it('refuses a file that is not a ZIP archive', () => {
    const e = refusal(() => unzipBounded(Buffer.from('PK\u0003\u0004 not really'), 'x.zip', LIMITS));
    expect(e).toMatchObject({ code: 'file-rejected', details: { file: 'x.zip' } });
  });

  it('inflates an ordinary archive, only the entries asked for', () => {
    const zip = buildZip([
      { name: 'a.xml', data: Buffer.from('<a>hello</a>') },
      { name: 'readme.txt', data: Buffer.from('ignore me') },
    ]);
    const files = unzipBounded(zip, 'ok.zip', LIMITS, (n) => n.endsWith('.xml'));
    expect([...files.keys()]).toEqual(['a.xml']);
    expect(Buffer.from(files.get('a.xml')!).toString()).toBe('<a>hello</a>');
  });

  it.skipIf(!hasSharedData())(
    'reads the real OFAC Enhanced ZIP and DFAT workbook within their limits',
    () => {
      const ofac = sharedDataPath('lists/us/ofac-enhanced-xml-2025-01/CONS_ENHANCED.ZIP');
      expect(unzipBounded(readFileSync(ofac), ofac, LIMITS).get('CONS_ENHANCED.XML')?.length).toBe(3420879);
      const dfat = sharedDataPath('lists/au/dfat-2026-02-24/Australian_Sanctions_Consolidated_List.xlsx');
      expect(unzipBounded(readFileSync(dfat), dfat, LIMITS).size).toBe(10);
    },
  );
});

describe('gunzipBounded', () => {
  it('refuses a gzip bomb once it expands past the ratio', () => {
    const bomb = gzipSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
    const e = refusal(() => gunzipBounded(bomb, 'csl.csv.gz', LIMITS));
    expect(e.code).toBe('file-rejected');
    expect(e.message).toMatch(/^csl\.csv\.gz: it expands past/);
    expect(e.details).toMatchObject({ file: 'csl.csv.gz', limit: 'ratio' });
  });

  it('gunzips an ordinary file', () => {
    expect(Buffer.from(gunzipBounded(gzipSync('id,name\n1,A\n'), 'x.gz', LIMITS)).toString()).toBe(
      'id,name\n1,A\n',
    );
  });
});
