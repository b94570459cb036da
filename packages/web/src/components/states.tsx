import type { ReactNode } from 'react';

/** A loading indicator announced to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** What to show when there is nothing to show, with an optional hint. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

/** An error from the API, as a readable message with an optional retry. */
export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const code = (error as { code?: string }).code;
  return (
    <div className="state state-error" role="alert">
      <strong>{titleOf(code)}</strong>
      <div>{error.message}</div>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function titleOf(code: string | undefined): string {
  switch (code) {
    case 'invalid-input':
      return 'Please check the form';
    case 'not-found':
      return 'Not found';
    case 'forbidden':
      return 'Not allowed';
    case 'unauthenticated':
      return 'Please sign in again';
    case 'network-error':
      return 'No connection';
    case 'not-available':
      return 'Not available on this server';
    default:
      return 'Something went wrong';
  }
}

/** Renders loading, error or the content of an API read, in that order. */
export function Async<T>({
  state,
  children,
  loadingLabel,
}: {
  state: { data: T | undefined; error: Error | undefined; loading: boolean; reload?: () => void };
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (state.error)
    return <ErrorMessage error={state.error} {...(state.reload ? { onRetry: state.reload } : {})} />;
  if (state.loading || state.data === undefined)
    return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  return <>{children(state.data)}</>;
}
