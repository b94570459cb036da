export * from './load-determination-data.ts';
export * from './load-country-facts.ts';
export * from './load-us-ear-tables.ts';
export * from './load-licensing-datasets.ts';
