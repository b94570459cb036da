import { describe, expect, it } from 'vitest';
import { consultationDeadline, nextConsultationState, type ConsultationState } from './consultation.ts';

const base = { respondBy: '2026-03-31', requesterOrgId: 'de', addresseeOrgId: 'uk' };
const at = (state: ConsultationState) => ({ ...base, state });

describe('nextConsultationState', () => {
  it.each([
    ['open', { type: 'message', orgId: 'de' }, 'open'],
    ['open', { type: 'message', orgId: 'uk' }, 'answered'],
    ['answered', { type: 'message', orgId: 'de' }, 'answered'],
    ['open', { type: 'close', orgId: 'de', decision: 'deny' }, 'closed'],
    ['answered', { type: 'close', orgId: 'de', decision: 'approve' }, 'closed'],
  ] as const)('moves %s on %j to %s', (state, event, next) => {
    expect(nextConsultationState(at(state), event, '2026-03-10')).toBe(next);
  });

  it.each([
    ['a closed consultation', at('closed'), { type: 'message', orgId: 'uk' }, '2026-03-10', 'conflict'],
    [
      'an approval before the answer or deadline',
      at('open'),
      { type: 'close', orgId: 'de', decision: 'approve' },
      '2026-03-31',
      'conflict',
    ],
    [
      'closing by the denying agency',
      at('answered'),
      { type: 'close', orgId: 'uk', decision: 'deny' },
      '2026-03-10',
      'forbidden',
    ],
    ['a third agency', at('open'), { type: 'message', orgId: 'fr' }, '2026-03-10', 'forbidden'],
  ] as const)('refuses %s', (_label, c, event, today, code) => {
    expect(() => nextConsultationState(c, event, today)).toThrow(expect.objectContaining({ code }));
  });

  it('allows approval once the deadline has passed unanswered', () => {
    expect(
      nextConsultationState(at('open'), { type: 'close', orgId: 'de', decision: 'approve' }, '2026-04-01'),
    ).toBe('closed');
  });

  it('sets the deadline 30 days ahead by default', () => {
    expect(consultationDeadline('2026-03-01')).toBe('2026-03-31');
    expect(consultationDeadline('2026-03-01', 10)).toBe('2026-03-11');
  });
});
