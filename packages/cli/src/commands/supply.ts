import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyseSupply, DomainError, type SupplyAnalysis, type SupplyScenario } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { catalogueOf } from './catalogue-of.ts';
import {
  loadSupplyScenarios,
  locateBomError,
  readBomFile,
  selectScenarios,
  supplyDataOf,
  validateBomFile,
} from '@entente/adapters';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Splits repeatable, comma-separated option values. */
function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

async function readScenarioFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new DomainError('file-unreadable', `Cannot read scenario ${file}: ${(error as Error).message}`, {
      file,
    });
  }
}

/** A supply analysis as text: per product, reach per destination, dependencies, then each scenario. */
export function formatSupplyAnalysis(a: SupplyAnalysis): string {
  const out: string[] = [];
  for (const p of a.products) {
    out.push(
      `${p.id}${p.name ? ` (${p.name})` : ''}: made in ${p.madeIn}, value ${p.value} ${a.currency} (${p.valueBasis}), ${p.components.length} components`,
    );
    if (p.reach.length) {
      out.push(
        formatTable(
          ['destination', 'US reaches', 'US controlled share', 'threshold', 'basis'],
          p.reach.map((r) => [
            r.destination,
            r.us.subjectToEar ? 'YES' : 'no',
            r.us.deMinimis ? pct(r.us.deMinimis.share) : '-',
            r.us.deMinimis ? pct(r.us.deMinimis.threshold) : '-',
            r.us.basis,
          ]),
        ),
      );
    }
    out.push(`controlled value by origin: ${p.concentration.reason}`);
    const flagged = p.components.filter((c) => c.dependencies.reasons.length > 0 || c.controlled);
    out.push(
      formatTable(
        ['part', 'value', 'controlled by', 'sources', 'findings'],
        flagged.map((c) => [
          c.partId,
          c.value,
          c.controlledBy.join(',') || '-',
          `${c.dependencies.sources} (${c.dependencies.sourceJurisdictions.join(',')})`,
          c.dependencies.reasons.join('; '),
        ]),
      ),
    );
    out.push('');
  }
  for (const s of a.scenarios) {
    out.push(`scenario ${s.scenario.id}: ${s.scenario.title}`, `  ${s.reasons.join('; ')}`);
    for (const p of s.products) {
      out.push(`  ${p.productId}: ${p.valueAtStake} at stake (${pct(p.shareAtStake)})`);
      for (const c of p.components)
        out.push(
          `    ${c.partId}: ${c.reason}; alternates left: ${c.alternatesRemaining.map((r) => `${r.supplier ?? r.country} [${r.status}${r.licenceRequired ? ', licence' : ''}]`).join(', ') || 'none'}${c.unmitigated ? ' — UNMITIGATED' : ''}`,
        );
      for (const e of p.exports) out.push(`    export to ${e.destination}: ${e.reason}`);
    }
  }
  if (a.questions.length) out.push('questions:', ...a.questions.map((q) => `  - ${q}`));
  out.push(
    `data: EAR tables ${a.dataVersions.earTablesAsOf}, lists ${a.dataVersions.controlLists.map((l) => `${l.list} ${l.version}`).join(', ')}${a.dataVersions.chpl ? `, CHPL ${a.dataVersions.chpl}` : ''}${a.dataVersions.scenarioLibrary ? `, scenarios ${a.dataVersions.scenarioLibrary}` : ''}`,
  );
  return out.join('\n');
}

/** `entente supply analyse BOM` and `entente supply scenarios`: supply-chain exposure of a bill of materials. */
export function registerSupply(program: Command, ctx: () => CliContext): void {
  const supply = program.command('supply').description('supply-chain exposure of bills of materials');
  supply
    .command('analyse')
    .alias('analyze')
    .description(
      'who reaches each product (US de minimis, allies per component), dependencies, HHI, CHPL, divergences, scenarios',
    )
    .argument('<bom>', 'bill of materials, .csv or .json (docs/supply-bom-format.md)')
    .option(
      '--destination <XX>',
      "destination(s), comma-separated or repeated (default: each product's own)",
      collect,
    )
    .option(
      '--scenario <id|file.json>',
      'scenario id from the library or a scenario JSON file; repeatable',
      collect,
    )
    .option('--all-scenarios', 'run every scenario of the library')
    .action(
      async (file: string, opts: { destination?: string[]; scenario?: string[]; allScenarios?: boolean }) => {
        const c = ctx();
        const opened = await catalogueOf(c);
        const data = await opened.determinationData();
        const library = await loadSupplyScenarios(data);
        const supplyData = await supplyDataOf(opened, c.config.mirrorDir, library.version);
        const requested: unknown[] = [];
        for (const s of opts.scenario ?? [])
          requested.push(s.endsWith('.json') ? await readScenarioFile(s) : s);
        const scenarios: SupplyScenario[] = opts.allScenarios
          ? library.scenarios
          : selectScenarios(data, library, requested, 'scenario');
        const { raw, format } = await readBomFile(file);
        const bom = validateBomFile(data, raw, file, format);
        let analysis: SupplyAnalysis;
        try {
          analysis = analyseSupply(supplyData, bom, {
            ...(opts.destination ? { destinations: opts.destination } : {}),
            scenarios,
          });
        } catch (error) {
          throw locateBomError(error, raw, file, format);
        }
        c.output(analysis, () => formatSupplyAnalysis(analysis));
      },
    );
  supply
    .command('scenarios')
    .description('the scenario library: what-ifs that mirror real control events')
    .action(async () => {
      const c = ctx();
      const data = await (await catalogueOf(c)).determinationData();
      const library = await loadSupplyScenarios(data);
      c.output(library, () =>
        formatTable(
          ['id', 'kind', 'actor', 'date', 'title'],
          library.scenarios.map((s) => [s.id, s.kind, s.actor, s.source?.date, s.title]),
        ),
      );
    });
}
