import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { sharingStoreFor } from '../sharing/sharing-store.ts';
import { storeTargets } from '../test-support/store-targets.ts';
import { migrate } from './migrate.ts';

const MIGRATION = '007-clearances-per-organisation.sql';

describe.each(storeTargets())('migration 007 on $name', (target) => {
  it("gives a pre-existing clearance its author's organisation, and none when the CLI made it", async () => {
    const store = await target.open();
    try {
      const orgs = sharingStoreFor(store).orgs;
      const org = await orgs.createOrg({ name: 'Widget Exports Ltd', kind: 'exporter' }, CLI_SOURCE);
      const user = await orgs.createUser(
        { orgId: org.id, email: 'compliance@widgets.example', role: 'compliance-officer' },
        CLI_SOURCE,
      );
      // Back to the schema before 007, with one clearance made through the API and one by the CLI.
      await sql`alter table clearances drop column org_id`.execute(store.kysely);
      await sql`alter table screening_events drop column org_id`.execute(store.kysely);
      await sql`create index clearances_subject_idx on clearances (subject_key, entity_id)`.execute(
        store.kysely,
      );
      await sql`delete from schema_migrations where name = ${MIGRATION}`.execute(store.kysely);
      for (const [id, by] of [
        ['0b7c1f7e-0000-4000-8000-000000000001', `user:${user.id}`],
        ['0b7c1f7e-0000-4000-8000-000000000002', 'cli:root'],
      ])
        await sql`insert into clearances (id, subject_key, subject, entity_id, reason, cleared_by)
          values (${id}, 'ivan petrov||', '{"name":"Ivan Petrov"}', 'test-list:1', 'namesake', ${by})`.execute(
          store.kysely,
        );
      await sql`insert into screening_events (subjects, hits, channel) values (3, 1, 'api')`.execute(
        store.kysely,
      );

      expect(await migrate(store.kysely)).toContain(MIGRATION);

      const rows = await sql<{ cleared_by: string; org_id: string | null }>`
        select cleared_by, org_id from clearances order by id`.execute(store.kysely);
      expect(rows.rows).toEqual([
        { cleared_by: `user:${user.id}`, org_id: org.id },
        { cleared_by: 'cli:root', org_id: null },
      ]);
      expect((await store.screeningStats(7, { orgId: org.id })).length).toBe(0);
      expect((await store.screeningStats(7, 'all-organisations'))[0]).toMatchObject({ subjects: 3 });
    } finally {
      await store.close();
    }
  });
});
