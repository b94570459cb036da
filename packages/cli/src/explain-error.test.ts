import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { DomainError } from '@entente/core';
import { explainError } from './explain-error.ts';

describe('explainError', () => {
  it('gives a domain error one line with its accepted values and where it was', () => {
    const error = new DomainError('unknown-source', 'Unknown source "nope"', {
      field: 'source',
      accepted: ['un-sc', 'us-ofac-sdn'],
    });
    expect(explainError(error)).toEqual({
      text: 'entente: unknown-source: Unknown source "nope"; accepted: un-sc, us-ofac-sdn (field source)\n',
      exitCode: 1,
    });
  });

  it('does not repeat accepted values the message already lists', () => {
    const error = new DomainError('invalid-input', 'Bad; accepted: a, b', {
      accepted: ['a', 'b'],
      file: 'x.csv',
      row: 3,
    });
    expect(explainError(error).text).toBe(
      'entente: invalid-input: Bad; accepted: a, b (file x.csv, row 3)\n',
    );
  });

  it("lists under a refused file's error each row problem it carries, naming file, row and field", () => {
    const error = new DomainError('invalid-input', 'register.csv: no row is usable', {
      file: 'register.csv',
      problems: [
        { file: 'register.csv', row: 2, field: 'birth_date', message: 'not a date: "31/02"' },
        { file: 'register.csv', row: 3, field: 'name', message: 'empty' },
        { note: 'not a row problem' },
      ],
    });
    expect(explainError(error).text).toBe(
      'entente: invalid-input: register.csv: no row is usable (file register.csv)\n' +
        '  register.csv, row 2, field birth_date: not a date: "31/02"\n' +
        '  register.csv, row 3, field name: empty\n',
    );
  });

  it('shortens a long list of accepted country codes to examples', () => {
    const codes = Array.from({ length: 249 }, (_, i) => `C${i}`).concat(['CN', 'DE', 'US']);
    const { text } = explainError(
      new DomainError('unknown-country', 'Unknown country "XX"', { accepted: codes }),
    );
    expect(text).toContain('accepted: one of 252 codes such as CN, DE, US');
  });

  it('exits 2 on errors of the machine, and on bugs with their stack', () => {
    expect(explainError(new DomainError('store-unavailable', 'down')).exitCode).toBe(2);
    const bug = explainError(new TypeError('boom'));
    expect(bug.exitCode).toBe(2);
    expect(bug.text).toMatch(/^entente: internal-error: TypeError: boom\n\s+at /);
  });

  it("leaves commander's own messages to commander and keeps its exit status", () => {
    expect(explainError(new CommanderError(0, 'commander.helpDisplayed', ''))).toEqual({
      text: '',
      exitCode: 0,
    });
    expect(explainError(new CommanderError(1, 'commander.unknownOption', 'x'))).toEqual({
      text: '',
      exitCode: 1,
    });
  });
});
