import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '@entente/core';
import { exportFtmJsonl } from '@entente/adapters';
import type { CliContext } from '../context.ts';

/** `entente export ftm-jsonl`: the latest version of every (or the chosen) source as FollowTheMoney JSON lines. */
export function registerExport(program: Command, ctx: () => CliContext): void {
  program
    .command('export')
    .description('export listed parties; format: ftm-jsonl (FollowTheMoney entities, one per line)')
    .argument('<format>', 'ftm-jsonl')
    .option('--source <ids>', 'only these sources, comma-separated (default: all, latest versions)')
    .option('--output <file>', 'write here instead of stdout')
    .action(async (format: string, opts: { source?: string; output?: string }) => {
      const c = ctx();
      if (format !== 'ftm-jsonl') {
        throw new DomainError('unknown-format', `Unknown export format "${format}"`, {
          field: 'format',
          accepted: ['ftm-jsonl'],
        });
      }
      const store = await c.store();
      const wanted = opts.source?.split(',').map((s) => s.trim());
      const versions = (await store.latestVersions()).filter((v) => !wanted || wanted.includes(v.source));
      const unknown = (wanted ?? []).filter((s) => !versions.some((v) => v.source === s));
      if (unknown.length)
        throw new DomainError('unknown-source', `Unknown source ${unknown.join(', ')}`, { field: 'source' });
      const out = opts.output ? createWriteStream(opts.output) : process.stdout;
      let count = 0;
      for (const v of versions) {
        const parties = (await store.partiesOfVersion(v.id)).map((p) => p.party);
        exportFtmJsonl(parties, (line) => {
          out.write(line.endsWith('\n') ? line : line + '\n');
          count++;
        });
      }
      if (opts.output) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
      c.note(`exported ${count} entities from ${versions.length} sources`);
    });
}
