/**
 * Dot voting as the people in the room see it: the facilitator's panel, the dots on the cards
 * and the printed poster, for a facilitator, participants and a viewer on one document.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CardWorkshopBadges } from '../../../src/components/canvas/CardWorkshopBadges';
import { PosterCard } from '../../../src/components/export/poster/PosterCard';
import { WorkshopPanel } from '../../../src/components/workshop/WorkshopPanel';
import { addTouchpoint, closeVote, openVote, placeDot, revealVote } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { translator } from '../../../src/i18n';
import type { BoardSession } from '../../../src/sync/boardSession';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';
import { claire, join, marc, openAs, paul, vera, zoe, type Person } from './people';

const FRAIS = 'Je découvre des frais cachés';
const OFFRE = 'Je reçois une offre de bienvenue';

/** A board with two touchpoints, opened by `person` while the others are present. */
function board(person: Person, present: readonly Person[]) {
  const base = offlineSession();
  const { doc, journeyId } = base;
  const b = readBoard(doc);
  const place = { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id };
  const frais = addTouchpoint(doc, place, FRAIS, 'pain');
  const offre = addTouchpoint(doc, place, OFFRE, 'delight');
  const session = openAs(base, person);
  join(session, present);
  return { session, doc, journeyId, frais, offre };
}

function show(session: BoardSession, ui: ReactNode) {
  return render(
    <WithSession session={session}>
      <ReactFlowProvider>{ui}</ReactFlowProvider>
    </WithSession>,
  );
}

/** The two cards of the board, each with its workshop badges. */
function Cards({ b }: { b: ReturnType<typeof board> }) {
  return (
    <>
      {[
        [FRAIS, b.frais],
        [OFFRE, b.offre],
      ].map(([text, id]) => (
        <article key={id} aria-label={text}>
          <CardWorkshopBadges targetId={id!} kind="touchpoints" journeyId={b.journeyId} text={text!} />
        </article>
      ))}
    </>
  );
}

const card = (text: string) => within(screen.getByRole('article', { name: text }));

beforeEach(() => useUiStore.setState({ panel: null, selectedId: null, commentTarget: null }));

describe('a hidden dot vote', () => {
  it('shows the facilitator how many have voted and who has not, without the results', () => {
    const b = board(claire, [paul, zoe, marc, vera]);
    const vote = openVote(b.doc, {
      title: 'Quels points de contact améliorer ?',
      target: 'touchpoints',
      journeyId: b.journeyId,
      dotsPerPerson: 3,
      hidden: true,
    });
    placeDot(b.doc, vote, claire.id, b.frais);
    placeDot(b.doc, vote, paul.id, b.frais);
    placeDot(b.doc, vote, zoe.id, b.offre);
    show(b.session, <WorkshopPanel />);
    const article = within(screen.getByRole('article', { name: 'Quels points de contact améliorer ?' }));
    // The viewer cannot vote, so is not counted.
    expect(article.getByText('3 participants sur 4 ont voté')).toBeInTheDocument();
    expect(article.getByText('Pas encore voté : Marc SAV')).toBeInTheDocument();
    expect(article.queryByText('Aucun point pour l’instant.')).toBeNull();
    // Nobody's choices leak before the reveal, not even to the facilitator.
    expect(article.queryByText(new RegExp(OFFRE))).toBeNull();
    act(() => placeDot(b.doc, vote, marc.id, b.offre));
    expect(article.getByText('4 participants sur 4 ont voté')).toBeInTheDocument();
    expect(article.queryByText(/Pas encore voté/)).toBeNull();
  });

  it('shows a participant their own dots and the count of voters, never the others’ dots', () => {
    const b = board(paul, [claire, zoe]);
    const vote = openVote(b.doc, { title: 'Vote', target: 'touchpoints', journeyId: b.journeyId, dotsPerPerson: 3, hidden: true });
    placeDot(b.doc, vote, zoe.id, b.offre);
    show(
      b.session,
      <>
        <WorkshopPanel />
        <Cards b={b} />
      </>,
    );
    expect(screen.getByText('1 participant sur 3 a voté')).toBeInTheDocument();
    expect(card(OFFRE).getByRole('group', { name: '0 point' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Révéler' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clore le vote' })).toBeNull();
  });
});

