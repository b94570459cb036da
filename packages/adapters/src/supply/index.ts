export {
  BOM_CSV_COLUMNS,
  REQUIRED_BOM_COLUMNS,
  columnOfField,
  type BomCsvColumn,
} from './bom-csv-columns.ts';
export { parseBomCsv } from './parse-bom-csv.ts';
export { readBomFile, readBom, validateBomFile, locateBomError } from './read-bom.ts';
export { buildSupplyData, supplyDataOf, readChplDate } from './build-supply-data.ts';
export {
  loadSupplyScenarios,
  selectScenarios,
  SUPPLY_SCENARIOS_DIR,
  type ScenarioLibrary,
} from './load-supply-scenarios.ts';
