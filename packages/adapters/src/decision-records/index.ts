export { DecisionRecordStore } from './decision-record-store.ts';
export {
  assessAndRecord,
  type AssessmentServiceDeps,
  type DecisionActor,
  type RecordedAssessment,
} from './assess-and-record.ts';
export { partyScreener } from './party-screener.ts';
