export {
  parseEcfrXml,
  isEcfrElement,
  childElements,
  findElements,
  type EcfrElement,
  type EcfrNode,
} from './ecfr-node.ts';
export { textOfEcfr, type EcfrTextOptions } from './ecfr-text.ts';
export { readEcfrTable, extractEcfrTables, type EcfrTable, type EcfrTableRow } from './ecfr-tables.ts';
export { readEcfrDivision, findEcfrDivision, type EcfrDivision } from './ecfr-document.ts';
export { ecfrCurrentDate, findFederalRegisterDates } from './ecfr-dates.ts';
