import { describe, expect, it } from 'vitest';
import {
  ALERT_STATES,
  checkAlertTransition,
  nextAlertStates,
  type AlertKind,
  type AlertState,
} from './alert.ts';

/** Every allowed move of the workflow; anything not listed is refused. */
const ALLOWED: [AlertKind, AlertState, AlertState][] = [
  ['new', 'open', 'in-review'],
  ['new', 'open', 'escalated'],
  ['new', 'in-review', 'open'],
  ['new', 'in-review', 'escalated'],
  ['new', 'in-review', 'true-match'],
  ['new', 'in-review', 'false-positive'],
  ['new', 'escalated', 'in-review'],
  ['new', 'escalated', 'true-match'],
  ['new', 'escalated', 'false-positive'],
  ['gone', 'open', 'in-review'],
  ['gone', 'open', 'escalated'],
  ['gone', 'open', 'closed'],
  ['gone', 'in-review', 'open'],
  ['gone', 'in-review', 'escalated'],
  ['gone', 'in-review', 'closed'],
  ['gone', 'escalated', 'in-review'],
  ['gone', 'escalated', 'closed'],
];

const key = (k: AlertKind, from: AlertState, to: AlertState) => `${k} ${from}→${to}`;
const allowed = new Set(ALLOWED.map(([k, f, t]) => key(k, f, t)));
const cases = (['new', 'gone'] as AlertKind[]).flatMap((kind) =>
  ALERT_STATES.flatMap((from) => ALERT_STATES.filter((to) => to !== from).map((to) => ({ kind, from, to }))),
);

describe('alert workflow', () => {
  it.each(cases)('$kind: $from → $to is allowed only when the table says so', ({ kind, from, to }) => {
    const t = { kind, from, to, reason: 'Checked the passport: another person' };
    if (allowed.has(key(kind, from, to))) expect(() => checkAlertTransition(t)).not.toThrow();
    else
      expect(() => checkAlertTransition(t)).toThrow(
        expect.objectContaining({ code: 'alert-transition-refused' }),
      );
  });

  it('treats changed and ownership alerts like new ones', () => {
    for (const from of ALERT_STATES) {
      expect(nextAlertStates('changed', from)).toEqual(nextAlertStates('new', from));
      expect(nextAlertStates('ownership', from)).toEqual(nextAlertStates('new', from));
    }
  });

  it('needs a reason for a decision', () => {
    expect(() =>
      checkAlertTransition({ kind: 'new', from: 'in-review', to: 'false-positive', reason: ' ' }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input', details: { field: 'reason' } }));
    expect(() => checkAlertTransition({ kind: 'new', from: 'escalated', to: 'true-match' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('names the states allowed from here when it refuses', () => {
    expect(() =>
      checkAlertTransition({ kind: 'new', from: 'open', to: 'false-positive', reason: 'x' }),
    ).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ accepted: ['in-review', 'escalated'] }) }),
    );
  });
});
