// Core's sharing rules, imported in one place.
export * from '@entente/core';
