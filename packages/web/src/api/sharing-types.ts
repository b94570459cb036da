// Shapes of the sharing routes (denials, consultations): core's types, as the routes return them.
import type { DenialInput } from '@entente/core';

export { SHARING_GROUPS } from '@entente/core';
export type { Consultation, Denial, DenialInput } from '@entente/core';

/** One controlled item of a denial. */
export type DeniedItem = DenialInput['items'][number];

/** One party of a denied transaction. */
export type DenialParty = DenialInput['parties'][number];
