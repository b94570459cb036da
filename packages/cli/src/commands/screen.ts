import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  CANDIDATE_CAP,
  DEFAULT_CANDIDATE_CAP,
  describeFeatures,
  DomainError,
  groupBySubject,
  unscoredNote,
  validateScreeningQuery,
  type ClearanceReviewReason,
  type ScreeningOptions,
} from '@entente/core';
import { screenCsv, type ScreeningResult } from '@entente/adapters';
import type { CliContext } from '../context.ts';
import { countOption, numericOption } from '../numeric-option.ts';
import { formatTable } from '../format-table.ts';
import { organisationOf } from './sharing-of.ts';

/** Why a listing of a cleared subject is shown again, in words. */
const REVIEW_NOTE: Record<ClearanceReviewReason, string> = {
  'new-listing': 'NEW LISTING of a subject you cleared: not covered by that clearance, review it',
  'subject-split': 'the subject you cleared has been split since: review it',
};

/** One listing in the subject table: source, id, score, and its clearance state. */
function listingCell(m: ScreeningResult): string {
  const state = m.cleared ? ' cleared' : m.clearanceToReview ? ` REVIEW (${m.clearanceToReview.why})` : '';
  return `${m.source} ${m.sourceId} ${m.score.toFixed(2)}${state}`;
}

interface ScreenOpts {
  type?: string;
  country?: string;
  birthDate?: string;
  source?: string;
  limit: number;
  threshold?: number;
  candidates?: number;
  algorithm: 'entente' | 'ofac';
  input?: string;
  output?: string;
  workers?: number;
  org?: string;
}

