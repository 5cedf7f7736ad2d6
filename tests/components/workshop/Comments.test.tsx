/**
 * Comments as the people in the room use them: every thread on the board, @mentions offered
 * while typing and reaching the person mentioned, and a comments panel that opens on what
 * someone asked for, never on a card nobody chose.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../../src/components/board/SidePanel';
import { Toolbar } from '../../../src/components/board/Toolbar';
import { addComment, addPainPoint, addTouchpoint, setThreadResolved } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { readWorkshop } from '../../../src/doc/workshop';
import type { BoardSession } from '../../../src/sync/boardSession';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';
import { claire, join, openAs, paul, vera, zoe, type Person } from './people';

const FRAIS = 'Je découvre des frais cachés';
const OFFRE = 'Je reçois une offre de bienvenue';
const FORM = 'Formulaire de devis trop long';

function board(person: Person, present: readonly Person[]) {
  const base = offlineSession();
  const { doc, journeyId } = base;
  const b = readBoard(doc);
  const place = { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id };
  const frais = addTouchpoint(doc, place, FRAIS, 'pain');
  const offre = addTouchpoint(doc, place, OFFRE, 'delight');
  const pain = addPainPoint(doc, journeyId, b.stages[0]!.id, { text: FORM });
  const session = openAs(base, person);
  join(session, present);
  return { session, doc, frais, offre, pain };
}

function show(session: BoardSession) {
  return render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <Toolbar />
        <SidePanel />
      </ReactFlowProvider>
    </WithSession>,
  );
}

beforeEach(() => useUiStore.setState({ panel: null, panelStageId: null, selectedId: null, commentTarget: null, editing: null }));

describe('opening « Commentaires »', () => {
  it('lists every thread instead of landing on a card nobody asked for', async () => {
    const b = board(claire, [paul]);
    addComment(b.doc, b.frais, paul, 'Les frais de port surprennent');
    show(b.session);
    // Earlier in the session: a thread opened, then a card created (and so selected).
    act(() => useUiStore.getState().openComments(b.frais));
    act(() => useUiStore.getState().openPanel('framing'));
    act(() => useUiStore.getState().select(b.offre));
    await userEvent.click(screen.getByRole('tab', { name: 'Commentaires' }));
    expect(screen.queryByRole('heading', { name: /^Commentaires sur/ })).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Tous les commentaires' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Les frais de port surprennent/ }));
    expect(screen.getByRole('heading', { name: `Commentaires sur « ${FRAIS} »` })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Tous les commentaires/ }));
    expect(screen.getByRole('heading', { name: 'Tous les commentaires' })).toBeInTheDocument();
  });
});

describe('the thread list', () => {
  it('shows every thread of the board, open or resolved, filtered', async () => {
    const b = board(claire, []);
    addComment(b.doc, b.frais, paul, 'À vérifier avec la logistique', [], 1000);
    addComment(b.doc, b.pain, zoe, 'Dix-huit champs, c’est trop', [], 2000);
    addComment(b.doc, b.pain, paul, 'On passe à cinq', [], 3000);
    setThreadResolved(b.doc, b.frais, true);
    show(b.session);
    await userEvent.click(screen.getByRole('button', { name: /^Commentaires/ }));
    const open = await screen.findByRole('list', { name: 'Ouverts' });
    expect(within(open).getAllByRole('listitem')).toHaveLength(1);
    expect(within(open).getByRole('button')).toHaveTextContent(`Irritant ${FORM}2 commentaires · OuvertPaul Participant : On passe à cinq`);
    await userEvent.click(screen.getByRole('button', { name: 'Résolus (1)' }));
    expect(within(screen.getByRole('list', { name: 'Résolus' })).getByRole('button')).toHaveTextContent(
      new RegExp(`Point de contact ${FRAIS}1 commentaire · Résolu`),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Tous (2)' }));
    expect(within(screen.getByRole('list', { name: 'Tous' })).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('@mentions', () => {
  it('offer the people on the board while typing, and keep who was mentioned', async () => {
    const b = board(claire, [paul, zoe, vera]);
    show(b.session);
    act(() => useUiStore.getState().openComments(b.frais));
    const field = await screen.findByRole('textbox', { name: 'Votre commentaire… (@ pour mentionner)' });
    await userEvent.type(field, 'Merci @');
    const people = screen.getByRole('listbox', { name: 'Personnes à mentionner' });
    expect(
      within(people)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['@Paul Participant', '@Vera Lectrice', '@Zoé Commerciale']);
    await userEvent.type(field, 'zo');
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['@Zoé Commerciale']);
    await userEvent.keyboard('{Enter}');
    expect(field).toHaveValue('Merci @Zoé Commerciale ');
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.type(field, 'et @p');
    await userEvent.click(screen.getByRole('option', { name: '@Paul Participant' }));
    await userEvent.type(field, 'pouvez-vous chiffrer ?');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const [comment] = readWorkshop(b.doc).comments;
    expect(comment?.text).toBe('Merci @Zoé Commerciale et @Paul Participant pouvez-vous chiffrer ?');
    expect([...comment!.mentionIds].sort()).toEqual([paul.id, zoe.id]);
  });

  it('reach the person mentioned: a badge, then the list of their mentions', async () => {
    const b = board(paul, [claire]);
    addComment(b.doc, b.pain, claire, 'Autre sujet', [], 1000);
    show(b.session);
    expect(screen.getByRole('button', { name: 'Commentaires' })).toBeInTheDocument();
    // Claire mentions Paul from her own screen.
    act(() => void addComment(b.doc, b.frais, claire, '@Paul Participant peux-tu vérifier ?', [paul], 2000));
    const button = screen.getByRole('button', { name: 'Commentaires — 1 mention non lue' });
    await userEvent.click(button);
    const mentions = await screen.findByRole('list', { name: 'Mes mentions' });
    expect(within(mentions).getByRole('button')).toHaveTextContent(
      `Nouveau Claire Animatrice vous a mentionné·e sur « ${FRAIS} »@Paul Participant peux-tu vérifier ?`,
    );
    // Seen: the badge goes, the mention stays listed.
    expect(screen.getByRole('button', { name: 'Commentaires' })).toBeInTheDocument();
    await userEvent.click(within(mentions).getByRole('button'));
    expect(screen.getByRole('heading', { name: `Commentaires sur « ${FRAIS} »` })).toBeInTheDocument();
  });

  it('are read but not written by a viewer', async () => {
    const b = board(vera, [claire]);
    addComment(b.doc, b.frais, claire, '@Vera Lectrice pour information', [vera]);
    show(b.session);
    await userEvent.click(screen.getByRole('button', { name: 'Commentaires — 1 mention non lue' }));
    await userEvent.click(within(await screen.findByRole('list', { name: 'Mes mentions' })).getByRole('button'));
    expect(screen.getByText('@Vera Lectrice pour information')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Envoyer|Marquer comme résolu|Supprimer/ })).toBeNull();
  });
});
