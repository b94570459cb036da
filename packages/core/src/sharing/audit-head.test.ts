import { describe, expect, it } from 'vitest';
import { checkAuditAnchor, parsePublishedAuditHead, type AuditHead } from './audit-head.ts';

const h = (n: number) => n.toString(16).padStart(64, '0');
const head = (count: number): AuditHead => ({ count, lastHash: h(count), at: '2026-12-03T00:00:00.000Z' });
const chain = (count: number, extra: { hashAtPublished?: string } = {}) => ({
  count,
  ...(count > 0 ? { last: { seq: count, hash: h(count) } } : {}),
  ...extra,
});
const reasons = (...args: Parameters<typeof checkAuditAnchor>) =>
  checkAuditAnchor(...args).map((p) => p.reason);

describe('checkAuditAnchor', () => {
  it('accepts a log that ends where its head says', () => {
    expect(checkAuditAnchor(chain(5), head(5))).toEqual([]);
    expect(checkAuditAnchor(chain(0), { count: 0, lastHash: h(0), at: null })).toEqual([]);
  });

  it('reports a truncated log and a deleted tail as a count mismatch', () => {
    expect(reasons(chain(0), head(5))).toEqual(['head-count-mismatch']);
    expect(reasons(chain(3), head(5))).toEqual(['head-count-mismatch']);
  });

  it('reports a deleted middle entry: the count no longer equals the last sequence number', () => {
    expect(reasons({ count: 4, last: { seq: 5, hash: h(5) } }, head(5))).toEqual(['head-count-mismatch']);
  });

  it('reports a replaced last entry through the head hash', () => {
    expect(reasons({ count: 5, last: { seq: 5, hash: h(99) } }, head(5))).toEqual(['head-hash-mismatch']);
  });

  it('reports a missing head', () => {
    expect(reasons(chain(5), null)).toEqual(['head-missing']);
  });

  it('checks a published head: still in the log, with the same hash', () => {
    const published = { count: 3, lastHash: h(3) };
    expect(checkAuditAnchor(chain(5, { hashAtPublished: h(3) }), head(5), published)).toEqual([]);
    expect(reasons(chain(2), head(2), published)).toEqual(['behind-published-head']);
    expect(reasons(chain(5, { hashAtPublished: h(42) }), head(5), published)).toEqual([
      'published-hash-mismatch',
    ]);
  });
});

describe('parsePublishedAuditHead', () => {
  it.each([
    [`12:${h(7)}`, { count: 12, lastHash: h(7) }],
    [JSON.stringify({ count: 12, lastHash: h(7), at: 'x' }), { count: 12, lastHash: h(7) }],
  ])('reads %s', (text, expected) => {
    expect(parsePublishedAuditHead(text)).toEqual(expected);
  });

  it.each(['12', `x:${h(7)}`, '{"count":-1,"lastHash":"00"}', 'not a head'])('refuses %s', (text) => {
    expect(parsePublishedAuditHead(text)).toBeUndefined();
  });
});
