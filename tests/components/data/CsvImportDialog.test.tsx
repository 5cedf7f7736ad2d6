import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CsvImportDialog } from '../../../src/components/data/CsvImportDialog';
import { readBoard } from '../../../src/doc/projection';
import { WithSession, offlineSession } from '../../helpers/session';

const CSV = [
  'Étape;Canal;Texte;Évaluation;Moment de vérité',
  'Découverte;Site web;"Je lis l’article ; puis je clique";vert;oui',
  'Livraison;Email;Je reçois le colis 📦;Irritant;',
  'Achat;Fax;Je faxe;;',
  'Achat;Email;;;',
  'Achat;Email;Je paie;violet;',
].join('\r\n');

function setup() {
  const session = offlineSession();
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
});
