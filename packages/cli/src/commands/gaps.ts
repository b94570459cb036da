import type { Command } from 'commander';
import { findGaps, parseJurisdictions } from '@entente/adapters';
import type { GapCleared, GapReport } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { catalogueOf } from './catalogue-of.ts';
import { gapsCsv } from './gaps-csv.ts';
import { numericOption, rowsOption } from '../numeric-option.ts';

/** The summary as a table: one row per gap category, one column per `controlledBy→lackingIn` pair. */
function summaryTable(report: GapReport): string {
  const pairs = [...new Set(Object.values(report.summary).flatMap((r) => Object.keys(r)))].sort();
  return formatTable(
    ['gap category', ...pairs],
    Object.entries(report.summary).map(([cat, counts]) => [cat, ...pairs.map((p) => counts[p] ?? 0)]),
  );
}

/** The cleared pairs as a table, at most `limit` rows. */
function clearedTable(cleared: GapCleared[], limit: number): string {
  return [
    formatTable(
      ['cleared entry', 'in', 'status', 'evidence'],
      cleared.slice(0, limit).map((x) => [x.entry, x.other, x.status, x.evidence.join(' | ')]),
    ),
    ...(cleared.length > limit ? [`… ${cleared.length - limit} more cleared (see --json)`] : []),
  ].join('\n');
}

/** `entente gaps`: what one ally controls that another does not, by category and pair. */
export function registerGaps(program: Command, ctx: () => CliContext): void {
  program
    .command('gaps')
    .description('entries one ally controls and another does not, with a summary per gap category and pair')
    .option('--jurisdictions <list>', 'comma-separated: US,EU,UK,JP', 'US,EU,UK')
    .option(
      '--category <n>',
      'only entries of this list category (0-9)',
      numericOption('category', { min: 0, max: 9, integer: true }),
    )
    .option('--include-cleared', 'also list the pairs that are not gaps, each with the path that clears it')
    .option('--csv', 'print the entries as CSV')
    .option('--limit <n>', 'entries to print (text output)', rowsOption('limit'), 40)
    .action(
      async (opts: {
        jurisdictions: string;
        category?: number;
        includeCleared?: boolean;
        csv?: boolean;
        limit: number;
      }) => {
        const c = ctx();
        const jurisdictions = parseJurisdictions(opts.jurisdictions);
        const { catalogue } = await catalogueOf(c);
        const report = findGaps(catalogue, {
          jurisdictions,
          ...(opts.category !== undefined ? { category: opts.category } : {}),
          includeCleared: opts.includeCleared === true,
        });
        for (const n of report.notes) c.note(n);
        if (opts.csv && !c.json) return c.print(gapsCsv(report));
        c.output(report, () =>
          [
            `${report.gaps.length} gaps among ${report.jurisdictions.join(', ')}${report.category !== undefined ? ` in category ${report.category}` : ''}; ${report.clearedCount} pairs cleared by a counterpart or another act${report.cleared ? '' : ' (list them with --include-cleared)'}`,
            '',
            summaryTable(report),
            '',
            formatTable(
              ['entry', 'gap', 'pair', 'heading', 'evidence'],
              report.gaps
                .slice(0, opts.limit)
                .map((g) => [
                  g.entry,
                  g.category,
                  `${g.controlledBy}→${g.lackingIn}`,
                  g.heading.slice(0, 50),
                  g.evidence.join(' | '),
                ]),
            ),
            ...(report.gaps.length > opts.limit
              ? [`… ${report.gaps.length - opts.limit} more (see --json or --csv)`]
              : []),
            ...(report.cleared ? ['', clearedTable(report.cleared, opts.limit)] : []),
          ].join('\n'),
        );
      },
    );
}
