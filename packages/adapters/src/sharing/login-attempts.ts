import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.ts';

/** One key's attempts in its current window, counting the attempt just reserved. */
export interface LoginAttemptCount {
  attempts: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

/**
 * Counts one sign-in attempt for each key (`email:…`, `ip:…`) before the
 * password is checked, in a single `insert … on conflict do update …
 * returning` statement: the database hands every concurrent attempt its own
 * number, on one API node or many, so a burst cannot slip past the limit.
 * A window starts with the first attempt and lasts `windowMinutes`; an
 * attempt after it starts a new one.
 *
 * @example
 * const counts = await reserveLoginAttempts(db, ['email:a@b.example', 'ip:10.0.0.1'], now, 15);
 */
export async function reserveLoginAttempts(
  db: Kysely<Database>,
  keys: readonly string[],
  now: Date,
  windowMinutes: number,
): Promise<Map<string, LoginAttemptCount>> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const rows = await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, window_started: at, attempts: 1 })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_attempts.window_started <= ${expired} then 1 else login_attempts.attempts + 1 end`,
        window_started: sql<string>`case when login_attempts.window_started <= ${expired} then ${at} else login_attempts.window_started end`,
      }),
    )
    .returning(['key', 'window_started', 'attempts'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      {
        attempts: Number(r.attempts),
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((Date.parse(r.window_started) + windowMinutes * 60_000 - now.getTime()) / 1000),
        ),
      },
    ]),
  );
}

/**
 * After a successful sign-in: forgets the address's attempts and gives the
 * client address back the one attempt reserved for it (a success is no failure).
 */
export async function releaseLoginAttempts(
  db: Kysely<Database>,
  [emailKey, ipKey]: readonly [string, string],
): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', emailKey).execute();
  await db
    .updateTable('login_attempts')
    .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where('key', '=', ipKey)
    .execute();
}
