import type { CclRequirementRow } from './ccl-source.ts';

/** A licence requirement written in words: "CW applies to entire entry. …", "NS and AT apply to …". */
export const REASON_APPLIES = /^[A-Z]{2,3}(?:\s*(?:,|and)\s*[A-Z]{2,3})*\s+appl(?:y|ies)\b/;

/**
 * The requirement rows of a licence requirements section written as a
 * paragraph instead of a table ("Control(s): CC applies to entire entry. A
 * license is required for ALL destinations …"): one row per reason named
 * before "applies", with the Country Chart column if the words name one.
 * The eCFR reader and the mirror's derived file both read the words this way.
 */
export function controlsInWords(body: string): CclRequirementRow[] {
  const [first = '', ...rest] = body.split(/(?<=\.)\s+/);
  const applies = /^([A-Z]{2,3}(?:\s*(?:,|and)\s*[A-Z]{2,3})*)\s+(appl(?:y|ies)\b.*?)\.?$/.exec(first);
  const words = rest.join(' ');
  const column = /\b([A-Z]{2}) Column (\d)\b/.exec(words);
  if (!applies) return [{ control: body, chartColumn: '', destination: body }];
  return applies[1]!.split(/\s*(?:,|and)\s*/).map((reason) => ({
    control: `${reason} ${applies[2]!.replace(/^apply\b/, 'applies')}`,
    chartColumn: column ? `${column[1]}${column[2]}` : '',
    destination: column ? '' : words || body,
  }));
}
