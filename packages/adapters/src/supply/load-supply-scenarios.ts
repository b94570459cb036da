import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DomainError,
  isDomainError,
  validateScenario,
  type DeterminationData,
  type SupplyScenario,
} from '@entente/core';
import { contentHash } from '../store/content-hash.ts';

/** The project's scenario library: one JSON file per scenario mirroring a real event. */
export const SUPPLY_SCENARIOS_DIR = fileURLToPath(
  new URL('../../datasets/supply-scenarios/', import.meta.url),
);

/** The scenario library: its scenarios, and a version that changes whenever a file does. */
export interface ScenarioLibrary {
  scenarios: SupplyScenario[];
  version: string;
}

/** Reads and checks every `*.json` scenario in `dir`; an invalid file is rejected naming the file and field. */
export async function loadSupplyScenarios(
  data: DeterminationData,
  dir: string = SUPPLY_SCENARIOS_DIR,
): Promise<ScenarioLibrary> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const scenarios: SupplyScenario[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new DomainError('file-rejected', `Scenario ${file} is not JSON: ${(error as Error).message}`, {
        file,
      });
    }
    try {
      scenarios.push(validateScenario(data, raw, 'scenario'));
    } catch (error) {
      if (isDomainError(error))
        throw new DomainError('file-rejected', `Scenario ${file}: ${error.message}`, {
          ...error.details,
          file,
        });
      throw error;
    }
  }
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id))
      throw new DomainError('file-rejected', `Scenario id "${s.id}" appears twice in ${dir}`, {
        field: 'id',
      });
    ids.add(s.id);
  }
  return { scenarios, version: `${scenarios.length} scenarios, ${contentHash(scenarios).slice(0, 12)}` };
}

/**
 * The scenarios a request names: library ids (strings) or inline scenario
 * objects, validated in place; an unknown id is an error naming its position.
 */
export function selectScenarios(
  data: DeterminationData,
  library: ScenarioLibrary,
  requested: unknown[],
  field = 'scenarios',
): SupplyScenario[] {
  return requested.map((r, i) => {
    if (typeof r !== 'string') return validateScenario(data, r, `${field}[${i}]`);
    const found = library.scenarios.find((s) => s.id === r.trim());
    if (!found)
      throw new DomainError('invalid-input', `${field}[${i}]: no scenario "${r}" in the library`, {
        field: `${field}[${i}]`,
        accepted: library.scenarios.map((s) => s.id),
      });
    return found;
  });
}
