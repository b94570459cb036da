/** One paragraph or run of text of an ECCN's List of Items Controlled, in document order. */
export interface CclItem {
  /** `a`, `a.1`, `z.1.a` for an item; null for text that is not a lettered paragraph. */
  paragraph: string | null;
  /** `item` (a lettered paragraph), `note` (a numbered note or technical note) or `text`. */
  kind: string;
  text: string;
}

/** One row of an ECCN's licence requirements table ("Control(s)" / "Country Chart"). */
export interface CclRequirementRow {
  control: string;
  /** `NS1`, `AT1`, … when the row names a Country Chart column. */
  chartColumn: string;
  /** The destination rule in words when the row names no column. */
  destination: string;
}

/** One ECCN as read from its source: heading, reasons, requirement rows, exceptions, items. */
export interface CclSourceEntry {
  eccn: string;
  heading: string;
  reasonForControl: string | null;
  requirementRows: CclRequirementRow[];
  /** List-based licence exceptions as worded (`LVS`, `GBS`, `STA`, …). */
  exceptionFlags: Record<string, string>;
  items: CclItem[];
}

/** The Commerce Control List as read from one source (the eCFR XML, or the mirror's derived files). */
export interface CclSource {
  /** The act cited, e.g. "15 CFR Part 774, Supplement No. 1 (Commerce Control List)". */
  act: string;
  /** The eCFR date the text is current to (YYYY-MM-DD). */
  issueDate: string;
  /** Where the text was read: a file or address, for citations. */
  readFrom: string;
  /** Categories whose paragraph text the source holds in full (all ten for the eCFR XML). */
  fullTextCategories: string[];
  entries: CclSourceEntry[];
}

/** The act every CCL citation names. */
export const CCL_ACT = '15 CFR Part 774, Supplement No. 1 (Commerce Control List)';
