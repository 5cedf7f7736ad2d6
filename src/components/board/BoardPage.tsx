import { useEffect, useState, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { BoardContext } from '../../hooks/useBoardSession';
import { useBoardStructure } from '../../hooks/useBoardStructure';
import { useBoardShortcuts } from '../../hooks/useBoardShortcuts';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useConnection } from '../../hooks/useConnection';
import { useIdentity } from '../../hooks/useIdentity';
import { useOpenBoard } from '../../hooks/useOpenBoard';
import { useRememberBoard } from '../../hooks/useRememberBoard';
import { navigate } from '../../sync/route';
import { prepareFormats } from '../../i18n';
import { useT } from '../../hooks/useT';
import { useTouchpointPaste } from '../../hooks/useTouchpointPaste';
import { useRestoreDrafts } from '../../hooks/useRestoreDrafts';
import { AccessDenied } from '../ui/AccessDenied';
import { BoardActions } from './BoardActions';
import { BoardBanners, LockToggle } from './BoardBanners';
import { BoardDialogs } from './BoardDialogs';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { TimerWidget } from '../workshop/TimerWidget';
import { BoardTitle } from './BoardTitle';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ConnectionIndicator } from './ConnectionIndicator';
import { DeletedCardNotice } from './DeletedCardNotice';
import { NoticeBar } from '../ui/NoticeBar';
import { LinkChoiceDialog } from '../sharing/LinkChoiceDialog';
import { OpenBoardNotice } from './OpenBoardNotice';
import { IdentityDialog } from './IdentityDialog';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { PresenceList } from './PresenceList';
import { SidePanel } from './SidePanel';
import { SearchLayer } from '../search/SearchLayer';
import { PresentationLayer } from '../presentation/PresentationLayer';
import { SkipToCanvas } from './SkipToCanvas';
import { JourneyTabs } from '../journey/JourneyTabs';
import { Toolbar } from './Toolbar';

/** A live board: opens the document for `boardId` and shows it. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { session, denied, choice, notice, dismissNotice } = useOpenBoard(boardId);
  const { locale } = useT();
  useEffect(() => {
    // While the board's link is checked and its document comes, the page waits on the network:
    // the formatters its first render needs are made then.
    if (typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => prepareFormats(locale), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [locale]);
  if (denied) return <AccessDenied error={denied} />;
  if (!session) return choice ? <LinkChoiceDialog choice={choice} /> : null;
  return (
    <BoardContext.Provider value={session}>
      <ReactFlowProvider>
        <BoardScreen notice={notice && <OpenBoardNotice notice={notice} onDismiss={dismissNotice} />} />
      </ReactFlowProvider>
    </BoardContext.Provider>
  );
}

function BoardScreen({ notice }: { notice: ReactNode }) {
  const t = useT();
  // The title and the journeys: the page around the canvas does not re-render while people type.
  const board = useBoardStructure();
  const { synced } = useConnection();
  const { identity, chosen, save } = useIdentity();
  const [editingIdentity, setEditingIdentity] = useState(false);
  const caps = useCapabilities();
  useBoardShortcuts();
  useTouchpointPaste();
  useRestoreDrafts();
  const title = board.meta.title;
  const ready = synced || board.meta.schemaVersion > 0;
  useRememberBoard(ready);
  useEffect(() => {
    document.title = title ? `${title} · Parcours` : 'Parcours';
  }, [title]);
  return (
    <div className={`board-page${caps.canEdit ? '' : ' board-page--readonly'}${caps.canEditStructure ? '' : ' board-page--no-structure'}`}>
      <SkipToCanvas />
      <header className="topbar">
        <a
          className="topbar__home"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          <span aria-hidden="true">◧</span> {t('board.home')}
        </a>
        <BoardTitle title={title} />
        <BoardActions />
        <div className="topbar__right">
          <TimerWidget />
          <LockToggle />
          <ConnectionIndicator />
          <PresenceList onEditSelf={() => setEditingIdentity(true)} />
          <LanguageSwitch />
        </div>
      </header>
      <Toolbar />
      {notice}
      <BoardBanners />
      {ready && board.journeys.length > 0 && <JourneyTabs />}
      <main className="board-main">
        <div className="board-main__canvas">
          {ready ? (
            <>
              <BoardCanvas />
              <SearchLayer />
              <PresentationLayer />
            </>
          ) : (
            <p className="loading" role="status">
              {t('board.loading')}
            </p>
          )}
        </div>
        {ready && <SidePanel />}
      </main>
      <ConfirmDialog />
      <BoardDialogs />
      <NoticeBar />
      <DeletedCardNotice />
      {(!chosen || editingIdentity) && (
        <IdentityDialog
          initial={identity}
          onSave={(next) => {
            save(next);
            setEditingIdentity(false);
          }}
          onClose={chosen ? () => setEditingIdentity(false) : undefined}
        />
      )}
    </div>
  );
}
