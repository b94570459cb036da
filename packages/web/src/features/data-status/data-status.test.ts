import { describe, expect, it } from 'vitest';
import { missingDataNotices, type DataStatus } from './data-status.ts';

const ALL: DataStatus = {
  lists: { loaded: ['us-csl', 'un-sc'], missing: [] },
  controlLists: { loaded: ['US', 'USML', 'EU', 'UK', 'JP', 'WA', 'MTCR', 'NSG', 'AG'], missing: [] },
  usEarTables: { loaded: true },
  howToLoad: 'Run `entente sync`',
};
const NOTHING: DataStatus = {
  lists: { loaded: [], missing: [{ id: 'us-ofac-sdn', publisher: 'OFAC' }] },
  controlLists: { loaded: [], missing: ALL.controlLists.loaded },
  usEarTables: { loaded: false, problem: 'No text of 15 CFR part 738' },
  howToLoad: 'Run `entente sync`',
};

describe('missingDataNotices', () => {
  it('says nothing when every section has its data', () => {
    for (const section of ['screening', 'lists', 'controls', 'gaps', 'transactions', 'supply', 'denials'])
      expect(missingDataNotices(ALL, section)).toEqual([]);
  });

  it('names what each section lacks when nothing is loaded', () => {
    expect(missingDataNotices(NOTHING, 'screening').map((n) => n.text)).toEqual([
      'No restricted-party list is loaded: screening finds nothing and there is nothing to monitor.',
    ]);
    expect(missingDataNotices(NOTHING, 'transactions').map((n) => n.text)).toEqual([
      'No control list is loaded: entries, the crosswalk and gaps are empty.',
      'US determinations cannot be made: No text of 15 CFR part 738.',
    ]);
    expect(missingDataNotices(NOTHING, 'denials')).toEqual([]);
  });

  it('names the lists that could not be fetched on the screening page, as a milder note', () => {
    const some = { ...ALL, lists: { loaded: ['us-csl'], missing: [{ id: 'un-sc', publisher: 'UN' }] } };
    expect(missingDataNotices(some, 'screening')).toEqual([
      {
        text: 'Not loaded (could not be fetched): un-sc. Screening covers only the lists that are loaded.',
        severe: false,
      },
    ]);
    expect(missingDataNotices(some, 'monitoring')).toEqual([]);
  });

  it('tells mirror-only control lists apart from missing ones', () => {
    const shipped = {
      ...ALL,
      controlLists: { loaded: ['EU', 'UK', 'JP', 'WA', 'AG'], missing: ['US', 'USML', 'MTCR', 'NSG'] },
    };
    expect(missingDataNotices(shipped, 'controls')).toEqual([
      { text: 'Control lists not loaded: US.', severe: true },
      { text: 'Only a mirror provides USML, MTCR, NSG.', severe: false },
    ]);
    expect(missingDataNotices(shipped, 'gaps')).toEqual([
      { text: 'Control lists not loaded: US.', severe: true },
    ]);
  });
});
