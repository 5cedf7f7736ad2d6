import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccessDenied } from '../../../src/components/ui/AccessDenied';
import { AccessError, OfflineError } from '../../../src/sync/access';

/** The page shown for a refusal: its heading and its text. */
function page(error: AccessError): { heading: string; text: string } {
  const { unmount } = render(<AccessDenied error={error} />);
  const alert = screen.getByRole('alert');
  const shown = { heading: screen.getByRole('heading', { level: 1 }).textContent ?? '', text: alert.textContent ?? '' };
  expect(screen.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '/');
  unmount();
  return shown;
}

describe('a board that does not open', () => {
  it('says a mistyped address is no board, that nothing was erased, and leads home', () => {
    const shown = page(new AccessError(404, 'no such board'));
    expect(shown.heading).toBe('Ce tableau n’existe pas');
    expect(shown.text).toContain('le lien a sans doute été mal copié ou coupé');
    expect(shown.text).toContain('Rien n’a été créé ni effacé');
  });

  it('says the address alone does not open a protected board, and what link to ask for', () => {
    const shown = page(new AccessError(401, 'token required'));
    expect(shown.heading).toBe('Un lien d’accès est nécessaire');
    expect(shown.text).toContain('Ce tableau ne s’ouvre pas par sa seule adresse');
    expect(shown.text).toContain('un lien participant pour contribuer, un lien lecture seule pour regarder');
  });

  it('says a revoked link was revoked, and an expired one expired, each with a new link to ask for', () => {
    const revoked = page(new AccessError(403, 'token revoked'));
    expect(revoked.heading).toBe('Votre lien a été révoqué');
    expect(revoked.text).toContain('Demandez un nouveau lien à l’animateur·rice.');
    const expired = page(new AccessError(403, 'token expired'));
    expect(expired.heading).toBe('Votre lien a expiré');
    expect(expired.text).toContain('Demandez un nouveau lien');
    expect(page(new AccessError(403, 'token for another board')).heading).toBe('Ce lien ne donne plus accès au tableau');
  });

  it('says offline when the relay gave no answer', () => {
    expect(page(new OfflineError()).heading).toBe('Pas de connexion');
  });
});