describe('the results of a vote', () => {
  it('rank the cards with large counts once revealed, and stay on the cards and the poster after the vote is closed', async () => {
    const b = board(claire, [paul, zoe]);
    const vote = openVote(b.doc, { title: 'Vote', target: 'touchpoints', journeyId: b.journeyId, dotsPerPerson: 3, hidden: true });
    placeDot(b.doc, vote, paul.id, b.offre);
    placeDot(b.doc, vote, zoe.id, b.offre);
    placeDot(b.doc, vote, zoe.id, b.frais);
    show(
      b.session,
      <>
        <WorkshopPanel />
        <Cards b={b} />
      </>,
    );
    expect(card(OFFRE).queryByText('n° 1')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Révéler' }));
    expect(card(OFFRE).getByRole('img', { name: 'Classé n° 1 avec 2 points' })).toHaveTextContent('2');
    expect(card(FRAIS).getByRole('img', { name: 'Classé n° 2 avec 1 point' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Clore le vote' }));
    expect(card(OFFRE).getByRole('img', { name: 'Classé n° 1 avec 2 points' })).toBeInTheDocument();
    // A closed vote takes no more dots.
    expect(card(OFFRE).queryByRole('button', { name: /Donner un point/ })).toBeNull();
    const touchpoint = readBoard(b.doc).touchpoints.find((x) => x.id === b.offre)!;
    const poster = show(b.session, <PosterCard touchpoint={touchpoint} t={translator('fr')} />);
    expect(poster.container.querySelector('.pc')).toHaveTextContent(/n° 1 · 2 points/);
    poster.unmount();

    await userEvent.click(screen.getByRole('button', { name: 'Retirer les résultats des cartes' }));
    expect(card(OFFRE).queryByRole('img')).toBeNull();
    // The results stay in the panel.
    expect(within(screen.getByRole('list', { name: 'Résultats' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('leave the cards when the facilitator starts a new vote', () => {
    const b = board(claire, [paul]);
    const first = openVote(b.doc, { title: 'Premier', target: 'touchpoints', journeyId: b.journeyId, dotsPerPerson: 3, hidden: false });
    placeDot(b.doc, first, paul.id, b.offre);
    closeVote(b.doc, first);
    show(b.session, <Cards b={b} />);
    expect(card(OFFRE).getByRole('img', { name: 'Classé n° 1 avec 1 point' })).toBeInTheDocument();
    act(() => void openVote(b.doc, { title: 'Second', target: 'painPoints', journeyId: b.journeyId, dotsPerPerson: 3, hidden: false }));
    expect(card(OFFRE).queryByRole('img')).toBeNull();
  });

  it('are seen by a viewer, who is offered no dot to give', () => {
    const b = board(vera, [claire, paul]);
    const vote = openVote(b.doc, { title: 'Vote', target: 'touchpoints', journeyId: b.journeyId, dotsPerPerson: 3, hidden: true });
    placeDot(b.doc, vote, paul.id, b.frais);
    revealVote(b.doc, vote);
    show(
      b.session,
      <>
        <WorkshopPanel />
        <Cards b={b} />
      </>,
    );
    expect(card(FRAIS).getByRole('img', { name: 'Classé n° 1 avec 1 point' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Donner un point|Retirer un point/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Révéler|Clore|Supprimer le vote|Retirer les résultats/ })).toBeNull();
  });
});

describe('opening a vote', () => {
  it('proposes a question that fits what is voted on, until the facilitator writes their own', async () => {
    const b = board(claire, []);
    show(b.session, <WorkshopPanel />);
    const question = screen.getByRole('textbox', { name: 'Question' });
    expect(question).toHaveValue('Quels irritants traiter en priorité ?');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Voter sur' }), 'touchpoints');
    expect(question).toHaveValue('Quels points de contact améliorer en priorité ?');
    await userEvent.clear(question);
    await userEvent.type(question, 'Nos moments de vérité ?');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Voter sur' }), 'painPoints');
    expect(question).toHaveValue('Nos moments de vérité ?');
  });

  it('is not offered to a participant', () => {
    const b = board(paul, [claire]);
    show(b.session, <WorkshopPanel />);
    expect(screen.queryByRole('button', { name: 'Ouvrir le vote' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Question' })).toBeNull();
  });
});
