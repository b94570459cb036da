import { continuesName, isOrganizationUnit } from './name-suffixes.ts';

/** One listed entity read from the free text of an Entity List or MEU cell. */
export interface EntityCellEntry {
  name: string;
  /** "a.k.a." names. */
  aliases: string[];
  /** "f.k.a." / "formerly" names. */
  formerNames: string[];
  addresses: string[];
  /** The parent named before a "Subordinate institution" block. */
  subordinateOf?: string;
}

const AKA =
  /,?\s*\ba\.?\s?k\.?\s?a\.?,?\s*(?:and\s+)?(?:the\s+(?:following\s+)?(?:[\w-]+\s+)?(?:following\s+)?(?:aliases|alias)\b[^:\n—]*[:,]?)?\s*/i;
const SUBORDINATE_LINE = /^subordinate institu\w*:?$/i;
const INTRO_LINE = /^the following .*subordinate institutions? of (.+?):?$/i;
const SHARED_ADDRESSES = /^the following address(?:es)? appl(?:y|ies) to\b/i;
const FORMER = /\((?:f\.?k\.?a\.?|formerly(?: known as)?),?\s*([^)]*)\)/gi;
const SEE_NOTE = /\((?:see|also)\b[^)]*\)\.?/gi;

/** Splits "Name, address" at the first comma outside brackets and quotes that is not followed by a legal-form suffix. */
export function splitNameFromRest(text: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '“') depth++;
    else if ((ch === ')' || ch === ']' || ch === '”') && depth > 0) depth--;
    else if (
      ch === ',' &&
      depth === 0 &&
      !continuesName(text.slice(i + 1)) &&
      !isOrganizationUnit(text.slice(i + 1))
    ) {
      return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
    }
  }
  return [text.trim(), ''];
}

function cleanName(text: string): string {
  return text
    .replace(/^[—–-]\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/(?:[;,]\s*|\s+)and\s*$/i, '')
    .replace(/[;,:]+$/, '')
    .replace(/(?<!\b(?:Ltd|Inc|Co|Corp|L\.L\.C|S\.A|B\.V|N\.V|Jr|Sr|[A-Z]))\.$/, '')
    .trim();
}

/** Splits an address run on "; and", ";" and ", and" into single addresses. */
export function splitAddresses(text: string): string[] {
  return text
    .replace(SEE_NOTE, ' ')
    .replace(/\s+/g, ' ')
    .split(/;\s*(?:and\s+)?|,\s+and\s+/i)
    .map((a) =>
      a
        .trim()
        .replace(/^and\s+/i, '')
        .replace(/[.,;]+$/, '')
        .trim(),
    )
    .filter((a) => a.length > 1);
}

function parseSegment(text: string): EntityCellEntry {
  const formerNames: string[] = [];
  const flat = text.replace(FORMER, (_m, inner: string) => {
    for (const f of inner.split(/;\s*(?:and\s+)?|,\s+and\s+/))
      if (cleanName(f)) formerNames.push(cleanName(f));
    return '';
  });
  const aka = AKA.exec(flat);
  let name: string;
  let rest: string;
  const aliases: string[] = [];
  if (aka) {
    name = flat.slice(0, aka.index);
    const after = flat.slice(aka.index + aka[0].length);
    if (/^\s*[—–]/.test(after)) {
      // Dash-led alias lines, closed by the first line that does not start with a dash.
      const lines = after.split('\n');
      let i = 0;
      while (i < lines.length && /^\s*[—–]/.test(lines[i]!)) {
        for (const a of lines[i]!.split(/[—–]/)) if (cleanName(a)) aliases.push(cleanName(a));
        i++;
      }
      rest = lines.slice(i).join('\n');
      if (!rest.trim() && aliases.length > 0) {
        // No blank line before the address: the last alias carries it ("—Alias, City, Country.").
        const [alias, address] = splitNameFromRest(aliases.pop()!);
        aliases.push(cleanName(alias));
        rest = address;
      }
    } else {
      const [alias, address] = splitNameFromRest(after.replace(/\n/g, ' '));
      for (const a of alias.split(/;\s*(?:and\s+)?/)) if (cleanName(a)) aliases.push(cleanName(a));
      rest = address;
    }
  } else {
    [name, rest] = splitNameFromRest(flat.replace(/\n/g, ' '));
  }
  return { name: cleanName(name), aliases, formerNames, addresses: splitAddresses(rest) };
}

/**
 * Reads the entities of one Entity List / MEU entry text (its rows' entity
 * cells joined by line breaks): the listed entity, then each "Subordinate
 * institution" block as its own entry; addresses "that apply to the entity and
 * to the … subordinate institutions" are given to all of them.
 */
export function parseEntityCell(text: string): EntityCellEntry[] {
  const lines = text.split('\n');
  const sharedAt = lines.findIndex((l) => SHARED_ADDRESSES.test(l));
  const shared = sharedAt >= 0 ? splitAddresses(lines.slice(sharedAt + 1).join(' ')) : [];
  const body = sharedAt >= 0 ? lines.slice(0, sharedAt) : lines;
  let parent: string | undefined;
  const segments: string[][] = [[]];
  for (const line of body) {
    const intro = INTRO_LINE.exec(line);
    if (intro) parent = cleanName(intro[1]!);
    else if (SUBORDINATE_LINE.test(line.trim())) segments.push([]);
    else segments[segments.length - 1]!.push(line);
  }
  const entries: EntityCellEntry[] = [];
  for (const [i, seg] of segments.entries()) {
    const joined = seg.join('\n').trim();
    if (!joined) continue;
    const entry = parseSegment(joined);
    if (!entry.name) continue;
    if (i === 0 && parent === undefined) parent = entry.name;
    else if (parent !== undefined) entry.subordinateOf = parent;
    entry.addresses.push(...shared);
    entries.push(entry);
  }
  return entries;
}