/** `entente screen`: one name, or a CSV of subjects with --input (the DESIGN.md contract). */
export function registerScreen(program: Command, ctx: () => CliContext): void {
  program
    .command('screen')
    .description('screen a name (or a CSV with --input) against every loaded restricted-party list')
    .argument('[name]', 'the name to screen')
    .option('--type <type>', 'person | organization | vessel | aircraft')
    .option('--country <XX>', 'country (ISO 3166-1 alpha-2)')
    .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--source <ids>', 'only these sources, comma-separated (e.g. un-sc,us-ofac-sdn)')
    .option('--limit <n>', 'matches per subject', countOption('limit', 100), 10)
    .option('--threshold <x>', 'minimum score in [0,1]', numericOption('threshold', { min: 0, max: 1 }))
    .option(
      '--candidates <n>',
      `most candidate names scored per name, the best by the share of it they explain (default ${DEFAULT_CANDIDATE_CAP}, at most ${CANDIDATE_CAP}); one name screened says when more could reach the threshold`,
      countOption('candidates', CANDIDATE_CAP),
    )
    .option(
      '--algorithm <name>',
      'entente (explained multi-feature score) or ofac (OFAC Sanctions List Search score)',
      'entente',
    )
    .option('--input <file.csv>', 'batch: CSV with header id,name[,type,country,birth_date]')
    .option('--output <file.jsonl>', 'batch: write JSON lines here (default stdout)')
    .option('--workers <n>', 'batch: worker threads (default: one per core)', countOption('workers', 64))
    .option(
      '--org <id>',
      'screen for this organisation: its clearances mark matches cleared and the screening counts in its figures (without it no clearance applies and the screening counts for no organisation)',
    )
    .action(async (name: string | undefined, opts: ScreenOpts) => {
      const c = ctx();
      if (opts.algorithm !== 'entente' && opts.algorithm !== 'ofac') {
        throw new DomainError('invalid-input', `--algorithm must be entente or ofac`, {
          field: 'algorithm',
          accepted: ['entente', 'ofac'],
        });
      }
      if (!name && !opts.input)
        throw new DomainError('invalid-input', 'Give a name to screen, or --input FILE.csv', {
          field: 'name',
        });
      const sources = opts.source
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const options: ScreeningOptions = {
        limit: opts.limit,
        threshold: opts.threshold,
        algorithm: opts.algorithm,
        candidateCap: opts.candidates,
      };
      // One name: the index is read over its snapshot's columns, the files while the store opens.
      const services = await c.services(opts.input ? undefined : 'screen-one');
      const orgId = opts.org ? (await organisationOf(c, opts.org)).id : null;
      const service = await services.screening();
      const { store } = services;
      if (opts.input) {
        const bar = new SingleBar(
          { format: 'screen [{bar}] {percentage}% | {rows} rows', stream: process.stderr, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(100, 0, { rows: 0 });
        const directory = await (await services.subjects()).directory();
        const summary = await screenCsv(service, {
          subjectOf: (id) => directory.get(id)?.id,
          input: opts.input,
          output: opts.output,
          options,
          orgId,
          sources,
          workers: opts.workers,
          onProgress: (read, total, rows) =>
            bar.update(total ? Math.round((read / total) * 100) : 0, { rows }),
        });
        bar.stop();
        await store.recordScreening({
          orgId,
          subjects: summary.rows - summary.errors,
          hits: summary.withMatches,
          channel: 'cli-batch',
        });
        c.note(
          `screened ${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(summary.seconds, 0.001))}/s, ${summary.workers} workers): ${summary.withMatches} with matches, ${summary.errors} row errors`,
        );
        return;
      }
      const query = validateScreeningQuery({
        name,
        type: opts.type,
        country: opts.country,
        birthDate: opts.birthDate,
        sources,
      });
      // The subjects of the listings read (matches, listings of clearances), not the whole directory.
      const subjectService = await services.subjects();
      let known: Awaited<ReturnType<typeof subjectService.subjectsOf>> | undefined;
      const subjectsOf = async (ids: string[]) => (known ??= await subjectService.subjectsOf(ids));
      const {
        results: matches,
        unscored,
        unscoredAtLeast,
      } = await service.screenOutcome(query, options, orgId, {
        forListings: async (ids) => {
          const { map } = await subjectsOf(ids);
          return (id) => map.get(id)?.id;
        },
      });
      await store.recordScreening({ orgId, subjects: 1, hits: matches.length ? 1 : 0, channel: 'cli' });
      const directory = await subjectsOf(matches.map((m) => m.entityId));
      const subjects = groupBySubject(matches, (id) => directory.map.get(id));
      const unscoredCandidates = unscored > 0 ? { count: unscored, atLeast: unscoredAtLeast } : undefined;
      // Names the cap left unscored could be matches: say so, and how to score them.
      const unscoredLine = unscoredCandidates
        ? [
            `${unscoredNote(unscored, unscoredAtLeast)}; ${
              (opts.candidates ?? DEFAULT_CANDIDATE_CAP) < CANDIDATE_CAP
                ? `run again with --candidates ${CANDIDATE_CAP} to score them.`
                : `${CANDIDATE_CAP} is the most scored: narrow the screening with --type, --country or --source.`
            }`,
          ]
        : [];
      const table = () =>
        matches.length === 0
          ? `No match at or above the threshold for "${query.name}" (${service.state().parties} listed parties from ${service.sources().length} sources).`
          : [
              formatTable(
                ['#', 'score', 'subject', 'subject id', 'listings (source id score)'],
                subjects.map((s, i) => [
                  i + 1,
                  s.score.toFixed(2) + (s.listings.every((m) => m.cleared) ? ' (cleared)' : ''),
                  s.name.slice(0, 40),
                  s.subjectId,
                  s.listings.map(listingCell).join('; '),
                ]),
              ),
              ...(!directory.resolved
                ? ['(each listing is its own subject until `entente subjects resolve` has run)']
                : []),
              '',
              ...subjects.slice(0, 3).flatMap((s, i) => {
                const m = s.listings[0]!;
                return [
                  `#${i + 1} ${s.name}: ${s.listings.length} listing(s); best ${m.entityId} (${describeFeatures(m.features)}):`,
                  ...m.explanation.map((e) => `   - ${e}`),
                  ...(m.cleared ? [`   - cleared by ${m.cleared.clearedBy}: ${m.cleared.reason}`] : []),
                  ...s.listings.flatMap((l) =>
                    l.clearanceToReview
                      ? [
                          `   ! ${l.entityId}: ${REVIEW_NOTE[l.clearanceToReview.why]} (${l.clearanceToReview.reason})`,
                        ]
                      : [],
                  ),
                ];
              }),
            ].join('\n');
      c.output(
        {
          query,
          algorithm: opts.algorithm,
          subjects,
          matches,
          ...(unscoredCandidates ? { unscoredCandidates } : {}),
        },
        () => [table(), ...unscoredLine].join('\n'),
      );
    });
}
