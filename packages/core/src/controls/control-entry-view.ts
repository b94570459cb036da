// The shape in which the catalogue shows one control entry: written once here, built by adapters'
// `describeControlEntry`, answered by `GET /controls/{list}/{code}` and read by the web entry page.
import type { ControlEntry, CorrespondenceType, Correspondence } from './control-entry.ts';
import type { FactSource } from '../licensing/fact-citation.ts';

/** One counterpart of an entry: the other entry, how the asked entry relates to it, and why. */
export interface Counterpart {
  id: string;
  heading?: string;
  /** How the asked entry relates to the counterpart (`narrower`: the asked entry covers less). */
  type: CorrespondenceType;
  basis: Correspondence['basis'];
  note?: string;
  /** Why the link is doubtful (headings describe different items); such links are not chained. */
  warning?: string;
  /** For a curated link: the provisions compared and where they were read, or `unverified`. */
  source?: FactSource;
  /** The entry the link was reached through, when not a direct link of the asked entry. */
  via?: string;
}

/** One entry as the catalogue shows it: the entry, its list version, its stored versions and its counterparts. */
export interface ControlEntryView {
  id: string;
  requested: string;
  /** False when the code asked for is not a separate entry and its nearest enclosing entry is shown. */
  exact: boolean;
  list: { id: string; name: string; version: string; validFrom: string };
  entry: ControlEntry;
  versions: { version: string; validFrom: string; validTo?: string; present: boolean; changed: string[] }[];
  counterparts: Counterpart[];
}
