export { parseCcl } from './parse-ccl.ts';
export { readCclJson, type CclFiles } from './ccl/read-ccl-json.ts';
export { parseEcfr774 } from './ccl/parse-ecfr-774.ts';
export { readCclSource, ECFR_774_FILE } from './ccl/read-ccl-source.ts';
export { controlledParagraphs } from './ccl/ccl-paragraphs.ts';
export { readEcfrManifest, writeEcfrManifest, ECFR_MANIFEST, type EcfrFetch } from './ccl/ecfr-manifest.ts';
export type { CclSource, CclSourceEntry, CclItem } from './ccl/ccl-source.ts';
export { scopeReason, reasonsForParagraph, type ScopedReason } from './ccl-reason-scope.ts';
export { parseUsml } from './parse-usml.ts';
export { parseRegimeTree, type RegimeTreeFile } from './parse-regime-tree.ts';
export { readControlDatasets, CONTROL_DATASETS_DIR } from './read-control-datasets.ts';
export {
  loadControlLists,
  readAllControlLists,
  latestVersions,
  type ControlLoadReport,
} from './load-control-lists.ts';
export { classifyEntries, type ClassifyHit } from './classify-entries.ts';
export { ControlCatalogue, CONTROL_LIST_IDS, parseEntryId } from './control-catalogue.ts';
export { catalogueLookup, catalogueSuggest } from './catalogue-entry-lookup.ts';
export {
  openControlCatalogue,
  ControlCatalogueSource,
  catalogueOptionsOf,
  type OpenedCatalogue,
  type CatalogueOptions,
} from './open-control-catalogue.ts';
export { entryHistory, readControlListVersion, type EntryInVersion } from './control-list-history.ts';
export { findGaps, parseJurisdictions } from './find-gaps.ts';
export { classifyProduct, expandDescription, PRODUCT_SYNONYMS } from './classify-product.ts';
export { describeControlEntry } from './describe-control-entry.ts';
