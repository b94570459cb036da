import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { validateScreeningQuery } from './validate-screening-query.ts';

describe('validateScreeningQuery', () => {
  it('cleans a valid subject', () => {
    expect(
      validateScreeningQuery({
        name: ' Ivan\u0000 Petrov ',
        type: 'Person',
        country: 'ru',
        birthDate: '1960-05',
      }),
    ).toEqual({
      name: 'Ivan  Petrov',
      schema: 'person',
      country: 'RU',
      birthDate: '1960-05',
    });
  });

  it.each([
    [{ name: '   ' }, 'name'],
    [{ name: '\u0007\u0008' }, 'name'],
    [{ name: 'x'.repeat(10_000) }, 'name'],
    [{ name: 'A', type: 'dog' }, 'type'],
    [{ name: 'A', country: 'XX' }, 'country'],
    [{ name: 'A', birthDate: '1960-13' }, 'birthDate'],
    [{ name: 'A', birthDate: '1961-02-29' }, 'birthDate'],
    [{ name: 'A', birthDate: 'yesterday' }, 'birthDate'],
  ])('rejects %j naming the field %s', (raw, field) => {
    try {
      validateScreeningQuery(raw);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.details.field).toBe(field);
    }
  });

  it('either accepts or names a field for any input, never crashes otherwise', () => {
    fc.assert(
      fc.property(
        fc.record({ name: fc.string(), country: fc.string(), birthDate: fc.string(), type: fc.string() }),
        (raw) => {
          try {
            validateScreeningQuery(raw);
          } catch (e) {
            if (!isDomainError(e) || typeof e.details.field !== 'string') throw e;
          }
        },
      ),
    );
  });
});
