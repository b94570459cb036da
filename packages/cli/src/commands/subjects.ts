import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  DomainError,
  encodeCsv,
  LISTING_JURISDICTIONS,
  parseListingJurisdictions,
  type ListingGapReport,
} from '@entente/core';
import type { ResolutionReport, SubjectService } from '@entente/adapters';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { rowsOption } from '../numeric-option.ts';

/** The subject service of the CLI's services. */
export async function subjectsOf(c: CliContext): Promise<SubjectService> {
  return (await c.services()).subjects();
}

/**
 * After an import or sync: re-resolves subjects incrementally (when they were
 * resolved before in this store), so that screening never groups matches by
 * stale subjects; says what it did on stderr.
 */
export async function refreshSubjects(c: CliContext): Promise<void> {
  const report = await (await subjectsOf(c)).refresh();
  if (report)
    c.note(
      `subjects re-resolved (${[report.mode, whyFull(report)].filter(Boolean).join(': ')}): ${report.screened} ${report.mode === 'full' ? '' : 'new or changed '}listings screened by name, ${report.subjects} subjects, in ${report.seconds.total.toFixed(1)} s`,
    );
}

/** Why a resolution that was not asked to be full was, when its rules changed (else empty), to follow its mode. */
export function whyFull(report: ResolutionReport): string {
  if (report.fullBecause !== 'link-rules-changed') return '';
  return `the stored subjects were resolved under other name link rules (${report.previousLinkRules ?? 'not recorded'}; now ${report.linkRules}), so every listing was screened again`;
}

