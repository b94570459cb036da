import type { ListFormat } from './list-format.ts';
import { customCsvFormat } from './custom-csv/source.ts';
import { ecfr744Format } from './ecfr-744/source.ts';
import { euJournalCsvFormat } from './eu-journal-csv/source.ts';
import { ofacConsCsvFormat } from './ofac-cons-csv/source.ts';
import { ofacSdnCsvFormat } from './ofac-sdn-csv/source.ts';
import { ofacEnhancedXmlFormat } from './ofac-enhanced-xml/source.ts';
import { ukOfsiCsvFormat } from './uk-ofsi-csv/source.ts';
import { unScXmlFormat } from './un-sc-xml/source.ts';
import { jpMetiTextFormat } from './jp-meti-text/source.ts';
import { ftmJsonlFormat } from './ftm-jsonl/source.ts';
import { usCslCsvFormat, usCslJsonFormat } from './us-csl/source.ts';
import { bisDplFormat } from './bis-dpl/source.ts';
import { auDfatXlsxFormat } from './au-dfat-xlsx/source.ts';
import { caSemaXmlFormat } from './ca-sema-xml/source.ts';
import { openSanctionsCsvFormat } from './opensanctions-csv/source.ts';

/** Every restricted-party list format Entente reads, in the order `sync` tries them. */
export const LIST_FORMATS: readonly ListFormat[] = Object.freeze([
  ofacSdnCsvFormat,
  ofacConsCsvFormat,
  ofacEnhancedXmlFormat,
  usCslJsonFormat,
  usCslCsvFormat,
  bisDplFormat,
  ecfr744Format,
  unScXmlFormat,
  euJournalCsvFormat,
  auDfatXlsxFormat,
  caSemaXmlFormat,
  ukOfsiCsvFormat,
  jpMetiTextFormat,
  ftmJsonlFormat,
  openSanctionsCsvFormat,
  customCsvFormat,
]);
