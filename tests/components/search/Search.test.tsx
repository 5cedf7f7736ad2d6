import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Toolbar } from '../../../src/components/board/Toolbar';
import { SearchLayer } from '../../../src/components/search/SearchLayer';
import { addJourney, addLane, addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function setup(session = offlineSession()) {
  const view = render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <Toolbar />
        <SearchLayer />
      </ReactFlowProvider>
    </WithSession>,
  );
  return { session, ...view };
}

function seed() {
  const session = offlineSession();
  const board = readBoard(session.doc);
  const stage = board.stages.find((s) => s.journeyId === session.journeyId)!;
  const channel = board.channels.find((c) => c.journeyId === session.journeyId)!;
  const target = { journeyId: session.journeyId, stageId: stage.id, channelId: channel.id };
  addTouchpoint(session.doc, target, 'Je reçois le devis (PDF)', 'pain');
  addTouchpoint(session.doc, target, 'Relance commerciale', 'improvable');
  return session;
}

describe('search and filters', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', '/');
    useUiStore.setState({ searchOpen: false, filtersOpen: false, filters: {}, panel: null });
  });

  it('opens with Ctrl+K, finds text whatever its accents, takes brackets as written, and says when nothing matches', async () => {
    setup(seed());
    expect(screen.queryByRole('dialog', { name: 'Rechercher dans le tableau' })).toBeNull();
    await userEvent.keyboard('{Control>}k{/Control}');
    const box = screen.getByRole('searchbox', { name: 'Texte recherché' });
    expect(box).toHaveFocus();
    await userEvent.type(box, 'RECOIS LE DEVIS (PDF');
    const results = await screen.findByRole('list', { name: 'Résultats' });
    const found = within(results).getAllByRole('button');
    expect(found).toHaveLength(1);
    expect(found[0]).toHaveTextContent('Point de contact');
    expect(found[0]).toHaveTextContent('Je reçois le devis (PDF)');
    expect(screen.getByRole('status')).toHaveTextContent('1 résultat');
    await userEvent.clear(box);
    await userEvent.type(box, '.*');
    expect(await screen.findByText('Rien ne correspond à « .* ».')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('opens with « / » and names the journey of a match found in another one', async () => {
    const session = seed();
    const other = addJourney(session.doc, { name: 'Parcours cible', kind: 'target' });
    const stageId = addLane(session.doc, 'stages', other, 'Achat');
    const channelId = addLane(session.doc, 'channels', other, 'Site web');
    addTouchpoint(session.doc, { journeyId: other, stageId, channelId }, 'Je signe le devis en ligne');
    setup(session);
    await userEvent.keyboard('/');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Texte recherché' }), 'devis');
    const found = within(await screen.findByRole('list', { name: 'Résultats' })).getAllByRole('button');
    expect(found).toHaveLength(2);
    // Matches come in the board's order; only the one in the other journey names it.
    const elsewhere = found.filter((b) => b.textContent?.includes('Je signe le devis en ligne'));
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).toHaveTextContent('dans « Parcours cible »');
    expect(found.find((b) => b !== elsewhere[0])).not.toHaveTextContent('dans «');
  });

  it('dims the cards the filters leave out, says when none passes and offers to clear them', async () => {
    const { session } = setup(seed());
    const pain = readBoard(session.doc).touchpoints.find((t) => t.text.startsWith('Je reçois'))!;
    await userEvent.click(screen.getByRole('button', { name: 'Filtres' }));
    const panel = screen.getByRole('dialog', { name: 'Filtrer les cartes' });
    await userEvent.click(within(within(panel).getByRole('group', { name: 'Évaluation' })).getByRole('checkbox', { name: 'Irritant' }));
    expect(within(panel).getByRole('status')).toHaveTextContent(/^1 carte sur \d+ correspond aux filtres\./);
    const style = screen.getByTestId('filter-dimming').textContent!;
    expect(style).toContain(`[data-id="tp:${pain.id}"]`);
    expect(screen.getByRole('button', { name: 'Filtres (1)' })).toBeInTheDocument();
    // The pain-point card is written as the customer: no card is both.
    await userEvent.click(within(panel).getByRole('checkbox', { name: 'Pas écrites en « Je … »' }));
    expect(within(panel).getByRole('status')).toHaveTextContent('Aucune carte de ce parcours ne correspond à ces filtres.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fermer les filtres' }));
    // With the panel closed the canvas still says it, with the way out.
    expect(screen.getByRole('status')).toHaveTextContent('Aucune carte de ce parcours ne correspond à ces filtres.');
    await userEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByTestId('filter-dimming')).toBeNull();
    expect(screen.getByRole('button', { name: 'Filtres' })).toBeInTheDocument();
  });

  it('keeps each person’s filters in this browser, so a reload finds them again', async () => {
    const session = seed();
    const first = setup(session);
    await userEvent.click(screen.getByRole('button', { name: 'Filtres' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Moments de vérité' }));
    first.unmount();
    // A reload: the page's state is gone, the browser's storage is not.
    act(() => useUiStore.setState({ filters: {}, filtersOpen: false }));
    setup(session);
    expect(screen.getByRole('button', { name: 'Filtres (1)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Filtres (1)' }));
    expect(screen.getByRole('checkbox', { name: 'Moments de vérité' })).toBeChecked();
    // Nothing of it went into the shared document.
    expect(JSON.stringify(session.doc.toJSON())).not.toContain('momentOfTruth":true');
  });
});
