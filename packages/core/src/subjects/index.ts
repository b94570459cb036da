export * from './jurisdiction.ts';
export * from './listing.ts';
export * from './strong-evidence.ts';
export * from './name-links.ts';
export * from './resolve-subjects.ts';
export * from './listing-gaps.ts';
export * from './group-by-subject.ts';
export * from './clearance-of-match.ts';
