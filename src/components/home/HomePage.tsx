import { useState } from 'react';
import { markBoardAsCreatedHere } from '../../sync/createdHere';
import { navigate } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { isValidBoardId } from '../../model/ids';
import { createBoard, pathWithLinkToken } from '../../sync/access';
import { TEMPLATE_IDS, type TemplateId } from '../../model/templates';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { OnDemand } from '../ui/OnDemand';
import { onDemand } from '../ui/onDemand';

// Reading and checking a board file (its schema, repairs) is only needed once a file is chosen.
const ImportBoardDialog = onDemand(() => import('../data/ImportBoardDialog').then((m) => m.ImportBoardDialog));
import { RecentBoards } from './RecentBoards';
import { relayErrorText } from '../ui/relayErrorText';

/** Reads a board id out of a pasted link or a bare id; null if it is neither. */
export function boardIdFromInput(input: string): string | null {
  const text = input.trim();
  if (isValidBoardId(text)) return text;
  const match = /\/b\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text);
  return match && isValidBoardId(match[1]) ? match[1] : null;
}

/** The start page: create a board, reopen a recent one, or open one from a link. */
export function HomePage() {
  const t = useT();
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState(false);
  const [importing, setImporting] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [template, setTemplate] = useState<TemplateId>('ecommerce');
  const create = () => {
    setCreateError(null);
    createBoard().then(
      (id) => {
        markBoardAsCreatedHere(id, template);
        navigate(`/b/${id}`);
      },
      (error: unknown) => setCreateError(relayErrorText(t, error, 'home.createFailed')),
    );
  };
  return (
    <div className="home">
      <header className="home__header">
        <div>
          <h1 className="home__brand">{t('app.name')}</h1>
          <p className="home__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="home__main">
        <button type="button" className="button button--primary button--large" onClick={create}>
          + {t('home.newBoard')}
        </button>{' '}
        <label className="home__template">
          <span>{t('journeys.template')}</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
            {TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`template.${id}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" className="button button--large" onClick={() => setImporting(true)}>
          ⇧ {t('home.importBoard')}
        </button>
        {importing && (
          <OnDemand onClose={() => setImporting(false)}>
            <ImportBoardDialog onClose={() => setImporting(false)} />
          </OnDemand>
        )}
        {createError && (
          <p className="error" role="alert">
            {createError}
          </p>
        )}
        <RecentBoards />
        <section aria-labelledby="open-title" className="home__section">
          <h2 id="open-title">{t('home.open')}</h2>
          <form
            className="open-form"
            onSubmit={(e) => {
              e.preventDefault();
              const id = boardIdFromInput(link);
              // A pasted share link keeps its token: the board's address alone would not open it.
              if (id) navigate(pathWithLinkToken(id, link));
              else setLinkError(true);
            }}
          >
            <input
              value={link}
              onChange={(e) => {
                setLink(e.target.value);
                setLinkError(false);
              }}
              placeholder={t('home.openPlaceholder')}
              aria-label={t('home.openPlaceholder')}
              aria-invalid={linkError}
              aria-describedby={linkError ? 'open-error' : undefined}
            />
            <button type="submit" className="button">
              {t('home.openButton')}
            </button>
          </form>
          {linkError && (
            <p id="open-error" className="error" role="alert">
              {t('home.openInvalid')}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
