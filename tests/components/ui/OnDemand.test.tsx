import { Component, type ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnDemand } from '../../../src/components/ui/OnDemand';
import { CodeLoadError, onDemand } from '../../../src/components/ui/onDemand';

function Greeting({ name }: { name: string }) {
  return <p>Bonjour {name}</p>;
}

/** Stands for the app root: what gets past OnDemand lands here. */
class Outer extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">outer: {String(this.state.error)}</p> : this.props.children;
  }
}

describe('OnDemand', () => {
  // React reports every error a boundary catches on the console; these are expected.
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('shows the component once its code has arrived, and what it was given meanwhile', async () => {
    let arrive!: (component: typeof Greeting) => void;
    const Lazy = onDemand(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    render(
      <OnDemand loading={<p role="status">Chargement</p>}>
        <Lazy name="Chloé" />
      </OnDemand>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Chargement');
    arrive(Greeting);
    expect(await screen.findByText('Bonjour Chloé')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the part could not be downloaded, and closes or reloads, when the download fails', async () => {
    const onClose = vi.fn();
    const Lazy = onDemand<typeof Greeting>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(
      <OnDemand onClose={onClose}>
        <Lazy name="Chloé" />
      </OnDemand>,
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Cette partie de Parcours n’a pas pu s’ouvrir' });
    expect(dialog).toHaveTextContent('le tableau et vos modifications sont conservés');
    // Focus goes to the gentler choice: an unexpected dialog should not reload on a stray Enter.
    expect(screen.getByRole('button', { name: 'Fermer' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('offers only the reload where there is nothing to close (a whole page)', async () => {
    const Lazy = onDemand<typeof Greeting>(() => Promise.reject(new Error('offline')));
    render(
      <OnDemand>
        <Lazy name="Chloé" />
      </OnDemand>,
    );
    await screen.findByRole('alertdialog');
    expect(screen.queryByRole('button', { name: 'Fermer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
  });

  it('leaves other errors to the boundaries above it', async () => {
    function Broken(): ReactNode {
      throw new RangeError('a bug, not a download');
    }
    const Lazy = onDemand(() => Promise.resolve(Broken));
    render(
      <Outer>
        <OnDemand onClose={() => undefined}>
          <Lazy />
        </OnDemand>
      </Outer>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('outer: RangeError: a bug, not a download');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('names the cause of a failed download', () => {
    const error = new CodeLoadError(new TypeError('Failed to fetch'));
    expect(error.message).toBe('could not load part of the app: Failed to fetch');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
