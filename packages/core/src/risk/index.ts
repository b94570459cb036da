export * from './score-risk.ts';
