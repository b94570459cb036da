export {
  MonitorService,
  type MonitorOptions,
  type MonitorStoreAccess,
  type RunRequest,
} from './monitor-service.ts';
export { RegisterStore, type RegisterImportResult, type RegisterEntry } from './register-store.ts';
export {
  AlertStore,
  type AlertChange,
  type AlertFilter,
  type StoredHit,
  type HitMatch,
  STALLED_RUN_SECONDS,
} from './alert-store.ts';
export {
  readRegisterText,
  readRegisterFile,
  registerFormatOf,
  MAX_REGISTER_BYTES,
} from './read-register-file.ts';
export {
  runMonitoring,
  buildRegisterIndex,
  candidateCounterparties,
  runTarget,
  CANDIDATE_THRESHOLD,
} from './run-monitoring.ts';
