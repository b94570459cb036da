import { isDomainError } from '../errors.ts';
import type { DeterminationData, Jurisdiction } from '../licensing/determination-data.ts';
import type { Determination } from '../licensing/determination.ts';
import { determine } from '../licensing/determine.ts';

/** A determination, or why the engine could not give one. */
export interface MemoisedDetermination {
  determination?: Determination;
  error?: string;
}

/**
 * Runs determinations for a BOM, remembering each (jurisdiction, code, from,
 * to): a BOM repeats the same parts and lanes thousands of times. With
 * `enabled` false every call runs the engine (the benchmark's baseline).
 */
export class DeterminationMemo {
  private readonly seen = new Map<string, MemoisedDetermination>();

  constructor(
    private readonly data: DeterminationData,
    private readonly enabled = true,
  ) {}

  /** The determination of `code` under `jurisdiction` from `from` to `to`. */
  get(jurisdiction: Jurisdiction, code: string, to: string, from?: string): MemoisedDetermination {
    const key = `${jurisdiction}|${code}|${from ?? ''}|${to}`;
    const held = this.enabled ? this.seen.get(key) : undefined;
    if (held) return held;
    let result: MemoisedDetermination;
    try {
      result = {
        determination: determine(this.data, { jurisdiction, item: code, to, ...(from ? { from } : {}) }),
      };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      result = { error: error.message };
    }
    if (this.enabled) this.seen.set(key, result);
    return result;
  }
}
