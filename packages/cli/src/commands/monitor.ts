import type { Command } from 'commander';
import {
  ALERT_STATES,
  alertAgeDays,
  alertsToCsv,
  alertStrength,
  DomainError,
  type Alert,
  type AlertState,
  type MonitorRun,
} from '@entente/core';
import { CLI_SOURCE, MonitorService, readRegisterFile, ScreeningService } from '@entente/adapters';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { numericOption } from '../numeric-option.ts';
import { organisationOf, sharingOf } from './sharing-of.ts';

const ORG_HELP =
  'the organisation whose register it is (see `entente orgs list`; optional when there is only one)';

/** The organisation named by `--org`, or the only one there is. */
async function orgIdOf(c: CliContext, org: string | undefined): Promise<string> {
  if (org) return (await organisationOf(c, org)).id;
  const all = await (await sharingOf(c)).orgs.listOrgs();
  if (all.length === 1) return all[0]!.id;
  throw new DomainError('invalid-input', 'Name the organisation with --org <id> (see `entente orgs list`)', {
    field: 'org',
  });
}

/** A monitor over the CLI's services; the screening index is built only when a run needs it. */
async function monitorOf(
  c: CliContext,
  workers = 0,
  full = false,
): Promise<{ monitor: MonitorService; close: () => Promise<void> }> {
  const services = await c.services();
  // The services' monitor screens on the event loop; worker threads need a screening index of their own.
  if (workers === 0) return { monitor: await services.monitor(), close: async () => {} };
  // A full run screens on the workers only: the main thread reads the snapshot's columns (what a
  // hit stores of its listed party) rather than hold the index as objects (~150 MiB of live heap
  // that its GC marks again and again while it writes; see
  // docs/decisions/2026-12-06-monitoring-main-heap.md). A delta scores on the main thread, on the
  // objects as before.
  // No delta worker: it starts after a run, for the deltas to come, and this process runs no more.
  const screening = await ScreeningService.open(services.store, await services.nameReference(), {
    workers,
    overColumns: full,
    deltaWorker: false,
  });
  await screening.workersReady();
  const monitor = new MonitorService(services.store, screening, { log: (l) => c.note(l) });
  return {
    monitor,
    close: async () => {
      await monitor.close();
      await screening.close();
    },
  };
}

/** A monitor for reading and changing the register and alerts, which needs no screening index. */
async function registerOf(c: CliContext): Promise<MonitorService> {
  return new MonitorService((await c.services()).store, undefined);
}

function progressLine(run: MonitorRun): string {
  const pct = run.total ? Math.floor((100 * run.done) / run.total) : 100;
  return `monitor: ${run.done}/${run.total} names screened (${pct} %), ${run.counts.newAlerts} new, ${run.counts.changedAlerts} changed, ${run.counts.goneAlerts} gone`;
}

/** One line per run: what was screened, against what, and what it raised. */
function runSummary(r: MonitorRun): string {
  const c = r.counts;
  const what =
    c.counterpartiesScreened === 0 && c.partiesScreened === 0
      ? 'nothing to re-screen'
      : c.partiesScreened > 0
        ? `${c.partiesScreened} added or changed listed parties checked against the register (${c.counterpartiesScreened} counterparties re-screened)`
        : `${c.counterpartiesScreened} counterparties screened against every list`;
  const kept = c.suppressed > 0 ? `; ${c.suppressed} hit(s) found again stay cleared as false positives` : '';
  return `${r.orgId}: ${what}: ${c.newAlerts} new, ${c.changedAlerts} changed, ${c.goneAlerts} gone alert(s)${kept}`;
}

function statesOf(text: string | undefined): AlertState[] | undefined {
  if (!text) return undefined;
  const states = text.split(',').map((s) => s.trim());
  const bad = states.filter((s) => !ALERT_STATES.includes(s as AlertState));
  if (bad.length)
    throw new DomainError('invalid-input', `Unknown alert state ${bad.join(', ')}`, {
      field: 'state',
      accepted: ALERT_STATES,
    });
  return states as AlertState[];
}

