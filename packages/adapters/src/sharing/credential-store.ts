import type { Kysely } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import type { OrgKind, UserRole } from '@entente/core';
import type { AuditLog } from './audit-log.ts';
import { actorOf, type AuditSource } from './actor.ts';
import { hashTokenSecret, newId, newSecret, verifyPassword, verifyTokenSecret } from './secrets.ts';
import { releaseLoginAttempts, reserveLoginAttempts } from './login-attempts.ts';
import type { Database } from '../store/database.ts';

/** The user a credential belongs to, as the API's principal. */
export interface AuthenticatedUser {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  role: UserRole;
  jurisdiction?: string;
  credentialId: string;
}

/** Lifetimes and the login rate limit. */
export interface CredentialPolicy {
  tokenDays: number;
  sessionHours: number;
  /** Failed logins allowed per e-mail address (and ten times that per client address) in the window. */
  maxLoginFailures: number;
  loginWindowMinutes: number;
}

/** Defaults: tokens 90 days, sessions 8 hours, 5 failed logins per address in 15 minutes. */
export const DEFAULT_CREDENTIAL_POLICY: CredentialPolicy = Object.freeze({
  tokenDays: 90,
  sessionHours: 8,
  maxLoginFailures: 5,
  loginWindowMinutes: 15,
});

const TOKEN = /^ent_([0-9a-f]{18})_([A-Za-z0-9_-]{43})$/;
const SESSION = /^([0-9a-f]{18})\.([A-Za-z0-9_-]{43})$/;
/** Burns the same scrypt time for unknown e-mail addresses, so timing does not tell which exist. */
const DUMMY_HASH = 'scrypt$00000000000000000000000000000000$' + '0'.repeat(64);

/**
 * How long a verified credential is trusted without reading the store again: a revocation
 * through any `CredentialStore` of this process takes effect at once, one made by another
 * process (the CLI, another API node) within this time.
 */
export const CREDENTIAL_RECHECK_MS = 5_000;

interface RecentCredential {
  row: CredentialRow;
  checkedAt: number;
}

/** Credentials recently read, per database (shared by the stores over one connection pool). */
const recentByDb = new WeakMap<object, Map<string, RecentCredential>>();
const MAX_RECENT = 10_000;

interface CredentialRow {
  secret_hash: string;
  kind: string;
  expires_at: string | null;
  revoked_at: string | null;
  user_id: string;
  role: string;
  org_id: string;
  org_kind: string;
  jurisdiction: string | null;
}

