import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '@entente/core';
import { assessAndRecord, partyScreener, type ScreeningService } from '@entente/adapters';
import type { CliContext } from '../context.ts';

/** How the record names the screening that was done: the list versions indexed. */
function describeIndex(s: ScreeningService): string {
  return `screened against ${s
    .state()
    .versions.map((v) => `${v.source}@${v.publishedAt}`)
    .join(', ')}`;
}
import { formatTable } from '../format-table.ts';
import { catalogueOf, recordsOf } from './catalogue-of.ts';
import { countOption } from '../numeric-option.ts';
import { formatAssessment } from './format-assessment.ts';

async function readTransaction(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('invalid-input', `${file} is not JSON: ${(error as Error).message}`, {
      file,
      field: 'transaction',
      accepted: 'a JSON object with items, parties, route, endUse, indicators',
    });
  }
}

/** `entente assess FILE.json` and `entente assessments list|show`: whole-transaction assessments and their records. */
export function registerAssess(program: Command, ctx: () => CliContext): void {
  program
    .command('assess')
    .description('assess a whole transaction (items, parties, route, end use) and store the decision record')
    .argument(
      '<file>',
      'transaction JSON: {"items":[…],"parties":[…],"route":[…],"endUse":"…","indicators":[…]}',
    )
    .action(async (file: string) => {
      const c = ctx();
      const raw = await readTransaction(file);
      const [catalogue, records, store] = await Promise.all([catalogueOf(c), recordsOf(c), c.store()]);
      const screening = await (await c.services()).screening();
      const screen = partyScreener(screening.index);
      const { record } = await assessAndRecord(
        { catalogue, parties: store, records, screen, screeningLabel: describeIndex(screening) },
        raw,
        {
          channel: 'cli',
        },
      );
      if (!c.json) c.note(`decision record ${record.id}`);
      c.output(record, () => formatAssessment(record));
    });
  const assessments = program
    .command('assessments')
    .description('stored decision records of assessments (kept five years)');
  assessments
    .command('list')
    .description("decision records, newest first (the CLI sees every organisation's)")
    .option('--limit <n>', 'records to list (default 50)', countOption('limit', 1000))
    .action(async (opts: { limit?: number }) => {
      const c = ctx();
      const heads = await (await recordsOf(c)).list({ limit: opts.limit ?? 50 });
      c.output({ records: heads }, () =>
        heads.length
          ? formatTable(
              ['id', 'recorded', 'by', 'route', 'items', 'strictest outcome', 'risk'],
              heads.map((h) => [
                h.id,
                h.createdAt.slice(0, 19),
                h.userId ?? h.channel,
                `${h.summary.exportingCountry}→${h.summary.destination}`,
                h.summary.items,
                h.summary.strictestOutcome,
                `${h.summary.riskScore.toFixed(2)} ${h.summary.riskLevel}`,
              ]),
            )
          : 'No decision records yet: run `entente assess FILE.json`.',
      );
    });
  assessments
    .command('show')
    .description('one decision record: inputs, data versions, outputs')
    .argument('<id>', 'record id (dr_…)')
    .action(async (id: string) => {
      const c = ctx();
      const record = await (await recordsOf(c)).get(id);
      if (!record) throw new DomainError('not-found', `No decision record ${id}`, { field: 'id' });
      c.output(record, () => formatAssessment(record));
    });
}
