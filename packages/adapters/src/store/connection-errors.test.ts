import { describe, expect, it } from 'vitest';
import { DomainError } from '@entente/core';
import { isConnectionError, STORE_RETRY_AFTER_SECONDS, toStoreError } from './connection-errors.ts';

/** An error shaped as `pg` and Node's sockets shape theirs (outside our control). */
function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('connection errors', () => {
  it.each([
    ['refused socket', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset socket', driverError('read ECONNRESET', 'ECONNRESET')],
    ['pg: socket ended', driverError('Connection terminated unexpectedly')],
    ['pg: connect timeout', driverError('timeout exceeded when trying to connect')],
    ['pg: broken client', driverError('Client has encountered a connection error and is not queryable')],
    ['server restart (57P01)', driverError('terminating connection due to administrator command', '57P01')],
    ['server starting up (57P03)', driverError('the database system is starting up', '57P03')],
    ['connection exception class 08', driverError('connection failure', '08006')],
    [
      'happy eyeballs',
      new AggregateError([driverError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
    ],
    ['wrapped cause', new Error('query failed', { cause: driverError('read ECONNRESET', 'ECONNRESET') })],
  ])('recognises %s', (_, error) => {
    expect(isConnectionError(error)).toBe(true);
    expect(toStoreError(error)).toMatchObject({
      name: 'DomainError',
      code: 'store-unavailable',
      details: { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
    });
  });

  it.each([
    ['a syntax error', driverError('syntax error at or near "selec"', '42601')],
    ['a unique violation', driverError('duplicate key value violates unique constraint', '23505')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
  ])('leaves %s as it is', (_, error) => {
    expect(isConnectionError(error)).toBe(false);
    expect(toStoreError(error)).toBe(error);
  });

  it('keeps domain errors and hides the server address from the message', () => {
    const domain = new DomainError('not-found', 'No party');
    expect(toStoreError(domain)).toBe(domain);
    const translated = toStoreError(driverError('connect ECONNREFUSED 10.0.0.7:5432', 'ECONNREFUSED'));
    expect((translated as Error).message).not.toContain('10.0.0.7');
  });
});
