import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, newPerson, shareLink } from '../helpers/browser';
import { REPO_ROOT } from '../helpers/relay';

const app = appUnderTest();

/** Adds one of the suggested KPIs to a stage through its panel, with a target. */
async function addKpi(page: Page, stage: string, suggestion: string, target: string) {
  await page.getByRole('button', { name: `Détails de l’étape « ${stage} » (responsable, indicateurs)` }).click();
  await page.getByRole('button', { name: `Ajouter l’indicateur ${suggestion}` }).click();
  const row = page.getByRole('listitem', { name: `Indicateur ${suggestion}` });
  await row.getByRole('textbox', { name: 'Cible' }).fill(target);
  await row.getByRole('textbox', { name: 'Cible' }).press('Enter');
}

describe('stage KPIs fed by a CRM', () => {
  it('a feed token pushes values that both pages see at once in the stage header, and the KPI opens on its chart', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await b.goto(await shareLink(a, 'participant'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();

    await addKpi(a, 'Achat', 'Taux de conversion', '3');
    await b.getByRole('button', { name: 'Taux de conversion : aucune valeur. Ouvrir l’historique' }).waitFor();

    // The facilitator makes a feed token; the page shows it once, with how to use it.
    await a.getByRole('button', { name: 'Flux de données…' }).click();
    const feeds = a.getByRole('dialog', { name: 'Flux de données' });
    await feeds.getByRole('textbox', { name: 'Nom du flux' }).fill('Export CRM nocturne');
    await feeds.getByRole('button', { name: 'Créer le jeton' }).click();
    const token = await feeds.getByRole('textbox', { name: 'Jeton du flux « Export CRM nocturne »' }).inputValue();
    await feeds.getByRole('list', { name: 'Flux de ce tableau' }).getByText('Export CRM nocturne', { exact: true }).waitFor();
    const boardId = new URL(a.url()).pathname.split('/').pop()!;

    // The CRM job: one call, French CSV.
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const csv = [
      'date;étape;indicateur;valeur',
      ...[90, 60, 30, 2].map((ago, i) => `${day(ago)};Achat;Taux de conversion;${['2,1', '2,4', '2,8', '3,2'][i]}`),
    ].join('\n');
    const pushed = await fetch(`${app.relay.httpUrl}/api/boards/${boardId}/metrics`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(await pushed.json()).toMatchObject({ inserted: 4 });
    await feeds.getByRole('button', { name: 'Fermer' }).click();

    const chip = /^Taux de conversion : 3,2\s%, dans la cible, il y a 2 jours/;
    await a.getByRole('button', { name: chip }).first().waitFor();
    await b.getByRole('button', { name: chip }).waitFor();
    // The feed token opens nothing else.
    expect(
      (await fetch(`${app.relay.httpUrl}/api/boards/${boardId}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(403);

    await b.getByRole('button', { name: chip }).click();
    const history = b.getByRole('dialog', { name: 'Indicateur « Taux de conversion »' });
    await history.getByRole('img', { name: 'Courbe de Taux de conversion dans le temps' }).locator('canvas').first().waitFor();
    await expect.poll(() => history.getByRole('table', { name: 'Valeurs de Taux de conversion' }).getByRole('row').count()).toBe(5);
    // A participant reads the values; only facilitators change them.
    expect(await history.getByRole('button', { name: /Modifier la valeur/ }).count()).toBe(0);
    await b.screenshot({ path: path.join(REPO_ROOT, '.tmp', 'kpi-history.png') }).catch(() => undefined);
    await alice.context.close();
    await bruno.context.close();
  });
  it('imports a CRM export, maps its stages, and both pages see the funnel and the KPI chart', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await b.goto(await shareLink(a, 'viewer'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();

    // 30 deals in January: 20 go from the discovery to the evaluation after 6 days, 10 of them to a purchase 4 days later.
    const rows = ['Deal;Stage;Date entered'];
    for (let i = 0; i < 30; i++) {
      rows.push(`D${i};Prospect;${String(1 + (i % 10)).padStart(2, '0')}/01/2025`);
      if (i < 20) rows.push(`D${i};Evaluation;${String(7 + (i % 10)).padStart(2, '0')}/01/2025`);
      if (i < 10) rows.push(`D${i};Won;${String(11 + (i % 10)).padStart(2, '0')}/01/2025`);
    }
    await a.getByRole('button', { name: 'Détails de l’étape « Découverte » (responsable, indicateurs)' }).click();
    await a.getByRole('button', { name: 'Importer un export CRM…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Importer un export de pipeline CRM' });
    await dialog
      .getByLabel('Export CRM (CSV ou XLSX)')
      .setInputFiles({ name: 'pipeline.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await dialog.getByRole('combobox', { name: 'Prospect' }).selectOption({ label: '1. Découverte' });
    await dialog.getByRole('combobox', { name: 'Evaluation' }).selectOption({ label: '2. Évaluation' });
    await dialog.getByRole('combobox', { name: 'Won' }).selectOption({ label: '3. Achat' });
    await dialog.getByRole('button', { name: /^Importer \d+ valeurs$/ }).click();
    await dialog.getByText(/valeurs importées/).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const funnel = 'Entonnoir : 30 entrées dans l’étape en janvier 2025, 66,7\u202F% passent à la suite';
    await a.getByRole('img', { name: funnel }).waitFor();
    await b.getByRole('img', { name: funnel }).waitFor();
    await b.getByRole('img', { name: 'Entonnoir : 20 entrées dans l’étape en janvier 2025, 50\u202F% passent à la suite' }).waitFor();
    const median = /^Temps médian dans l’étape : 6\s?jours/;
    await b.getByRole('button', { name: median }).first().click();
    const history = b.getByRole('dialog', { name: 'Indicateur « Temps médian dans l’étape »' });
    await history.getByRole('table', { name: 'Valeurs de Temps médian dans l’étape' }).getByRole('cell', { name: '31/01/2025' }).waitFor();
    await history.getByRole('img', { name: 'Courbe de Temps médian dans l’étape dans le temps' }).locator('canvas').first().waitFor();
    await b.screenshot({ path: path.join(REPO_ROOT, '.tmp', 'kpi-crm-viewer.png') }).catch(() => undefined);
    await alice.context.close();
    await bruno.context.close();
  });
});
