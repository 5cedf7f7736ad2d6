import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePageCode } from '../../../src/hooks/usePageCode';

function Greeting({ name }: { name: string }) {
  return <p>Bonjour {name}</p>;
}

function Page({ load }: { load: () => Promise<typeof Greeting> }) {
  const { code: Code, failed } = usePageCode(load);
  if (failed) return <p role="alert">échec</p>;
  return Code ? <Code name="Chloé" /> : <p role="status">Chargement</p>;
}

describe('usePageCode', () => {
  it('shows the page once its code has arrived, and at once when it is opened again', async () => {
    let arrive!: (component: typeof Greeting) => void;
    let downloads = 0;
    const load = () => {
      downloads++;
      return new Promise<typeof Greeting>((resolve) => (arrive = resolve));
    };
    const first = render(<Page load={load} />);
    expect(screen.getByRole('status')).toHaveTextContent('Chargement');
    arrive(Greeting);
    expect(await screen.findByText('Bonjour Chloé')).toBeInTheDocument();
    first.unmount();
    render(<Page load={load} />);
    expect(screen.getByText('Bonjour Chloé')).toBeInTheDocument();
    expect(downloads).toBe(1);
  });

  it('says the download failed', async () => {
    render(<Page load={() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('échec');
  });
});
