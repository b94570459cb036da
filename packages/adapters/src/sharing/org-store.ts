import type { Kysely, Selectable } from 'kysely';
import { DomainError, isCountryCode, type Clock } from '@entente/core';
import {
  SHARING_GROUPS,
  USER_ROLES,
  type OrgKind,
  type Organisation,
  type SharingGroup,
  type User,
  type UserRole,
} from '@entente/core';
import type { AuditLog } from './audit-log.ts';
import { actorOf, type AuditSource } from './actor.ts';
import type { OrganisationRow, UserRow } from './sharing-database.ts';
import { hashPassword, newId } from './secrets.ts';
import type { Database } from '../store/database.ts';

/** Roles each kind of organisation may give its users. */
const ROLES_BY_KIND: Record<OrgKind, readonly UserRole[]> = {
  agency: ['admin', 'licensing-officer', 'analyst'],
  exporter: ['admin', 'compliance-officer', 'analyst'],
};

/** What `createOrg` needs; agencies' regimes come from the membership table unless given. */
export interface NewOrganisation {
  name: string;
  kind: OrgKind;
  jurisdiction?: string;
  regimes?: SharingGroup[];
}

/** What `createUser` needs; without a password the user can only use API tokens. */
export interface NewUser {
  orgId: string;
  email: string;
  role: UserRole;
  password?: string;
}

/** Throws `invalid-input` unless the password has 12 to 1024 characters (`field` names where it came from). */
export function checkPassword(password: string, field = 'password'): void {
  if (password.length < 12 || password.length > 1024) {
    throw new DomainError(
      'invalid-input',
      `A password needs 12 to 1024 characters (${field} has ${password.length})`,
      {
        field,
      },
    );
  }
}

/** An organisation from its row. */
export function orgFromRow(row: Selectable<OrganisationRow>): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrgKind,
    ...(row.jurisdiction ? { jurisdiction: row.jurisdiction } : {}),
    regimes: row.regimes as SharingGroup[],
    createdAt: row.created_at,
  };
}

/** A user from its row, without the password hash. */
export function userFromRow(
  row: Pick<Selectable<UserRow>, 'id' | 'org_id' | 'email' | 'role' | 'created_at'>,
): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    role: row.role as UserRole,
    createdAt: row.created_at,
  };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Organisations and their users. */
export class OrgStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly memberships: ReadonlyMap<string, SharingGroup[]>,
  ) {}

  /** Creates an organisation; an agency needs its jurisdiction (ISO-2), from which its regime memberships follow. */
  async createOrg(input: NewOrganisation, source: AuditSource): Promise<Organisation> {
    const name = input.name.trim();
    if (!name || name.length > 200)
      throw new DomainError('invalid-input', 'An organisation needs a name of 1-200 characters', {
        field: 'name',
      });
    const jurisdiction = input.jurisdiction?.toUpperCase();
    if (input.kind === 'agency' && !jurisdiction) {
      throw new DomainError('invalid-input', 'An agency needs its jurisdiction (--jurisdiction XX)', {
        field: 'jurisdiction',
      });
    }
    if (jurisdiction && !isCountryCode(jurisdiction)) {
      throw new DomainError('unknown-country', `Unknown country code "${input.jurisdiction}"`, {
        field: 'jurisdiction',
      });
    }
    const bad = input.regimes?.find((r) => !SHARING_GROUPS.includes(r));
    if (bad)
      throw new DomainError('invalid-input', `Unknown regime "${bad}"`, {
        field: 'regimes',
        accepted: SHARING_GROUPS,
      });
    const regimes =
      input.kind === 'agency' ? (input.regimes ?? this.memberships.get(jurisdiction!) ?? []) : [];
    const org: Organisation = {
      id: newId('org'),
      name,
      kind: input.kind,
      ...(jurisdiction ? { jurisdiction } : {}),
      regimes,
      createdAt: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('organisations')
        .values({
          id: org.id,
          name,
          kind: org.kind,
          jurisdiction: jurisdiction ?? null,
          regimes: JSON.stringify(regimes),
          created_at: org.createdAt,
        })
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(source),
        action: 'org.create',
        targetType: 'organisation',
        targetId: org.id,
        outcome: 'ok',
        details: { kind: org.kind, jurisdiction: jurisdiction ?? null },
      });
    });
    return org;
  }

  /** The organisation, or undefined. */
  async getOrg(id: string): Promise<Organisation | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? orgFromRow(row) : undefined;
  }

  /** Every organisation, oldest first. */
  async listOrgs(): Promise<Organisation[]> {
    const rows = await this.db
      .selectFrom('organisations')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(orgFromRow);
  }

  /** Creates a user in an organisation with a role that organisation's kind allows. */
  async createUser(input: NewUser, source: AuditSource): Promise<User> {
    const org = await this.getOrg(input.orgId);
    if (!org) throw new DomainError('not-found', `No organisation ${input.orgId}`, { field: 'org' });
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email))
      throw new DomainError('invalid-input', `Not an e-mail address: "${input.email}"`, { field: 'email' });
    if (!USER_ROLES.includes(input.role) || !ROLES_BY_KIND[org.kind].includes(input.role)) {
      throw new DomainError(
        'invalid-input',
        `Role "${input.role}" is not one of ${ROLES_BY_KIND[org.kind].join(', ')} for an ${org.kind}`,
        {
          field: 'role',
          accepted: ROLES_BY_KIND[org.kind],
        },
      );
    }
    if (input.password !== undefined) checkPassword(input.password);
    const taken = await this.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .executeTakeFirst();
    if (taken) throw new DomainError('conflict', `A user with e-mail ${email} exists`, { field: 'email' });
    const user: User = {
      id: newId('usr'),
      orgId: org.id,
      email,
      role: input.role,
      createdAt: this.clock.now().toISOString(),
    };
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({
          id: user.id,
          org_id: user.orgId,
          email,
          role: user.role,
          password_hash: passwordHash,
          created_at: user.createdAt,
        })
        .execute();
      await this.audit.appendIn(tx, {
        ...actorOf(source),
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        outcome: 'ok',
        details: { org: org.id, role: user.role, password: passwordHash !== null },
      });
    });
    return user;
  }

  /** The user, or undefined. */
  async getUser(id: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'org_id', 'email', 'role', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  /** The users of one organisation. */
  async usersOf(orgId: string): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'org_id', 'email', 'role', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .execute();
    return rows.map(userFromRow);
  }
}
