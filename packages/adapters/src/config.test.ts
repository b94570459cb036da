import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { defaultScreenWorkers, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('reads the port and the screening workers, with defaults', () => {
    const config = loadConfig({ PORT: '9001', ENTENTE_SCREEN_WORKERS: '3' }, { cwd: '/tmp' });
    expect(config.port).toBe(9001);
    expect(config.screenWorkers).toBe(3);
    expect(loadConfig({}, { cwd: '/tmp' })).toMatchObject({
      port: 8080,
      screenWorkers: defaultScreenWorkers(),
    });
    expect(loadConfig({ ENTENTE_SCREEN_WORKERS: '0' }, { cwd: '/tmp' }).screenWorkers).toBe(0);
  });

  it('keeps one core for HTTP and at most four workers by default', () => {
    expect([1, 2, 4, 16].map((cores) => defaultScreenWorkers(cores))).toEqual([0, 1, 3, 4]);
  });

  it.each(['-1', '1.5', 'many', '65'])('refuses ENTENTE_SCREEN_WORKERS=%s naming the variable', (value) => {
    let error: unknown;
    try {
      loadConfig({ ENTENTE_SCREEN_WORKERS: value }, { cwd: '/tmp' });
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'ENTENTE_SCREEN_WORKERS' } });
  });

  it('keeps the monitor delta worker unless ENTENTE_DELTA_WORKER=off, and refuses other values', () => {
    expect(loadConfig({}, { cwd: '/tmp' }).deltaWorker).toBe(true);
    expect(loadConfig({ ENTENTE_DELTA_WORKER: 'on' }, { cwd: '/tmp' }).deltaWorker).toBe(true);
    expect(loadConfig({ ENTENTE_DELTA_WORKER: 'off' }, { cwd: '/tmp' }).deltaWorker).toBe(false);
    expect(() => loadConfig({ ENTENTE_DELTA_WORKER: '0' }, { cwd: '/tmp' })).toThrow(
      /ENTENTE_DELTA_WORKER must be on or off/,
    );
  });

  it('resolves subjects on a first start unless ENTENTE_RESOLVE_SUBJECTS=off, and refuses other values', () => {
    expect(loadConfig({}, { cwd: '/tmp' }).resolveSubjectsFirst).toBe(true);
    expect(loadConfig({ ENTENTE_RESOLVE_SUBJECTS: 'off' }, { cwd: '/tmp' }).resolveSubjectsFirst).toBe(false);
    expect(() => loadConfig({ ENTENTE_RESOLVE_SUBJECTS: 'no' }, { cwd: '/tmp' })).toThrow(
      /ENTENTE_RESOLVE_SUBJECTS must be on or off/,
    );
  });
});
