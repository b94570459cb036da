import type {
  CountryChartSource,
  CountryGroupsSource,
  EarCitation,
  LicenceExceptionsSource,
} from './ear-tables-source.ts';

interface ChartJson {
  citation?: string;
  ecfrIssueDate?: string;
  source?: { url?: string };
  columns?: string[];
  countries: Record<string, { marks: string[]; footnotes: number[] }>;
  embargoed: Record<string, { pointer: string; footnotes: number[] }>;
  footnotes: Record<string, string>;
}
interface GroupsJson {
  citation?: string;
  ecfrIssueDate?: string;
  source?: { url?: string };
  groups: Record<string, string[]>;
}
interface CatalogueJson {
  citation?: string;
  ecfrIssueDate?: string;
  source?: { url?: string };
  exceptions: { section: string; sectionNumber?: string; symbols: string[]; title: string }[];
}

const where = (file: string, json: { source?: { url?: string } }) =>
  json.source?.url
    ? `mirror controls/us/${file} (derived from ${json.source.url})`
    : `mirror controls/us/${file}`;

/** The Country Chart of the mirror's derived `country-chart.json`, in the shape the eCFR reader gives. */
export function chartFromMirrorJson(text: string, file = 'country-chart.json'): CountryChartSource {
  const json = JSON.parse(text) as ChartJson;
  const act = '15 CFR Part 738, Supplement No. 1 (Commerce Country Chart)';
  const issueDate = json.ecfrIssueDate ?? '';
  const readFrom = where(file, json);
  const cite = (name: string): EarCitation => ({
    act,
    paragraph: `Supplement No. 1 to Part 738, row "${name}"`,
    issueDate,
    readFrom,
  });
  const rows = [
    ...Object.entries(json.countries).map(([name, r]) => ({
      name,
      marks: r.marks.map((m) => m.replace(/\s+/g, '')),
      footnotes: r.footnotes,
      source: cite(name),
    })),
    ...Object.entries(json.embargoed).map(([name, r]) => ({
      name,
      marks: [],
      footnotes: r.footnotes,
      pointer: r.pointer,
      source: cite(name),
    })),
  ];
  const columns = (json.columns ?? []).map((c) => c.replace(/\s+/g, ''));
  return { act, issueDate, readFrom, columns, rows, footnotes: json.footnotes };
}

/** The Country Groups of the mirror's derived `country-groups.json`. */
export function groupsFromMirrorJson(text: string, file = 'country-groups.json'): CountryGroupsSource {
  const json = JSON.parse(text) as GroupsJson;
  const act = '15 CFR Part 740, Supplement No. 1 (Country Groups)';
  const issueDate = json.ecfrIssueDate ?? '';
  const readFrom = where(file, json);
  const sources = Object.fromEntries(
    Object.keys(json.groups).map((g) => [
      g,
      { act, paragraph: `Supplement No. 1 to Part 740, Country Group ${g}`, issueDate, readFrom },
    ]),
  );
  return { act, issueDate, readFrom, groups: json.groups, sources };
}

/** The licence exceptions of the mirror's derived `license-exception-catalog.json`. */
export function exceptionsFromMirrorJson(
  text: string,
  file = 'license-exception-catalog.json',
): LicenceExceptionsSource {
  const json = JSON.parse(text) as CatalogueJson;
  const act = '15 CFR Part 740 (License Exceptions)';
  const issueDate = json.ecfrIssueDate ?? '';
  const readFrom = where(file, json);
  return {
    act,
    issueDate,
    readFrom,
    exceptions: json.exceptions.map((x) => {
      const sectionNumber = x.sectionNumber ?? x.section.replace(/^.*§\s*/, '');
      return { ...x, sectionNumber, source: { act, paragraph: `§ ${sectionNumber}`, issueDate, readFrom } };
    }),
  };
}
