import { Component, Suspense, type ReactNode } from 'react';
import { CodeLoadFailed } from './CodeLoadFailed';
import { CodeLoadError } from './onDemand';

interface OnDemandProps {
  children: ReactNode;
  /** Shown while the code downloads (nothing by default: it is usually a fraction of a second). */
  loading?: ReactNode;
  /** Dismisses what was being opened; without it, the only way on is a reload. */
  onClose?: () => void;
}

/**
 * Where an on-demand component (see onDemand) is rendered: waits for its code, and if the
 * download fails says so with a way to reload, instead of the whole page going blank. Other
 * errors are not its business and go on up.
 */
export class OnDemand extends Component<OnDemandProps, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    // A boundary cannot catch what its own render throws: the error reaches the next one up.
    if (error !== null && !(error instanceof CodeLoadError)) throw error;
    if (error) return <CodeLoadFailed onClose={this.props.onClose} />;
    return <Suspense fallback={this.props.loading ?? null}>{this.props.children}</Suspense>;
  }
}
