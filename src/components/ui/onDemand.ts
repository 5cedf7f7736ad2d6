/**
 * Components whose code is downloaded the first time they are shown (React.lazy), so that the
 * first page does not carry dialogs and panels most visits never open.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The code of an on-demand component could not be downloaded (offline, or a newer version deployed since). */
export class CodeLoadError extends Error {
  constructor(cause: unknown) {
    super(`could not load part of the app: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CodeLoadError';
  }
}

/**
 * A component fetched on first render: `onDemand(() => import('./X').then((m) => m.X))`. Render
 * it inside <OnDemand>, which waits for it and reports a failed download as CodeLoadError.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint: any props
export function onDemand<C extends ComponentType<any>>(load: () => Promise<C>): LazyExoticComponent<C> {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (cause: unknown) => {
        throw new CodeLoadError(cause);
      },
    ),
  );
}
