/** `GET /data-status`: what the server holds and what is missing. */
export interface DataStatus {
  lists: { loaded: string[]; missing: { id: string; publisher: string }[] };
  controlLists: { loaded: string[]; missing: string[] };
  usEarTables: { loaded: boolean; problem?: string };
  howToLoad: string;
}

/** The data a section of the app shows; a section not named here needs none of it. */
const NEEDS: Record<string, ('lists' | 'controls' | 'us-ear')[]> = {
  screening: ['lists'],
  monitoring: ['lists'],
  'listing-gaps': ['lists'],
  lists: ['lists'],
  dashboard: ['lists'],
  controls: ['controls'],
  gaps: ['controls'],
  supply: ['controls', 'us-ear'],
  transactions: ['controls', 'us-ear'],
};

/** Mirror-only control lists: their absence is expected without a mirror and said once, quietly. */
const MIRROR_ONLY = ['USML', 'MTCR', 'NSG'];

/** One sentence about missing data; `severe` when the section has nothing to work on. */
export interface MissingNotice {
  text: string;
  severe: boolean;
}

/**
 * What the section `section` cannot show for want of data, in plain words:
 * empty when it has everything it needs. Pure, so it is tested without a browser.
 */
export function missingDataNotices(status: DataStatus, section: string): MissingNotice[] {
  const needs = NEEDS[section] ?? [];
  const out: MissingNotice[] = [];
  if (needs.includes('lists')) {
    if (status.lists.loaded.length === 0)
      out.push({
        text: 'No restricted-party list is loaded: screening finds nothing and there is nothing to monitor.',
        severe: true,
      });
    else if (status.lists.missing.length > 0 && (section === 'screening' || section === 'lists'))
      out.push({
        text: `Not loaded (could not be fetched): ${status.lists.missing.map((m) => m.id).join(', ')}. Screening covers only the lists that are loaded.`,
        severe: false,
      });
  }
  if (needs.includes('controls')) {
    if (status.controlLists.loaded.length === 0)
      out.push({
        text: 'No control list is loaded: entries, the crosswalk and gaps are empty.',
        severe: true,
      });
    else {
      const missing = status.controlLists.missing;
      const essential = missing.filter((id) => !MIRROR_ONLY.includes(id));
      if (essential.length > 0)
        out.push({ text: `Control lists not loaded: ${essential.join(', ')}.`, severe: true });
      if (section === 'controls' && missing.some((id) => MIRROR_ONLY.includes(id)))
        out.push({
          text: `Only a mirror provides ${missing.filter((id) => MIRROR_ONLY.includes(id)).join(', ')}.`,
          severe: false,
        });
    }
  }
  if (needs.includes('us-ear') && !status.usEarTables.loaded)
    out.push({
      text: `US determinations cannot be made: ${status.usEarTables.problem ?? 'the EAR tables are not loaded'}.`,
      severe: true,
    });
  return out;
}
