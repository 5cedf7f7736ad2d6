import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VersionDiff } from '../../../src/components/versions/VersionDiff';
import { diffBoards } from '../../../src/model/boardDiff';
import { board, journey, lane, touchpoint } from '../../helpers/records';

const saved = board({
  journeys: [journey({ id: 'j', name: 'Parcours existant' })],
  stages: [lane({ id: 's', name: 'Achat' })],
  channels: [lane({ id: 'c', name: 'Site web' })],
  touchpoints: [
    touchpoint({ id: 't', text: 'Je découvre des frais', evaluation: 'pain' }),
    touchpoint({ id: 'u', text: 'Je paie', order: '2' }),
  ],
});

describe('comparing a version with the board', () => {
  it('says which record changed, which field, and old → new', () => {
    const now = {
      ...saved,
      touchpoints: [
        { ...saved.touchpoints[0]!, text: 'Je vois le prix total', evaluation: 'delight' as const, momentOfTruth: true },
        { ...saved.touchpoints[1]!, order: '0' },
      ],
    };
    render(<VersionDiff diff={diffBoards(saved, now)} name="v1 2024" />);
    const region = screen.getByRole('region', { name: 'Depuis « v1 2024 »' });
    const touchpoints = within(region).getAllByRole('listitem')[0]!;
    expect(touchpoints).toHaveTextContent(/^Points de contact : 2 modifications/);
    const records = within(touchpoints).getAllByRole('list')[0]!.children;
    expect(records).toHaveLength(2);
    const [rewritten, moved] = [...records] as HTMLElement[];
    expect(rewritten).toHaveTextContent(/^« Je vois le prix total »/);
    expect(
      within(rewritten!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'texte : « Je découvre des frais » → « Je vois le prix total »',
      'évaluation : Irritant → Enchantement',
      'moment de vérité : non → oui',
    ]);
    expect(moved).toHaveTextContent('« Je paie »déplacé');
  });

  it('says so when nothing changed', () => {
    render(<VersionDiff diff={diffBoards(saved, saved)} name="v1 2024" />);
    expect(screen.getByText('Aucune différence avec le tableau actuel.')).toBeVisible();
  });
});
