import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError, parsePublishedAuditHead, type AuditHead } from '@entente/core';
import type { AuditLogVerification } from '@entente/adapters';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { sharingOf } from './sharing-of.ts';

/** A published head from `count:hash`, or from a file holding that or the JSON of `audit head --json`. */
async function publishedHeadOf(arg: string): Promise<Pick<AuditHead, 'count' | 'lastHash'>> {
  const inline = parsePublishedAuditHead(arg);
  if (inline) return inline;
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch (error) {
    throw new DomainError(
      'file-unreadable',
      `--expect-head ${arg}: neither count:hash nor a readable file (${(error as Error).message})`,
      { file: arg, field: 'expect-head' },
    );
  }
  const fromFile = parsePublishedAuditHead(text);
  if (!fromFile)
    throw new DomainError('invalid-input', `${arg}: expected count:hash or {"count":…,"lastHash":…}`, {
      file: arg,
      field: 'expect-head',
    });
  return fromFile;
}

/** The verdict as text: the first broken link and every disagreement with a head. */
function describeVerification(r: AuditLogVerification): string {
  if (r.ok)
    return `audit log intact: ${r.checked} entries verified, head ${r.head?.count}:${r.head?.lastHash}`;
  const lines = ['audit log BROKEN'];
  if (r.firstBroken)
    lines.push(
      `  chain: entry ${r.firstBroken.seq} (${r.firstBroken.reason}); ${r.checked} entries before it verified`,
    );
  for (const p of r.problems) lines.push(`  ${p.reason}: ${p.message}`);
  return lines.join('\n');
}

/**
 * `entente audit verify [--expect-head <count:hash|file>]` re-computes the hash
 * chain and checks it against its head (exit code 1 when anything disagrees);
 * `entente audit head` prints the head to publish; `entente audit refusals`
 * the counts of refused anonymous requests.
 */
export function registerAudit(program: Command, ctx: () => CliContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      're-compute the hash chain, check it against its head (and a published one), report what is wrong',
    )
    .option(
      '--expect-head <head>',
      'a head published earlier: count:hash, or a file with `audit head --json` output',
    )
    .action(async (options: { expectHead?: string }) => {
      const c = ctx();
      const published = options.expectHead ? await publishedHeadOf(options.expectHead) : undefined;
      const result = await (await sharingOf(c)).audit.verify(published);
      c.output(result, () => describeVerification(result));
      if (!result.ok) process.exitCode = EXIT.input;
    });
  audit
    .command('head')
    .description('print the chain head (entry count, last hash, time) to publish outside the system')
    .action(async () => {
      const c = ctx();
      const head = await (await sharingOf(c)).audit.head();
      if (!head)
        throw new DomainError('internal-error', 'The audit head is missing; run `entente audit verify`');
      c.output(head, () => `${head.count}:${head.lastHash}  (${head.at ?? 'empty log'})`);
    });
  audit
    .command('refusals')
    .description('counts of refused anonymous requests by route and reason (counted, not chained)')
    .action(async () => {
      const c = ctx();
      const counts = await (await sharingOf(c)).refusals.totals();
      c.output(counts, () =>
        counts.length === 0
          ? 'no anonymous refusals counted'
          : counts.map((r) => `${r.count}\t${r.route}\t${r.reason}\t${r.firstAt} … ${r.lastAt}`).join('\n'),
      );
    });
}
