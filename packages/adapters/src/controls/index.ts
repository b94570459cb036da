export { parseCcl, type CclFiles } from './parse-ccl.ts';
export { scopeReason, reasonsForParagraph, type ScopedReason } from './ccl-reason-scope.ts';
export { parseUsml } from './parse-usml.ts';
export { parseRegimeTree, type RegimeTreeFile } from './parse-regime-tree.ts';
export { readControlDatasets, CONTROL_DATASETS_DIR } from './read-control-datasets.ts';
export { loadControlLists, readAllControlLists, latestVersions, type ControlLoadReport } from './load-control-lists.ts';
export { classifyEntries, type ClassifyHit } from './classify-entries.ts';
