export * from './errors.ts';
export * from './model/party.ts';
export * from './model/list-version.ts';
export type * from './ports/party-list-store.ts';
export type * from './ports/store.ts';
export type * from './ports/clock.ts';
export * from './geo/country-codes.ts';
export * from './text/detect-script.ts';
