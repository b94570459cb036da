import type { Command } from 'commander';
import {
  CONTROL_LIST_IDS,
  describeControlEntry,
  parseEntryId,
  readControlListVersion,
} from '@entente/adapters';
import { DomainError, diffControlLists, type ControlEntry, type ControlListId } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { catalogueOf, parseDateOption } from './catalogue-of.ts';
import { rowsOption } from '../numeric-option.ts';

function parseListId(value: string): ControlListId {
  const id = value.trim().toUpperCase() as ControlListId;
  if (!CONTROL_LIST_IDS.includes(id))
    throw new DomainError('invalid-input', `Unknown control list "${value}"`, {
      field: 'list',
      accepted: [...CONTROL_LIST_IDS],
    });
  return id;
}

/** The citation lines of an entry: act and provision, where read, and an explicit UNVERIFIED mark. */
export function citationLines(e: ControlEntry): string[] {
  const c = e.citation as ControlEntry['citation'] | undefined;
  if (!c) return ['citation:    UNVERIFIED (no citation recorded)'];
  const read = c.readFrom ? `read from ${c.readFrom}${c.readOn ? ` (${c.readOn})` : ''}` : 'not read';
  return [
    `citation:    ${c.act}, ${c.provision}`,
    `             ${read}`,
    c.status === 'verified' ? '' : `             UNVERIFIED${c.note ? `: ${c.note}` : ''}`,
    c.status === 'verified' && c.note ? `             ${c.note}` : '',
  ].filter(Boolean);
}

function describeEntry(e: ControlEntry): string[] {
  return [
    e.parent ? `parent:      ${e.parent}` : '',
    `reasons:     ${e.reasons.join(', ') || '(none stated)'}`,
    `regimes:     ${e.regimeRefs.join(', ') || '(none: national or plurilateral)'}`,
    `source:      ${e.source.act} (${e.source.version}); confidence ${e.confidence}`,
    ...citationLines(e),
    e.destinations ? `destinations: controlled only to ${e.destinations.join(', ')}` : '',
    ...(e.reasonScopes ?? []).map(
      (r, i) =>
        `${i === 0 ? 'licence rows:' : '            '} ${r.reason}: ${r.control}${r.chartColumn ? ` [${r.chartColumn}]` : ''}`,
    ),
    ...Object.entries(e.exceptions ?? {}).map(
      ([k, v], i) => `${i === 0 ? 'exceptions: ' : '            '} ${k}: ${v}`,
    ),
    e.text ? `text:\n  ${e.text.replace(/\n/g, '\n  ')}` : '',
  ].filter(Boolean);
}

/** `entente controls lists|show|diff`: the control-list catalogue, its versions and entries. */
export function registerControls(program: Command, ctx: () => CliContext): void {
  const controls = program
    .command('controls')
    .description('control lists (US CCL, USML, EU, UK, JP, WA, MTCR, NSG, AG): versions and entries');
  controls
    .command('lists')
    .description('every stored list version with its validity and entry count')
    .action(async () => {
      const c = ctx();
      const store = (await c.services()).controls;
      const [versions, links] = await Promise.all([store.listControlVersions(), store.correspondences()]);
      c.output({ versions, correspondences: links.length }, () =>
        versions.length
          ? [
              formatTable(
                ['list', 'version', 'valid from', 'valid to', 'entries'],
                versions.map((v) => [v.listId, v.version, v.validFrom, v.validTo ?? '', v.entryCount]),
              ),
              '',
              `crosswalk: ${links.length} links`,
            ].join('\n')
          : 'No control lists loaded: run `entente sync --mirror DIR`.',
      );
    });
  controls
    .command('show')
    .description('one entry (or its nearest enclosing entry): reasons, text, versions and counterparts')
    .argument('<entry>', 'LIST:code, e.g. US:3A001.a.1.b')
    .option('--at <date>', 'the list versions in force on this date (YYYY-MM-DD)', parseDateOption('at'))
    .action(async (entry: string, opts: { at?: string }) => {
      const c = ctx();
      parseEntryId(entry, 'entry');
      const { catalogue } = await catalogueOf(c, opts.at);
      const view = await describeControlEntry((await c.services()).db, catalogue, entry);
      c.output(view, () =>
        [
          `${view.id}  ${view.entry.heading}${view.entry.citation?.status === 'verified' ? '' : '  [UNVERIFIED]'}`,
          ...(view.exact
            ? []
            : [`(${entry} is not a separate entry in the catalogue: showing the enclosing entry)`]),
          `list:        ${view.list.name}, version ${view.list.version} (valid from ${view.list.validFrom})`,
          ...describeEntry(view.entry),
          'versions:',
          ...view.versions.map(
            (v) =>
              `  ${v.version.padEnd(16)} ${v.validFrom}–${v.validTo ?? ''}  ${v.present ? (v.changed.length ? `changed: ${v.changed.join(', ')}` : 'present') : 'absent'}`,
          ),
          `counterparts: ${view.counterparts.map((p) => `${p.id} (${p.type})`).join(', ') || 'none'}`,
        ].join('\n'),
      );
    });
  controls
    .command('diff')
    .description(
      'entries added, removed and changed between two versions of one list (default: the latest two)',
    )
    .argument('<list>', `one of ${CONTROL_LIST_IDS.join(', ')}`)
    .option('--from <version>', 'older version label, e.g. 2024-11-15')
    .option('--to <version>', 'newer version label, e.g. 2025-11-15')
    .option('--limit <n>', 'rows to print per section', rowsOption('limit'), 20)
    .action(async (listArg: string, opts: { from?: string; to?: string; limit: number }) => {
      const c = ctx();
      const list = parseListId(listArg);
      const { db, controls } = await c.services();
      const labels = (await controls.listControlVersions(list)).map((v) => v.version).reverse();
      const to = opts.to ?? labels.at(-1);
      const from = opts.from ?? labels.at(-2);
      if (!from || !to)
        throw new DomainError(
          'not-found',
          `List ${list} has ${labels.length} stored version(s); a diff needs two`,
          { field: 'from', accepted: labels },
        );
      const diff = diffControlLists(
        await readControlListVersion(db, list, from, 'from'),
        await readControlListVersion(db, list, to, 'to'),
      );
      c.output(diff, () => {
        const section = (title: string, rows: { code: string; heading?: string; fields?: string[] }[]) => [
          `${title} (${rows.length})`,
          ...rows
            .slice(0, opts.limit)
            .map(
              (r) => `  ${r.code.padEnd(14)} ${r.heading ?? ''}${r.fields ? `[${r.fields.join(', ')}]` : ''}`,
            ),
          ...(rows.length > opts.limit ? [`  … ${rows.length - opts.limit} more (see --json)`] : []),
        ];
        return [
          `${list}: ${from} → ${to}`,
          ...section('added', diff.added),
          ...section('removed', diff.removed),
          ...section('changed', diff.changed),
        ].join('\n');
      });
    });
}
