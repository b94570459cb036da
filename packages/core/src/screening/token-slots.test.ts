import { describe, expect, it } from 'vitest';
import { TokenSlots } from './token-slots.ts';

describe('TokenSlots', () => {
  it('finds each id where it was added, through growth and after being emptied', () => {
    const slots = new TokenSlots();
    const ids = Array.from({ length: 5000 }, (_, k) => (k * 7919) % 1_000_003);
    const starts = ids.map((id) => slots.add(id, 3));
    expect(starts[0]).toBe(0);
    expect(starts.at(-1)).toBe(3 * (ids.length - 1));
    expect(slots.used).toBe(3 * ids.length);
    ids.forEach((id, k) => expect(slots.find(id)).toBe(starts[k]));
    expect(slots.find(1_000_004)).toBe(-1);
    slots.clear();
    expect(slots.used).toBe(0);
    for (const id of ids.slice(0, 100)) expect(slots.find(id)).toBe(-1);
    expect(slots.add(ids[9]!, 2)).toBe(0);
    expect(slots.find(ids[9]!)).toBe(0);
    expect(slots.find(0)).toBe(-1);
  });
});
