// A small world of subjects the end-to-end tests over subjects share: UN, Australian and EU listings
// of one man (one subject, three listings: the UN anchor, AU by UN reference, the EU by name and
// birth date), plus Yasin, listed by the UN alone, and Tehrani, listed by AU alone.
import { openStore, subjectServiceFor } from '@entente/adapters';
import { buildParty, DEFAULT_NAME_REFERENCE, type Party } from '@entente/core';

const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({
    source,
    sourceId,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
    programs: ['IRAN'],
    ...extra,
  });
const born = (value: string) => ({ birthDates: [{ value, precision: 'day' as const }] });

const LISTS: [string, Party[]][] = [
  [
    'un-sc',
    [
      person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039', ...born('1957-03-11') }),
      person('un-sc', 'QDi.100', 'Abdul Rahman Yasin', { unReference: 'QDi.100', ...born('1960-04-10') }),
    ],
  ],
  [
    'au-dfat',
    [
      person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
      person('au-dfat', '9001', 'Hamid Reza Tehrani', born('1970-01-01')),
    ],
  ],
  ['eu-sanctions', [person('eu-sanctions', 'EU.38', 'Qasem Soleimani', born('1957-03-11'))]],
];

/** Stores the three lists in the store at `db` (a PGlite directory) and resolves them into subjects. */
export async function seedSoleimaniWorld(db: string): Promise<void> {
  const store = await openStore({ dataDir: db });
  try {
    for (const [source, parties] of LISTS)
      await store.saveListVersion({
        source,
        publishedAt: '2026-11-30',
        format: 'custom-csv',
        files: [`${source}.csv`],
        parties,
        warnings: [],
      });
    await subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 }).resolve('full');
  } finally {
    await store.close();
  }
}
