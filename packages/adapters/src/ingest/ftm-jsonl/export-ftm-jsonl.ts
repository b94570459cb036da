import type { Party } from '@entente/core';
import { partyToFtm } from './party-to-ftm.ts';

/**
 * Writes parties as FollowTheMoney JSON lines, one entity per call of `write`
 * (no trailing newline in the line).
 *
 * @example
 * const lines: string[] = [];
 * exportFtmJsonl(list.parties, (line) => lines.push(line));
 */
export function exportFtmJsonl(parties: Iterable<Party>, write: (line: string) => void): void {
  for (const party of parties) write(JSON.stringify(partyToFtm(party)));
}
