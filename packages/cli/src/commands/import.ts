import type { Command } from 'commander';
import { findFormat, importList, LIST_FORMATS, type ImportReport } from '@entente/adapters';
import { refreshSubjects } from './subjects.ts';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';

/** Human summary of import reports, with warning counts per kind. */
export function describeImports(reports: ImportReport[]): string {
  const rows = reports.map((r) => [
    r.source,
    r.publishedAt,
    r.records,
    r.created ? `new version ${r.versionId}` : `unchanged (version ${r.versionId})`,
    Object.entries(r.warningsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '-',
  ]);
  const lines = [formatTable(['source', 'published', 'records', 'result', 'warnings'], rows)];
  for (const r of reports) {
    for (const w of r.warnings.slice(0, 5)) {
      lines.push(
        `  warning ${w.kind}: ${w.file}${w.row ? ` row ${w.row}` : ''}${w.field ? ` field ${w.field}` : ''}: ${w.message}`,
      );
    }
    if (r.warningCount > 5) lines.push(`  … ${r.warningCount - 5} more warnings (see --json)`);
  }
  return lines.join('\n');
}

/** `entente import <format> <path...>`: one publication into a new list version. */
export function registerImport(program: Command, ctx: () => CliContext): void {
  program
    .command('import')
    .description(
      `import a list publication; formats:\n${LIST_FORMATS.map((f) => `  ${f.id.padEnd(18)} ${f.description}`).join('\n')}`,
    )
    .argument('<format>', 'format id (see above)')
    .argument('<path...>', 'files (or a folder) of one publication')
    .option('--list <name>', 'list name for custom-csv (source becomes custom:<name>)')
    .option('--published-at <date>', 'publication date (YYYY-MM-DD) when the files do not carry one')
    .option('--force', 'accept a record count outside the expected bounds')
    .action(
      async (
        formatId: string,
        paths: string[],
        opts: { list?: string; publishedAt?: string; force?: boolean },
      ) => {
        const c = ctx();
        const format = findFormat(LIST_FORMATS, formatId);
        const store = await c.store();
        const reports = await importList(store, format, paths, {
          listName: opts.list,
          publishedAt: opts.publishedAt,
          force: opts.force,
          onProgress: (m) => c.note(m),
        });
        c.output({ imported: reports }, () => describeImports(reports));
        await refreshSubjects(c);
      },
    );
}
