export * from './name-reference.ts';
export * from './default-name-reference.ts';
export * from './compile-name-reference.ts';
export * from './transliterate-name.ts';
export * from './han-readings.ts';
export * from './transcription-spellings.ts';
export * from './resolve-transcription.ts';
export * from './tokenize-name.ts';
export * from './normalize-name.ts';
export * from './name-parts.ts';
export * from './comma-names.ts';
export * from './arabic-reading.ts';
export { wadeGilesToPinyin } from './wade-giles.ts';
export * from './normalize-identifier.ts';
export * from './phonetic-key.ts';
export * from './spelling-fold.ts';
export * from './string-similarity.ts';
export * from './string-similarity-osa.ts';
export * from './simmetrics-jaro-winkler.ts';
export * from './compare-tokens.ts';
export { abjadFit, ABJAD_FIT_SIMILARITY } from './abjad-fit.ts';
export { abjadKey, abjadReadKeys, forEachAbjadFit, withAbjadFits } from './abjad-key.ts';
export * from './align-tokens.ts';
export * from './compare-joined.ts';
export * from './compare-names.ts';
export * from './screening-index.ts';
export * from './index-snapshot.ts';
export {
  buildColumnIndex,
  ColumnBuilder,
  columnBatchOf,
  columnPartyOf,
  deletionArraysOf,
  encodeBatch,
  snapshotOfParties,
  tokenFactColumns,
  type ColumnBatch,
  type ColumnName,
  type ColumnParty,
  type TokenFactColumns,
} from './build-snapshot.ts';
export * from './shared-snapshot.ts';
export { withColumnLookups } from './stored-columns.ts';
export { joinedAt, joinStrings, type JoinedStrings } from './packed-strings.ts';
export * from './token-weight.ts';
export * from './deletion-neighbourhood.ts';
export * from './expand-token.ts';
export * from './shared-expansions.ts';
export * from './find-candidates.ts';
export * from './name-score-bound.ts';
export * from './party-words.ts';
export { NAME_PARTICLES, rejoinParticles } from './name-particles.ts';
export { MIN_COMPOUND } from './compound-words.ts';
export { queryCoverageNeeded } from './query-coverage-needed.ts';
export { listedNameOrder } from './name-order.ts';
export * from './score-indexed-name.ts';
export * from './feature-table.ts';
export * from './name-features.ts';
export * from './syllable-conflicts.ts';
export * from './score-features.ts';
export * from './ofac-name-score.ts';
export * from './screen-party.ts';
export type * from './index-state.ts';
