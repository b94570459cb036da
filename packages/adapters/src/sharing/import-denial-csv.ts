import { DomainError, type ImportWarning } from '@entente/core';
import type { Denial, SharingScope } from '@entente/core';
import { isoDay, type Actor } from './actor.ts';
import { parseDenialCsv } from './parse-denial-csv.ts';
import type { SharingStore } from './sharing-store.ts';

/** The outcome of a denial import: what was created and what was skipped or read with doubt. */
export interface DenialImportResult {
  created: Denial[];
  skipped: number;
  warnings: ImportWarning[];
}

/**
 * Imports a LITE-format denial CSV for the actor's agency, shared with `scope`
 * and dated `deniedOn` (default today); denials without a destination, items
 * or reason are skipped with a warning, the rest are created in one transaction.
 * Refused with `limit-exceeded` past the rows per file or the agency's quota.
 */
export async function importDenialCsv(
  sharing: SharingStore,
  actor: Actor,
  text: string,
  options: { scope: SharingScope; deniedOn?: string; file?: string },
): Promise<DenialImportResult> {
  const file = options.file ?? 'denials.csv';
  const parsed = parseDenialCsv(text, file);
  const max = sharing.denialLimits.importRows;
  if (parsed.rowCount > max)
    throw new DomainError(
      'limit-exceeded',
      `${file} has ${parsed.rowCount} data rows; one import takes at most ${max}: split the file`,
      { limit: 'denial-import-rows', max, count: parsed.rowCount, file },
    );
  const warnings = [...parsed.warnings];
  const deniedOn = options.deniedOn ?? isoDay(sharing.clock.now());
  const ready = parsed.denials.filter((d) => {
    const lack = !d.destination
      ? 'destination'
      : d.items.length === 0
        ? 'denial_cle'
        : !d.reason
          ? 'reason_for_refusal'
          : undefined;
    if (lack)
      warnings.push({
        kind: 'denial-skipped',
        file,
        row: d.rows[0],
        field: lack,
        message: `Denial ${d.reference ?? ''} skipped: no ${lack}`,
      });
    return !lack;
  });
  const created = await sharing.denials.createMany(
    actor,
    ready.map(({ rows: _rows, destination, ...d }) => ({
      ...d,
      destination: destination!,
      deniedOn,
      scope: options.scope,
    })),
    'import',
  );
  return { created, skipped: parsed.denials.length - ready.length, warnings };
}
