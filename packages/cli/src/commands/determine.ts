import type { Command } from 'commander';
import { determine, type Determination } from '@entente/core';
import type { CliContext } from '../context.ts';
import { catalogueOf } from './catalogue-of.ts';
import { numericOption } from '../numeric-option.ts';

const parseValue = numericOption('value', { min: 0, accepted: 'a non-negative number (US dollars for LVS)' });

const OUTCOME_WORDS: Readonly<Record<Determination['outcome'], string>> = {
  prohibited: 'PROHIBITED',
  'licence-required': 'LICENCE REQUIRED',
  'review-needed': 'REVIEW NEEDED (the requirement could not be read; not "no licence required")',
  'governed-elsewhere': 'NOT SUBJECT TO THESE REGULATIONS (another authority governs the item)',
  'exception-available': 'LICENCE REQUIRED, licence exception available',
  'general-authorisation-available': 'LICENCE REQUIRED, general authorisation available',
  'no-licence-required': 'NO LICENCE REQUIRED',
  'not-controlled': 'NOT CONTROLLED',
};

const AUTHORISATION_WORDS: Readonly<Record<Determination['authorisations'][number]['result'], string>> = {
  available: 'available',
  'to-check': 'may apply',
  'not-available': 'not available',
};

/** A determination as text: the outcome first, then why, what may apply, and the rule trace. */
export function formatDetermination(d: Determination): string {
  const list = (values: string[]) => values.join(', ') || 'none';
  return [
    `${d.jurisdiction} ${d.item} → ${d.destination}${d.origin ? ` (from ${d.origin})` : ''}: ${OUTCOME_WORDS[d.outcome]}`,
    `reasons:                ${list(d.reasons)}`,
    `licence exceptions:     ${list(d.exceptions)}`,
    `general authorisations: ${list(d.generalAuthorisations)}`,
    ...(d.licencePolicy ? [`licence policy:         ${d.licencePolicy}`] : []),
    `citations:              ${list(d.citations)}`,
    ...(d.authorisations.length
      ? [
          'general authorisations considered:',
          ...d.authorisations.map(
            (a) =>
              `  ${a.id} ${AUTHORISATION_WORDS[a.result]}${a.status === 'unverified' ? ' (unverified)' : ''}: ${a.why} [${a.citations.join('; ')}]`,
          ),
        ]
      : []),
    ...(d.toCheck.length
      ? [
          'may also apply (check the conditions):',
          ...d.toCheck.map(
            (t) =>
              `  ${t.id}${t.status === 'unverified' ? ' (unverified)' : ''} (${t.citation}): ${t.conditions}`,
          ),
        ]
      : []),
    ...(d.questions.length ? ['questions:', ...d.questions.map((q) => `  - ${q}`)] : []),
    'trace:',
    ...d.trace.map(
      (t) => `  ${t.result.padEnd(15)} ${t.rule}: ${t.detail}${t.citation ? ` [${t.citation}]` : ''}`,
    ),
  ].join('\n');
}

/** `entente determine`: does one item need a licence to one destination under one jurisdiction's rules? */
export function registerDetermine(program: Command, ctx: () => CliContext): void {
  program
    .command('determine')
    .description('licence determination for one item to one destination under US, EU, UK or JP rules')
    .requiredOption('--jurisdiction <j>', 'US, EU, UK or JP')
    .requiredOption('--item <code>', 'control entry code (3A001.a.1.b), EAR99 or none')
    .requiredOption('--to <XX>', 'destination country (ISO 3166-1 alpha-2)')
    .option('--from <XX>', 'exporting country (EU intra-Union transfers, UK, JP)')
    .option('--value <n>', 'value in US dollars (LVS)', parseValue)
    .option('--end-use <text>', 'declared end use (catch-all controls)')
    .action(
      async (opts: {
        jurisdiction: string;
        item: string;
        to: string;
        from?: string;
        value?: number;
        endUse?: string;
      }) => {
        const c = ctx();
        const data = await (await catalogueOf(c)).determinationData();
        const d = determine(data, {
          jurisdiction: opts.jurisdiction,
          item: opts.item,
          to: opts.to,
          ...(opts.from !== undefined ? { from: opts.from } : {}),
          ...(opts.value !== undefined ? { value: opts.value } : {}),
          ...(opts.endUse !== undefined ? { endUse: opts.endUse } : {}),
        });
        c.output(d, () => formatDetermination(d));
      },
    );
}
