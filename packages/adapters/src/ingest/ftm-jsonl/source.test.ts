import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@entente/core';
import { ftmJsonlFormat } from './source.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
const SAMPLE = fixture('opensanctions-sample.ftm.jsonl');

describe('ftmJsonlFormat', () => {
  it('imports OpenSanctions-style entities with their addresses and sanctions, one list per dataset', async () => {
    const lists = await ftmJsonlFormat.parse([SAMPLE]);
    expect(lists.map((l) => [l.source, l.parties.map((p) => p.sourceId)])).toEqual([
      ['ftm:demo_sanctions', ['NK-abc']],
      ['ftm:other_list', ['ves-1']],
    ]);
    expect(lists[0]!.publishedAt).toBe('2025-01-02');
    const ivan = lists[0]!.parties[0]!;
    expect(ivan.schema).toBe('person');
    expect(ivan.names).toEqual([
      { full: 'Ivan Petrov', quality: 'primary', script: 'Latn', parts: { given: 'Ivan', family: 'Petrov' } },
      { full: 'Иван Петров', quality: 'strong', script: 'Cyrl' },
      { full: 'Vanya', quality: 'weak', script: 'Latn' },
    ]);
    expect(ivan.birthDates).toEqual([{ value: '1970-05', precision: 'month' }]);
    expect(ivan.countries).toEqual([{ code: 'RU', role: 'nationality' }]);
    expect(ivan.identifiers).toEqual([
      { type: 'passport', value: '7512345' },
      { type: 'tax-id', value: '7701234567', label: 'INN' },
    ]);
    expect(ivan.addresses).toEqual([{ full: '1 Red Square, Moscow, Russia', city: 'Moscow', country: 'RU' }]);
    expect(ivan.programs).toEqual(['RUSSIA-EO14024']);
    expect(ivan.listedOn).toBe('2022-03-11');
    expect(ivan.remarks).toBe('Test person');
    const vessel = lists[1]!.parties[0]!;
    expect(vessel.schema).toBe('vessel');
    expect(vessel.identifiers).toEqual([{ type: 'imo', value: '9187629' }]);
    expect(vessel.countries).toEqual([{ code: 'PA', role: 'flag' }]);
  });

  it('reports bad lines and nameless parties as warnings on the first list', async () => {
    const lists = await ftmJsonlFormat.parse([SAMPLE]);
    expect(lists[0]!.warnings.map((w) => [w.kind, w.row])).toEqual([
      ['bad-json', 4],
      ['missing-name', 6],
    ]);
    expect(lists[1]!.warnings).toEqual([]);
  });

  it('rejects a file without FtM entities, naming the file', async () => {
    const file = fixture('not-ftm.ftm.jsonl');
    const err = await ftmJsonlFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file } });
    expect((err as Error).message).toContain('not-ftm.ftm.jsonl');
  });

  it('finds *.ftm.jsonl and entities.ftm.json files under lists/ in a mirror', async () => {
    const mirror = await mkdtemp(path.join(tmpdir(), 'entente-ftm-'));
    await mkdir(path.join(mirror, 'lists', 'os'), { recursive: true });
    for (const name of ['a.ftm.jsonl', 'entities.ftm.json', 'other.json']) {
      await writeFile(path.join(mirror, 'lists', 'os', name), '{}');
    }
    expect(await ftmJsonlFormat.findInMirror(mirror)).toEqual([
      [path.join(mirror, 'lists', 'os', 'a.ftm.jsonl')],
      [path.join(mirror, 'lists', 'os', 'entities.ftm.json')],
    ]);
    await rm(mirror, { recursive: true });
  });
});
