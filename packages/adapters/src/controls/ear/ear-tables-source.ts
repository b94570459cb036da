/** Where one fact of the EAR tables was read: the act, its paragraph, the eCFR date and the file or address. */
export interface EarCitation {
  act: string;
  /** The paragraph within the act, e.g. `Supplement No. 1 to Part 738, row "Albania"`. */
  paragraph: string;
  /** The eCFR date the text is current to (YYYY-MM-DD). */
  issueDate: string;
  readFrom: string;
}

/** One destination row of the Commerce Country Chart, under the name the chart gives it. */
export interface CountryChartRow {
  name: string;
  /** Columns marked X, without spaces (`CB1`, `NS2`, …). */
  marks: string[];
  /** Footnote numbers attached to the destination. */
  footnotes: number[];
  /** The Part 746 pointer of a row that carries words instead of marks (Cuba, Iran, North Korea, Syria). */
  pointer?: string;
  source: EarCitation;
}

/** The Commerce Country Chart (15 CFR 738, Supplement No. 1). */
export interface CountryChartSource {
  act: string;
  issueDate: string;
  readFrom: string;
  /** The columns in chart order, without spaces. */
  columns: string[];
  rows: CountryChartRow[];
  /** Footnote text by number. */
  footnotes: Record<string, string>;
}

/** The Country Groups (15 CFR 740, Supplement No. 1): members of each group by their EAR names. */
export interface CountryGroupsSource {
  act: string;
  issueDate: string;
  readFrom: string;
  /** `A:1` … `E:2`, `B` → destination names as the supplement writes them. */
  groups: Record<string, string[]>;
  /** Where each group's membership was read. */
  sources: Record<string, EarCitation>;
}

/** One licence exception of 15 CFR 740: its section, symbols and title. */
export interface LicenceExceptionSection {
  /** `15 C.F.R. § 740.3`. */
  section: string;
  sectionNumber: string;
  symbols: string[];
  title: string;
  source: EarCitation;
}

/** The licence exceptions of 15 CFR 740, with their sections. */
export interface LicenceExceptionsSource {
  act: string;
  issueDate: string;
  readFrom: string;
  exceptions: LicenceExceptionSection[];
}

/** The Part 738 and 740 tables a US determination reads, from one source. */
export interface UsCountryTables {
  chart: CountryChartSource;
  groups: CountryGroupsSource;
  exceptions: LicenceExceptionsSource;
}
