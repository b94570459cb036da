export {
  MonitorService,
  type MonitorOptions,
  type MonitorStoreAccess,
  type RunRequest,
} from './monitor-service.ts';
export { RegisterStore, type RegisterImportResult, type RegisterEntry } from './register-store.ts';
export { AlertStore, type AlertChange, type AlertFilter } from './alert-store.ts';
export { MonitorRunStore, STALLED_RUN_SECONDS } from './monitor-run-store.ts';
export type { StoredHit, HitMatch, NewAlert, RunOutcome } from './monitor-records.ts';
export {
  readRegisterText,
  readRegisterFile,
  registerFormatOf,
  MAX_REGISTER_BYTES,
} from './read-register-file.ts';
export { runMonitoring, buildRegisterIndex, candidateCounterparties, runTarget } from './run-monitoring.ts';
