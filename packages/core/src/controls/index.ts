export * from './control-entry.ts';
export * from './check-citation.ts';
export * from './control-code.ts';
export * from './find-entry.ts';
export * from './crosswalk-curation.ts';
export * from './derive-crosswalk.ts';
export * from './classify-gaps.ts';
export * from './diff-control-lists.ts';
