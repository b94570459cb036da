export * from './ownership-graph.ts';
export * from './find-ownership-cycles.ts';
export * from './aggregate-listed-ownership.ts';
export * from './find-ownership-paths.ts';
export * from './ownership-rules.ts';
export * from './apply-ownership-rules.ts';
export * from './ownership-rules-for-party.ts';
export * from './find-ownership-alerts.ts';
