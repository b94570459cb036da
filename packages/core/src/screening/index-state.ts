// What a screening index holds, written once here: adapters' `ScreeningService.state()` builds it,
// `GET /screen/index` answers it and the web app reads it.
import type { ListVersion } from '../model/list-version.ts';

/** The list versions an index was built from. */
export interface IndexState {
  versions: Pick<ListVersion, 'id' | 'source' | 'publishedAt' | 'recordCount'>[];
  parties: number;
  builtAt: string;
  buildSeconds: number;
  /** How the index was had: built from the store's parties, or loaded from its snapshot. */
  origin: 'built' | 'snapshot';
}
