import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CsvImportDialog } from '../../../src/components/data/CsvImportDialog';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { touchpointsCsv } from '../../../src/model/touchpointCsv';
import { FR } from '../../helpers/csvLabels';
import { useUiStore } from '../../../src/store';
import { WithSession, offlineSession } from '../../helpers/session';

const CSV = [
  'Étape;Canal;Texte;Évaluation;Moment de vérité',
  'Découverte;Site web;"Je lis l’article ; puis je clique";vert;oui',
  'Livraison;Email;Je reçois le colis 📦;Irritant;',
  'Achat;Fax;Je faxe;;',
  'Achat;Email;;;',
  'Achat;Email;Je paie;violet;',
].join('\r\n');

function setup(before: (session: ReturnType<typeof offlineSession>) => void = () => {}) {
  const session = offlineSession();
  before(session);
  const onClose = vi.fn();
  render(
    <WithSession session={session}>
      <CsvImportDialog journeyId={session.journeyId} onClose={onClose} />
    </WithSession>,
  );
  return { session, onClose, dialog: screen.getByRole('dialog', { name: 'Importer des points de contact' }) };
}

describe('CsvImportDialog', () => {
  it('previews what will be added and lists rejected rows with line numbers, before anything changes', async () => {
    const { session, dialog } = setup();
    await userEvent.upload(within(dialog).getByLabelText('Fichier CSV'), new File([CSV], 'points.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByText('3 points de contact seront ajoutés.')).toBeInTheDocument();
    expect(within(dialog).getByText('Nouvelles étapes : Livraison')).toBeInTheDocument();
    expect(within(dialog).getByText('Nouveaux canaux : Fax')).toBeInTheDocument();
    expect(within(dialog).getByRole('table')).toHaveTextContent('Je lis l’article ; puis je clique');
    const rejected = within(dialog).getByRole('list', { name: 'Lignes refusées (2)' });
    expect(rejected).toHaveTextContent('Ligne 5 : texte vide');
    expect(rejected).toHaveTextContent('Ligne 6 : évaluation non reconnue « violet »');
    expect(readBoard(session.doc).touchpoints).toHaveLength(0);
  });

  it('rejects unknown lanes when asked not to create them, then applies as one undo step', async () => {
    const { session, dialog, onClose } = setup();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Créer les étapes et canaux inconnus' }));
    await userEvent.upload(within(dialog).getByLabelText('Fichier CSV'), new File([CSV], 'points.csv'));
    expect(await within(dialog).findByText('1 point de contact sera ajouté.')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Lignes refusées (4)' })).toHaveTextContent('Ligne 3 : étape inconnue « Livraison »');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter 1 point de contact' }));
    expect(onClose).toHaveBeenCalled();
    expect(readBoard(session.doc).touchpoints.map((t) => [t.text, t.evaluation, t.momentOfTruth])).toEqual([['Je lis l’article ; puis je clique', 'delight', true]]);
    session.undo.undo();
    expect(readBoard(session.doc).touchpoints).toHaveLength(0);
  });

  it('stops on a file it cannot read, naming the missing columns', async () => {
    const { dialog } = setup();
    await userEvent.upload(within(dialog).getByLabelText('Fichier CSV'), new File(['Étape,Canal\nAchat,Email'], 'x.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Colonnes obligatoires absentes : Texte.');
    expect(within(dialog).getByRole('button', { name: /Ajouter/ })).toBeDisabled();
  });

  it('cuts an over-long text to a card’s limit, says so before and after, and adds the card', async () => {
    const { session, dialog } = setup();
    const csv = `Étape;Canal;Texte\nAchat;Email;Je ${'x'.repeat(3000)}\n`;
    await userEvent.upload(within(dialog).getByLabelText('Fichier CSV'), new File([csv], 'long.csv'));
    expect(await within(dialog).findByText('1 texte plus long que 500 caractères sera coupé à cette longueur.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter 1 point de contact' }));
    expect(readBoard(session.doc).touchpoints.map((t) => t.text.length)).toEqual([500]);
    expect(useUiStore.getState().notice?.text).toBe('1 point de contact ajouté. 1 texte coupé à 500 caractères. Ctrl+Z pour annuler.');
  });

  it('finds the cards of a re-imported export instead of adding them twice, and updates the changed ones when asked', async () => {
    const cards: string[] = [];
    const { session, dialog } = setup((s) => {
      const b = readBoard(s.doc);
      const at = { journeyId: s.journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id };
      cards.push(addTouchpoint(s.doc, at, 'Je lis un avis', 'delight'), addTouchpoint(s.doc, at, 'Je compare', 'improvable'));
    });
    const csv = touchpointsCsv(readBoard(session.doc), session.journeyId, FR, ';').replace('Je compare;À améliorer', 'Je compare;Irritant');
    await userEvent.upload(within(dialog).getByLabelText('Fichier CSV'), new File([csv], 'export.csv'));
    expect(await within(dialog).findByText('0 point de contact sera ajouté.')).toBeInTheDocument();
    expect(within(dialog).getByText(/2 lignes correspondent à des points de contact déjà présents/)).toBeInTheDocument();
    const changes = within(dialog).getByRole('group', { name: '1 de ces points de contact diffère du fichier' });
    expect(within(changes).getByRole('list')).toHaveTextContent('Ligne 3 : « Je compare » (évaluation)');
    await userEvent.click(within(changes).getByRole('radio', { name: 'Les laisser tels quels' }));
    expect(within(dialog).getByRole('button', { name: 'Ajouter 0 point de contact' })).toBeDisabled();
    await userEvent.click(within(changes).getByRole('radio', { name: 'Les mettre à jour avec le fichier' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mettre à jour 1 point de contact' }));
    expect(readBoard(session.doc).touchpoints.map((t) => [t.text, t.evaluation])).toEqual([
      ['Je lis un avis', 'delight'],
      ['Je compare', 'pain'],
    ]);
    session.undo.undo();
    expect(readBoard(session.doc).touchpoints.find((t) => t.id === cards[1])!.evaluation).toBe('improvable');
  });
});