/** Resolves with a progress bar on stderr (screening by name is the long part). */
export async function resolveWithProgress(
  service: SubjectService,
  mode: 'full' | 'incremental',
): Promise<ResolutionReport> {
  const bar = new SingleBar(
    {
      format: 'subjects [{bar}] {percentage}% | {value}/{total} listings screened by name',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  const report = await service.resolve(mode, (done, total) => {
    if (!started) bar.start(total, 0);
    started = true;
    bar.update(done);
  });
  if (started) bar.stop();
  return report;
}

const GAP_COLUMNS = [
  'subject',
  'name',
  'class',
  'listedBy',
  'missing',
  'delistedBy',
  'programs',
  'reasons',
] as const;

/** The listing gaps as CSV, one row per subject, through core's CSV encoder. */
export function listingGapsCsv(report: ListingGapReport): string {
  return encodeCsv(
    GAP_COLUMNS,
    report.gaps.map((g) => [
      g.subjectId,
      g.name,
      g.class,
      g.listedBy.join(' '),
      g.missing.join(' '),
      g.delistedBy.join(' '),
      g.programs.join(' '),
      g.reasons.join(' | '),
    ]),
  ).slice(0, -1);
}

function matrixTable(report: ListingGapReport): string {
  const js = report.jurisdictions;
  return formatTable(
    ['listed by ↓ / not by →', ...js, 'listed'],
    js.map((x) => [
      x,
      ...js.map((y) => (x === y ? '—' : (report.matrix[x]?.[y] ?? 0))),
      report.listed[x] ?? 0,
    ]),
  );
}

/** `entente subjects …` and `entente listing-gaps`: one subject across lists, and where allies' lists diverge. */
export function registerSubjects(program: Command, ctx: () => CliContext): void {
  const subjects = program
    .command('subjects')
    .description(
      'resolve the listed parties of every list into subjects (one person, organisation, vessel or aircraft)',
    );
  subjects
    .command('resolve')
    .description(
      'resolve the latest lists into subjects (only what changed since the last resolution, unless --full)',
    )
    .option('--full', 'screen every listing by name again')
    .action(async (opts: { full?: boolean }) => {
      const c = ctx();
      const report = await resolveWithProgress(await subjectsOf(c), opts.full ? 'full' : 'incremental');
      c.output(report, () =>
        [
          `${report.mode} resolution${whyFull(report) ? ` (${whyFull(report)})` : ''}: ${report.current} current listings (+${report.listings - report.current} delisted ones) → ${report.subjects} subjects, ${report.multiSource} listed by more than one source; ${report.proposals} links proposed to analysts; ${report.screened} listings screened by name in ${report.seconds.total.toFixed(1)} s`,
          '',
          formatTable(
            ['source', 'subjects'],
            Object.entries(report.subjectsPerSource).sort(([a], [b]) => a.localeCompare(b)),
          ),
        ].join('\n'),
      );
    });
  subjects
    .command('show')
    .description('a subject and every listing of it, with the evidence that joined each')
    .argument('<id>', 'a subject id or the entity id of any of its listings (source:sourceId)')
    .action(async (id: string) => {
      const c = ctx();
      const resolution = await (await subjectsOf(c)).resolution();
      const subjectId = resolution.subjectOf.get(id) ?? id;
      const subject = resolution.subjects.find((s) => s.id === subjectId);
      if (!subject) throw new DomainError('not-found', `No subject or listing "${id}"`, { field: 'id' });
      c.output(subject, () =>
        [
          `${subject.name} (${subject.schema}) — subject ${subject.id}, listed now by ${subject.jurisdictions.join(', ') || 'nobody'}`,
          '',
          formatTable(
            ['listing', 'jurisdiction', 'name', 'programmes', 'listed on', 'current', 'joined by'],
            subject.members.map((m) => [
              m.entityId,
              m.jurisdiction ?? '',
              m.name.slice(0, 40),
              m.programs.join(' ').slice(0, 30),
              m.listedOn ?? '',
              m.current ? 'yes' : 'delisted',
              m.via
                ? `${m.via.kind} ${m.via.score.toFixed(2)}: ${m.via.evidence[0] ?? ''}`.slice(0, 70)
                : 'anchor',
            ]),
          ),
        ].join('\n'),
      );
    });
  subjects
    .command('proposals')
    .description('links the name evidence suggests but does not make alone: for an analyst to merge or leave')
    .option('--limit <n>', 'proposals to print', rowsOption('limit'), 30)
    .action(async (opts: { limit: number }) => {
      const c = ctx();
      const { proposals } = await (await subjectsOf(c)).resolution();
      c.output(proposals, () =>
        formatTable(
          ['score', 'listing', 'listing', 'why not automatic'],
          proposals
            .slice(0, opts.limit)
            .map((p) => [
              p.score.toFixed(2),
              p.a,
              p.b,
              p.evidence.find((e) => e.startsWith('not linked')) ?? 'below the automatic threshold',
            ]),
        ),
      );
    });

  program
    .command('listing-gaps')
    .description(
      'subjects listed by some of the given jurisdictions and not others, classified, with the pair matrix',
    )
    .option(
      '--jurisdictions <list>',
      `comma-separated: ${LISTING_JURISDICTIONS.join(',')}`,
      'UN,US,EU,UK,AU,CA',
    )
    .option(
      '--class <name>',
      'only gaps of this class: un-not-implemented, delisted-by-one, autonomous-single, several-not-all',
    )
    .option('--csv', 'print the gaps as CSV')
    .option('--limit <n>', 'gaps to print (text output)', rowsOption('limit'), 30)
    .action(async (opts: { jurisdictions: string; class?: string; csv?: boolean; limit: number }) => {
      const c = ctx();
      const jurisdictions = parseListingJurisdictions(opts.jurisdictions);
      const service = await subjectsOf(c);
      if ((await service.directory()).size === 0) {
        c.note(
          'no resolution stored yet: resolving the lists into subjects first (entente subjects resolve)',
        );
        await resolveWithProgress(service, 'full');
      }
      const full = await service.listingGaps(jurisdictions);
      const report = opts.class ? { ...full, gaps: full.gaps.filter((g) => g.class === opts.class) } : full;
      if (opts.csv && !c.json) return c.print(listingGapsCsv(report));
      c.output(report, () =>
        [
          `Lists compared: ${report.versions
            .filter((v) => jurisdictions.some((j) => v.source.toUpperCase().startsWith(`${j}-`)))
            .map((v) => `${v.source} of ${v.publishedAt.slice(0, 10)}`)
            .join(', ')}`,
          `${full.gaps.length} subjects listed by some and not all of ${jurisdictions.join(', ')}: ${Object.entries(
            full.byClass,
          )
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}`,
          '',
          matrixTable(report),
          '',
          ...(report.delays.length
            ? [
                'Days from a UN listing to the ally listing it (median, where both dates are known):',
                ...report.delays.map(
                  (d) =>
                    `  ${d.jurisdiction}: ${d.medianDays} days over ${d.subjects} subjects (${d.before} listed before the UN)`,
                ),
                '',
              ]
            : []),
          formatTable(
            ['subject', 'name', 'class', 'listed by', 'missing'],
            report.gaps
              .slice(0, opts.limit)
              .map((g) => [
                g.subjectId,
                g.name.slice(0, 40),
                g.class,
                g.listedBy.join(' '),
                g.missing.join(' '),
              ]),
          ),
          ...(report.gaps.length > opts.limit
            ? [`… ${report.gaps.length - opts.limit} more (see --json or --csv)`]
            : []),
        ].join('\n'),
      );
    });
}