/** API tokens, web sessions and logins: secrets are shown once and kept only as salted hashes. */
export class CredentialStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly policy: CredentialPolicy,
  ) {}

  get #recent(): Map<string, RecentCredential> {
    let map = recentByDb.get(this.db);
    if (!map) recentByDb.set(this.db, (map = new Map()));
    return map;
  }

  /** Creates an API token `ent_<id>_<secret>` for a user; the token is returned once and never stored. */
  async createToken(
    userId: string,
    source: AuditSource,
    options: { days?: number } = {},
  ): Promise<{ id: string; token: string; expiresAt: string }> {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new DomainError('not-found', `No user ${userId}`, { field: 'user' });
    const days = options.days ?? this.policy.tokenDays;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new DomainError('invalid-input', 'Token lifetime must be 1-3650 days', { field: 'days' });
    const hex = newId('tok').slice(4);
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('credentials')
        .values({
          id: `tok_${hex}`,
          kind: 'token',
          user_id: userId,
          secret_hash: hashTokenSecret(secret),
          csrf_hash: null,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          revoked_at: null,
          last_used_at: null,
        })
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(source),
        action: 'token.create',
        targetType: 'token',
        targetId: `tok_${hex}`,
        outcome: 'ok',
        details: { user: userId, expiresAt },
      });
    });
    return { id: `tok_${hex}`, token: `ent_${hex}_${secret}`, expiresAt };
  }

  /** Revokes a token or session by id; revoking twice is harmless. */
  async revoke(id: string, source: AuditSource): Promise<void> {
    this.#recent.delete(id);
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('credentials')
        .select(['id', 'revoked_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new DomainError('not-found', `No token or session ${id}`, { field: 'id' });
      if (!row.revoked_at)
        await tx
          .updateTable('credentials')
          .set({ revoked_at: this.clock.now().toISOString() })
          .where('id', '=', id)
          .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(source),
        action: 'credential.revoke',
        targetType: 'credential',
        targetId: id,
        outcome: 'ok',
        details: {},
      });
    });
    this.#recent.delete(id);
  }

  /** The user behind an API token; `unauthenticated` when it is malformed, unknown, revoked or expired. */
  async authenticateToken(token: string): Promise<AuthenticatedUser> {
    const m = TOKEN.exec(token);
    if (!m) throw new DomainError('unauthenticated', 'Malformed API token');
    return this.#authenticate(`tok_${m[1]}`, m[2]!, 'token');
  }

  /** The user behind a session cookie, and whether `csrfToken` (when given) is that session's. */
  async authenticateSession(
    cookie: string,
    csrfToken?: string,
  ): Promise<AuthenticatedUser & { csrfValid: boolean }> {
    const m = SESSION.exec(cookie);
    if (!m) throw new DomainError('unauthenticated', 'Invalid session');
    const user = await this.#authenticate(`ses_${m[1]}`, m[2]!, 'session');
    const row = await this.db
      .selectFrom('credentials')
      .select('csrf_hash')
      .where('id', '=', `ses_${m[1]}`)
      .executeTakeFirst();
    const csrfValid = Boolean(csrfToken && row?.csrf_hash && verifyTokenSecret(csrfToken, row.csrf_hash));
    return { ...user, csrfValid };
  }

  async #credential(id: string): Promise<CredentialRow | undefined> {
    const now = Date.now();
    const recent = this.#recent.get(id);
    if (recent && now - recent.checkedAt <= CREDENTIAL_RECHECK_MS) return recent.row;
    const row = await this.db
      .selectFrom('credentials')
      .innerJoin('users', 'users.id', 'credentials.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .select([
        'credentials.secret_hash',
        'credentials.kind',
        'credentials.expires_at',
        'credentials.revoked_at',
        'users.id as user_id',
        'users.role',
        'organisations.id as org_id',
        'organisations.kind as org_kind',
        'organisations.jurisdiction',
      ])
      .where('credentials.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    if (this.#recent.size >= MAX_RECENT) this.#recent.clear();
    this.#recent.set(id, { row: row as CredentialRow, checkedAt: now });
    return row as CredentialRow;
  }

  async #authenticate(id: string, secret: string, kind: 'token' | 'session'): Promise<AuthenticatedUser> {
    const row = await this.#credential(id);
    const label = kind === 'token' ? 'API token' : 'session';
    if (!row || row.kind !== kind || !verifyTokenSecret(secret, row.secret_hash))
      throw new DomainError('unauthenticated', `Unknown ${label}`);
    if (row.revoked_at)
      throw new DomainError('unauthenticated', `The ${label} was revoked`, { credential: id });
    if (row.expires_at && row.expires_at <= this.clock.now().toISOString())
      throw new DomainError('unauthenticated', `The ${label} expired`, { credential: id });
    return {
      userId: row.user_id,
      orgId: row.org_id,
      orgKind: row.org_kind as OrgKind,
      role: row.role as UserRole,
      ...(row.jurisdiction ? { jurisdiction: row.jurisdiction } : {}),
      credentialId: id,
    };
  }

  /**
   * Signs in with e-mail and password: refused with `rate-limited` after too
   * many recent failures for that address or client, `unauthenticated` on a
   * wrong password. On success returns the session cookie value and its CSRF token (both shown once).
   */
  async login(
    email: string,
    password: string,
    ip: string | null,
  ): Promise<{ user: AuthenticatedUser; cookie: string; csrfToken: string; expiresAt: string }> {
    const address = email.trim().toLowerCase();
    const keys = [`email:${address}`, `ip:${ip ?? 'unknown'}`] as const;
    const now = this.clock.now();
    // Counted before the password is checked, in one atomic statement: parallel attempts
    // each get their own number, so no more than the limit are ever evaluated.
    const counted = await reserveLoginAttempts(this.db, keys, now, this.policy.loginWindowMinutes);
    const email$ = counted.get(keys[0])!;
    const ip$ = counted.get(keys[1])!;
    const over = [
      email$.attempts > this.policy.maxLoginFailures ? email$ : undefined,
      ip$.attempts > this.policy.maxLoginFailures * 10 ? ip$ : undefined,
    ].filter((x) => x !== undefined);
    if (over.length) {
      const retryAfterSeconds = Math.max(...over.map((x) => x.retryAfterSeconds));
      await this.audit.append({
        actorUserId: null,
        actorOrgId: null,
        ip,
        action: 'auth.login',
        targetType: 'user',
        targetId: null,
        outcome: 'denied',
        details: { reason: 'rate-limited' },
      });
      throw new DomainError(
        'rate-limited',
        `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
        { retryAfterSeconds },
      );
    }
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'org_id', 'password_hash'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
      .executeTakeFirst();
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !user.password_hash || !ok) {
      // The attempt counted above stays counted: it is the failure.
      await this.audit.append({
        actorUserId: user?.id ?? null,
        actorOrgId: user?.org_id ?? null,
        ip,
        action: 'auth.login',
        targetType: 'user',
        targetId: user?.id ?? null,
        outcome: 'failed',
        details: {},
      });
      throw new DomainError('unauthenticated', 'Wrong e-mail address or password');
    }
    const hex = newId('ses').slice(4);
    const secret = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString();
    await this.db.transaction().execute(async (tx) => {
      await releaseLoginAttempts(tx, keys);
      await tx
        .insertInto('credentials')
        .values({
          id: `ses_${hex}`,
          kind: 'session',
          user_id: user.id,
          secret_hash: hashTokenSecret(secret),
          csrf_hash: hashTokenSecret(csrfToken),
          created_at: now.toISOString(),
          expires_at: expiresAt,
          revoked_at: null,
          last_used_at: null,
        })
        .execute();
      await this.audit.appendIn(tx, {
        actorUserId: user.id,
        actorOrgId: user.org_id,
        ip,
        action: 'auth.login',
        targetType: 'session',
        targetId: `ses_${hex}`,
        outcome: 'ok',
        details: {},
      });
    });
    const authenticated = await this.#authenticate(`ses_${hex}`, secret, 'session');
    return { user: authenticated, cookie: `${hex}.${secret}`, csrfToken, expiresAt };
  }
}
