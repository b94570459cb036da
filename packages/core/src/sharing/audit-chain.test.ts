import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, computeAuditHash, verifyAuditChain, type AuditEntry } from './audit-chain.ts';
import { defaultValidUntil, isDenialValid } from './is-denial-valid.ts';

// A toy hash keeps core free of crypto; the chain logic does not depend on its strength.
const toyHash = (s: string) => {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(8, '0');
};

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const e = {
      seq: i,
      at: `2026-01-0${i}T00:00:00.000Z`,
      prevHash: out.at(-1)?.hash ?? AUDIT_GENESIS_HASH,
      actorUserId: 'u',
      actorOrgId: 'o',
      action: 'denial.read',
      targetType: 'denial',
      targetId: `d${i}`,
      outcome: 'ok' as const,
      ip: null,
      details: { n: i },
    };
    out.push({ ...e, hash: computeAuditHash(e, toyHash) });
  }
  return out;
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyAuditChain(chain(4), toyHash)).toEqual({ ok: true, checked: 4 });
  });

  it('reports the first entry whose content was altered', () => {
    const c = chain(4);
    c[2] = { ...c[2]!, targetId: 'other' };
    expect(verifyAuditChain(c, toyHash)).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: 'hash-mismatch' },
    });
  });

  it('reports a deleted entry as a sequence gap', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyAuditChain(c, toyHash).firstBroken).toEqual({ seq: 2, reason: 'sequence-gap' });
  });

  it('reports a re-hashed entry through the next link', () => {
    const c = chain(3);
    const forged = { ...c[1]!, targetId: 'forged' };
    c[1] = { ...forged, hash: computeAuditHash(forged, toyHash) };
    expect(verifyAuditChain(c, toyHash).firstBroken).toEqual({ seq: 3, reason: 'previous-hash-mismatch' });
  });
});

describe('denial validity', () => {
  it.each([
    ['2026-02-01', '2029-02-01'],
    ['2024-02-29', '2027-02-28'],
  ])('defaults a denial of %s to valid until %s', (on, until) => {
    expect(defaultValidUntil(on)).toBe(until);
  });

  it('counts the last day as valid', () => {
    expect(isDenialValid({ status: 'active', validUntil: '2029-02-01' }, '2029-02-01')).toBe(true);
    expect(isDenialValid({ status: 'active', validUntil: '2029-02-01' }, '2029-02-02')).toBe(false);
  });
});