/** The subject of a hit alert: every listing (with the counterparty's score where it hits) and the lists lacking it. */
function subjectLines(a: Alert): string[] {
  return [
    `  subject       ${a.subjectId}${a.subjectName ? `  ${a.subjectName}` : ''}`,
    ...a.listings.map(
      (l) =>
        `    ${l.entityId}${l.score !== undefined ? `  score ${l.score}` : '  (not matched)'}${l.listedName ? `  ${l.listedName}` : ''}`,
    ),
    ...(a.notListedBy.length ? [`  not listed by ${a.notListedBy.join(', ')}`] : []),
  ];
}

/** A hit alert's subject in one cell: its listings, and the lists that do not list it. */
function subjectCell(a: Alert): string {
  if (a.kind === 'ownership') return '';
  const listed = a.listings.map((l) => l.entityId).join(', ');
  return a.notListedBy.length ? `${listed}; not listed by ${a.notListedBy.join(', ')}` : listed;
}

function alertLines(a: Alert): string {
  const hit =
    a.kind === 'ownership'
      ? `(through its owner "${a.matchedName}": ${alertStrength(a).text} by listed parties)`
      : `(matched "${a.matchedName}", score ${a.score})`;
  return [
    `${a.id}  ${a.state}  (${a.kind})`,
    `  counterparty  ${a.counterpartyId}  ${a.counterpartyName}`,
    `  listed        ${a.entityId}  ${a.listedName}  ${hit}`,
    ...a.explanation.map((e) => `    · ${e}`),
    ...(a.kind === 'ownership' ? [] : subjectLines(a)),
    ...(a.assignee ? [`  assignee      ${a.assignee}`] : []),
    ...(a.reason
      ? [`  decision      ${a.reason}${a.expiresAt ? ` (until ${a.expiresAt.slice(0, 10)})` : ''}`]
      : []),
    ...a.events.map(
      (e) =>
        `  ${e.at.slice(0, 19)}  ${e.by}  ${e.type}${e.to ? ` → ${e.to}` : ''}${e.assignee ? ` ${e.assignee}` : ''}${e.comment ? `: ${e.comment}` : ''}`,
    ),
  ].join('\n');
}

/**
 * `entente monitor …`: an organisation's counterparty register, the monitoring runs that
 * re-screen it when the lists change, and the alerts with their review workflow (audited as `cli`).
 */
