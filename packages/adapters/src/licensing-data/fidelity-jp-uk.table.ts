/**
 * Facts of the Japanese list and the UK national entries, each naming the provision it comes
 * from. Read by fidelity-jp-uk.test.ts against the real loaders; see
 * docs/decisions/2026-12-04-jp-uk-list-facts.md for where each provision was read.
 */
import type { FidelityRow } from './fidelity-eu-jp.table.ts';

const TABLE_1 = 'Export Trade Control Order, Appended Table 1';
const BULK = '包括許可取扱要領 I-III';
const PL90 = 'ECO 2008 Sch. 3 (as inserted 2024; law-firm summary, unverified)';

/** Rows 1–15: the destination column reads 全地域 (all regions), so a Group A destination needs a licence too. */
const allRegions: FidelityRow[] = [
  '1',
  '2',
  '3',
  '3-2',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
].map((row) => ({
  jurisdiction: 'JP',
  item: row,
  to: 'US',
  outcome: 'licence-required',
  provision: `${TABLE_1} row ${row}, destination column (全地域)`,
}));

/** Row 16 and the numbered items, determined as the Order's text reads. */
const items: FidelityRow[] = [
  {
    jurisdiction: 'JP',
    item: '16',
    to: 'US',
    outcome: 'not-controlled',
    provision: `${TABLE_1} row 16, destination column (all regions except Appended Table 3)`,
  },
  {
    jurisdiction: 'JP',
    item: '16',
    to: 'CN',
    outcome: 'not-controlled',
    provision:
      'Export Trade Control Order Art. 4(1)(iii)-(iv) (row 16 exempt unless the end-use conditions are met)',
  },
  {
    jurisdiction: 'JP',
    item: '16',
    to: 'CN',
    endUse: 'military',
    outcome: 'licence-required',
    provision:
      'Export Trade Control Order Art. 4(1)(iii)(c) (row 16, use for row 1 goods outside Appended Table 3)',
  },
  {
    jurisdiction: 'JP',
    item: '1.1',
    to: 'US',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'not-available' },
    because: ['JP-GENERAL-BULK', '1 is excluded'],
    provision: `${TABLE_1} row 1 item (1); ${BULK}`,
  },
  {
    jurisdiction: 'JP',
    item: '1.13-2',
    to: 'GB',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'not-available' },
    provision: `${TABLE_1} row 1 item (13-2); ${BULK}`,
  },
  {
    jurisdiction: 'JP',
    item: '7.16',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'to-check' },
    because: ['JP-GENERAL-BULK', 'destination CN'],
    provision: `${TABLE_1} row 7 item (16); ${BULK}`,
  },
  {
    jurisdiction: 'JP',
    item: '7.16',
    to: 'US',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'to-check' },
    provision: `${TABLE_1} row 7 item (16); ${BULK}`,
  },
  {
    jurisdiction: 'JP',
    item: '2.12',
    to: 'GB',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'to-check' },
    provision: `${TABLE_1} row 2 item (12)`,
  },
  {
    jurisdiction: 'JP',
    item: '3-2.2',
    to: 'KR',
    outcome: 'licence-required',
    provision: `${TABLE_1} row 3-2 item (2)`,
  },
  {
    jurisdiction: 'JP',
    item: '6.10',
    to: 'RU',
    outcome: 'licence-required',
    provision: `${TABLE_1} row 6 item (10)`,
  },
];

/** UK national entries PL9013–PL9015: a licence to every destination, shown as unverified. */
const ukNational: FidelityRow[] = [
  ['PL9013', 'US'],
  ['PL9014', 'JP'],
  ['PL9015', 'AU'],
].map(([item, to]) => ({
  jurisdiction: 'UK',
  item: item as string,
  to: to as string,
  outcome: 'licence-required',
  provision: `${PL90} entry ${item as string}`,
}));

/** Every determination row of this suite. */
export const JP_UK_ROWS: FidelityRow[] = [...allRegions, ...items, ...ukNational];

/** Numbered items per row of Appended Table 1 as read (deleted items left out). */
export const JP_ITEMS_PER_ROW: Record<string, number> = {
  '1': 18,
  '2': 54,
  '3': 3,
  '3-2': 2,
  '4': 30,
  '5': 18,
  '6': 10,
  '7': 32,
  '9': 13,
  '10': 18,
  '11': 6,
  '12': 10,
  '13': 6,
  '14': 9,
  '15': 11,
};

/** Items the Order marks deleted (削除): not entries. */
export const JP_DELETED = ['5.2', '5.9', '9.4', '9.9', '14.4', '14.8'];

/** A word of the Order's text each item's heading must carry. */
export const JP_ITEM_TEXT: [code: string, text: string][] = [
  ['7.16', '半導体素子、集積回路若しくは半導体物質の製造用の装置'],
  ['7.15-3', '極低温用に設計した冷却装置'],
  ['7.1', '集積回路'],
  ['6.10', '積層造形用の装置'],
  ['6.2', '数値制御を行うことができる工作機械'],
  ['9.7', '暗号装置'],
  ['4.1-2', '無人航空機'],
  ['2.50', 'ヘリウム三'],
  ['13.2', '人工衛星その他の宇宙開発用の飛しょう体'],
  ['15.6', '宇宙用に設計した光検出器'],
  ['3-2.1', '軍用の細菌製剤'],
  ['1.17', '軍用人工衛星'],
];
