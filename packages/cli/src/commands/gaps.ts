import type { Command } from 'commander';
import { findGaps, parseJurisdictions, type GapReport } from '@entente/adapters';
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
    .option('--csv', 'print the entries as CSV')
    .option('--limit <n>', 'entries to print (text output)', rowsOption('limit'), 40)
    .action(async (opts: { jurisdictions: string; category?: number; csv?: boolean; limit: number }) => {
      const c = ctx();
      const jurisdictions = parseJurisdictions(opts.jurisdictions);
      const { catalogue } = await catalogueOf(c);
      const report = findGaps(catalogue, {
        jurisdictions,
        ...(opts.category !== undefined ? { category: opts.category } : {}),
      });
      for (const n of report.notes) c.note(n);
      if (opts.csv && !c.json) return c.print(gapsCsv(report));
      c.output(report, () =>
        [
          `${report.gaps.length} gaps among ${report.jurisdictions.join(', ')}${report.category !== undefined ? ` in category ${report.category}` : ''}; ${report.cleared.length} pairs cleared by a counterpart or another act (see --json)`,
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
        ].join('\n'),
      );
    });
}
