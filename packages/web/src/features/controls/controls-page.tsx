import { PageHeader } from '../../components/page-header.tsx';
import type { Route } from '../../router.ts';
import { ClassifySearch } from './classify-search.tsx';
import { EntryLookup } from './entry-lookup.tsx';
import { EntryPage } from './entry-page.tsx';
import { ListCatalogue } from './list-catalogue.tsx';
import { ListTree } from './list-tree.tsx';

/** Control lists: the catalogue, one list as a tree, one entry with its counterparts, and product classification. */
export default function ControlsPage({ route }: { route: Route }) {
  const [, list, ...rest] = route.parts;
  if (list && rest.length) return <EntryPage list={list} code={rest.join('/')} />;
  if (list) return <ListTree list={list} />;
  return (
    <>
      <PageHeader
        title="Control lists"
        lede="How each ally controls an item, cross-walked entry by entry with the regimes behind them."
      />
      <div className="two-col">
        <ClassifySearch initial={route.query.get('q') ?? ''} />
        <EntryLookup />
      </div>
      <ListCatalogue />
    </>
  );
}