export function registerMonitor(program: Command, ctx: () => CliContext): void {
  const monitor = program
    .command('monitor')
    .description('counterparty register, continuous monitoring and alerts');
  monitor
    .command('import')
    .description(
      'import (or update) a counterparty register from CSV or JSON; unchanged rows are kept, changed ones versioned',
    )
    .argument('<file>', 'register file (see docs/examples/counterparty-register.csv)')
    .option('--org <id>', ORG_HELP)
    .action(async (file: string, opts: { org?: string }) => {
      const c = ctx();
      const orgId = await orgIdOf(c, opts.org);
      const text = await readRegisterFile(file);
      const r = await (await registerOf(c)).importRegister(orgId, file, text, CLI_SOURCE);
      c.output(r, () =>
        r.created
          ? `imported ${file}: ${r.rows} rows, ${r.added.length} new, ${r.changed.length} changed, ${r.unchanged} unchanged (run \`entente monitor run\` to screen them)`
          : `${file}: all ${r.rows} rows are already current; nothing stored`,
      );
    });
  monitor
    .command('run')
    .description(
      're-screen what changed since the last run (new and changed listed parties, changed counterparties); --full screens everything',
    )
    .option('--org <id>', 'one organisation (default: every organisation with a register)')
    .option('--full', 'screen every counterparty against every list')
    .option(
      '--workers <n>',
      'screening worker threads (default 0: in this process)',
      numericOption('workers', { min: 0, max: 64, integer: true }),
    )
    .action(async (opts: { org?: string; full?: boolean; workers?: number }) => {
      const c = ctx();
      const orgIds = opts.org
        ? [await orgIdOf(c, opts.org)]
        : await (await registerOf(c)).register.organisationsWithRegister();
      const { monitor: m, close } = await monitorOf(c, opts.workers ?? 0, opts.full ?? false);
      const runs: MonitorRun[] = [];
      try {
        for (const orgId of orgIds) {
          const run = await m.run(orgId, {
            trigger: opts.full ? 'full' : 'manual',
            full: opts.full ?? false,
            onProgress: (r) =>
              !c.json && process.stderr.isTTY && process.stderr.write(`\r${progressLine(r)}`),
          });
          if (process.stderr.isTTY && !c.json) process.stderr.write('\n');
          if (run) runs.push(run);
          else c.note(`monitor: ${orgId}: alerts are current (nothing changed since the last run)`);
        }
      } finally {
        await close();
      }
      c.output({ runs }, () => runs.map(runSummary).join('\n'));
    });
  monitor
    .command('runs')
    .description("an organisation's monitoring runs, newest first, with progress")
    .option('--org <id>', ORG_HELP)
    .action(async (opts: { org?: string }) => {
      const c = ctx();
      const runs = await (await registerOf(c)).runs.recent(await orgIdOf(c, opts.org));
      c.output({ runs }, () =>
        formatTable(
          ['started', 'trigger', 'mode', 'state', 'names screened', 'new', 'changed', 'gone', 'kept cleared'],
          runs.map((r) => [
            r.startedAt.slice(0, 19),
            r.trigger,
            r.record?.mode ?? '',
            r.state,
            `${r.done}/${r.total}`,
            r.counts.newAlerts,
            r.counts.changedAlerts,
            r.counts.goneAlerts,
            r.counts.suppressed,
          ]),
        ),
      );
    });
  monitor
    .command('status')
    .description(
      'whether a full re-screen is due (deltas cannot see everything a full run does), and why; run it with `monitor run --full`',
    )
    .option('--org <id>', ORG_HELP)
    .action(async (opts: { org?: string }) => {
      const c = ctx();
      const fullRun = await (await registerOf(c)).fullRunStatus(await orgIdOf(c, opts.org));
      c.output({ fullRun }, () =>
        [
          `last full run: ${fullRun.lastFullRun ?? 'none'}${fullRun.daysSince !== undefined ? ` (${fullRun.daysSince} days ago)` : ''}`,
          `since then: ${fullRun.deltasSince} delta run(s), ${fullRun.listVersionsSince} list version(s), token weights moved by up to ${(fullRun.weightsDriftSince * 100).toFixed(1)} %`,
          fullRun.due
            ? `full run due: ${fullRun.reasons.join('; ')} (entente monitor run --full)`
            : 'full run not due',
        ].join('\n'),
      );
    });
  monitor
    .command('alerts')
    .description(
      "an organisation's alerts, oldest first: one per counterparty and subject, with the subject's listings",
    )
    .option('--org <id>', ORG_HELP)
    .option('--state <states>', `only these states (${ALERT_STATES.join(', ')}; comma-separated)`)
    .option('--csv', 'write CSV (for a spreadsheet)')
    .action(async (opts: { org?: string; state?: string; csv?: boolean }) => {
      const c = ctx();
      const states = statesOf(opts.state);
      const alerts = await (
        await registerOf(c)
      ).alerts.alerts(await orgIdOf(c, opts.org), states ? { states } : {});
      const now = new Date();
      if (opts.csv) {
        process.stdout.write(alertsToCsv(alerts, now));
        return;
      }
      c.output({ alerts }, () =>
        formatTable(
          [
            'id',
            'state',
            'kind',
            'counterparty',
            'listed party',
            'subject listings',
            'score or share',
            'age (days)',
            'assignee',
          ],
          alerts.map((a) => [
            a.id.slice(0, 8),
            a.state,
            a.kind,
            `${a.counterpartyId} ${a.counterpartyName}`,
            `${a.entityId} ${a.listedName}`,
            subjectCell(a),
            alertStrength(a).text,
            alertAgeDays(a, now),
            a.assignee,
          ]),
        ),
      );
    });
  monitor
    .command('alert')
    .description(
      'show one alert, or change it: state (workflow-checked), assignee, comment; a false positive records a clearance',
    )
    .argument('<id>', 'alert id (or its first 8 characters)')
    .option('--org <id>', ORG_HELP)
    .option('--state <state>', `move to ${ALERT_STATES.join(', ')}`)
    .option('--reason <text>', 'why (required for true-match and false-positive)')
    .option('--expires <date>', 'false positive: when the clearance lapses (YYYY-MM-DD)')
    .option('--comment <text>', 'add a comment')
    .option('--assign <user>', 'assign to a user of the organisation (id or e-mail); "" to unassign')
    .action(
      async (
        id: string,
        opts: {
          org?: string;
          state?: string;
          reason?: string;
          expires?: string;
          comment?: string;
          assign?: string;
        },
      ) => {
        const c = ctx();
        const orgId = await orgIdOf(c, opts.org);
        const m = await registerOf(c);
        const fullId = await resolveAlertId(m, orgId, id);
        const state = opts.state ? statesOf(opts.state)![0] : undefined;
        const changing = state || opts.comment || opts.assign !== undefined;
        const alert = changing
          ? await m.changeAlert(
              orgId,
              fullId,
              {
                ...(state ? { state } : {}),
                ...(opts.reason ? { reason: opts.reason } : {}),
                ...(opts.expires ? { expiresAt: opts.expires } : {}),
                ...(opts.comment ? { comment: opts.comment } : {}),
                ...(opts.assign !== undefined ? { assignee: opts.assign || null } : {}),
              },
              CLI_SOURCE,
            )
          : await m.alerts.alert(orgId, fullId, CLI_SOURCE);
        c.output(alert, () => alertLines(alert));
      },
    );
  monitor
    .command('decide')
    .description(
      'decide an alert under review: false-positive (cleared, with reason and expiry) or true-match (blocked)',
    )
    .argument('<id>', 'alert id (or its first 8 characters)')
    .requiredOption('--as <decision>', 'false-positive or true-match')
    .requiredOption('--reason <text>', 'why')
    .option('--expires <date>', 'false positive: when the clearance lapses (YYYY-MM-DD)')
    .option('--org <id>', ORG_HELP)
    .action(async (id: string, opts: { as: string; reason: string; expires?: string; org?: string }) => {
      const c = ctx();
      if (opts.as !== 'false-positive' && opts.as !== 'true-match')
        throw new DomainError('invalid-input', `--as "${opts.as}" is not false-positive or true-match`, {
          field: 'as',
          accepted: ['false-positive', 'true-match'],
        });
      const orgId = await orgIdOf(c, opts.org);
      const m = await registerOf(c);
      const alert = await m.changeAlert(
        orgId,
        await resolveAlertId(m, orgId, id),
        { state: opts.as, reason: opts.reason, ...(opts.expires ? { expiresAt: opts.expires } : {}) },
        CLI_SOURCE,
      );
      c.output(alert, () => alertLines(alert));
    });
}

/** A full alert id from its first characters (as the alert table prints them). */
async function resolveAlertId(m: MonitorService, orgId: string, id: string): Promise<string> {
  if (id.length >= 36) return id;
  const found = (await m.alerts.alerts(orgId, { limit: 1_000_000 })).filter((a) => a.id.startsWith(id));
  if (found.length === 1) return found[0]!.id;
  if (found.length > 1)
    throw new DomainError('invalid-input', `"${id}" names ${found.length} alerts; give more characters`, {
      field: 'id',
    });
  return id;
}
