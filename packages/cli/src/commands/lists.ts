import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { numericOption, rowsOption } from '../numeric-option.ts';

/** `entente lists` and `entente lists diff`: sources, versions, and what changed between versions. */
export function registerLists(program: Command, ctx: () => CliContext): void {
  const lists = program
    .command('lists')
    .description('restricted-party lists: sources, versions and counts')
    .option('--source <id>', 'only this source')
    .action(async (opts: { source?: string }) => {
      const c = ctx();
      const versions = await (await c.store()).listVersions(opts.source);
      c.output({ versions }, () =>
        versions.length
          ? formatTable(
              ['source', 'version', 'published', 'records', 'warnings', 'format', 'imported'],
              versions.map((v) => [
                v.source,
                v.id,
                v.publishedAt,
                v.recordCount,
                v.warningCount,
                v.format,
                v.importedAt.slice(0, 19),
              ]),
            )
          : 'No lists loaded.',
      );
    });
  lists
    .command('diff')
    .description(
      'added, removed and changed parties between two versions of a list (default: the latest two)',
    )
    .argument('<source>', 'source id, e.g. us-ofac-sdn')
    .option('--from <version>', 'older version id', numericOption('from', { min: 1, integer: true }))
    .option('--to <version>', 'newer version id', numericOption('to', { min: 1, integer: true }))
    .option('--limit <n>', 'rows to print per section', rowsOption('limit'), 20)
    .action(async (source: string, opts: { from?: number; to?: number; limit: number }) => {
      const c = ctx();
      const diff = await (await c.store()).diffVersions(source, opts.from, opts.to);
      c.output(diff, () => {
        const section = (title: string, rows: { sourceId: string; name: string; fields?: string[] }[]) => [
          `${title} (${rows.length})`,
          ...rows
            .slice(0, opts.limit)
            .map(
              (r) => `  ${r.sourceId.padEnd(14)} ${r.name}${r.fields ? `  [${r.fields.join(', ')}]` : ''}`,
            ),
          ...(rows.length > opts.limit ? [`  … ${rows.length - opts.limit} more (see --json)`] : []),
        ];
        return [
          `${source}: version ${diff.from.id} (${diff.from.publishedAt}) → ${diff.to.id} (${diff.to.publishedAt})`,
          ...section('added', diff.added),
          ...section('removed', diff.removed),
          ...section('changed', diff.changed),
        ].join('\n');
      });
    });
}
