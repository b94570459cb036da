export * from './counterparty.ts';
export * from './check-identifier.ts';
export * from './register-problem.ts';
export * from './read-register-records.ts';
export * from './alert.ts';
export * from './reconcile-hits.ts';
export * from './monitor-run.ts';
export * from './screen-counterparty.ts';
