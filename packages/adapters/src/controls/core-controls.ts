/** The core control-list API, imported in one place. */
export * from '@entente/core';
