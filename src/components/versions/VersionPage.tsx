import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import * as Y from 'yjs';
import { BoardContext } from '../../hooks/useBoardSession';
import { createBoardSession, type BoardSession } from '../../sync/boardSession';
import { useBoard } from '../../hooks/useBoard';
import { navigate } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { AccessError, listVersions, loadVersion, storedAccess } from '../../sync/access';
import { detachedConnection } from '../../sync/connection';
import { createHttpMetrics, provideMetrics } from '../../sync/metrics';
import { AccessDenied } from '../ui/AccessDenied';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { JourneyTabs } from '../journey/JourneyTabs';

/** A saved version of a board, shown read-only with the same canvas. */
export function VersionPage({ boardId, versionId }: { boardId: string; versionId: string }) {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [error, setError] = useState<AccessError | null>(null);
  useEffect(() => {
    let alive = true;
    let made: BoardSession | null = null;
    const token = storedAccess(boardId)?.token ?? null;
    // The KPI values shown are those the relay had when the version was saved.
    const savedAt = listVersions(boardId, token).then(
      (versions) => versions.find((v) => v.id === versionId)?.createdAt ?? 0,
      () => 0,
    );
    Promise.all([loadVersion(boardId, token, versionId), savedAt]).then(
      ([state, at]) => {
        if (!alive) return;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        made = createBoardSession(doc, { boardId, connection: detachedConnection(doc), role: 'viewer', token });
        provideMetrics(made, createHttpMetrics({ boardId, token, at }));
        setSession(made);
      },
      (e: unknown) => alive && setError(e instanceof AccessError ? e : new AccessError(0, String(e))),
    );
    return () => {
      alive = false;
      made?.destroy();
    };
  }, [boardId, versionId]);
  if (error) return <AccessDenied error={error} />;
  if (!session) return null;
  return (
    <BoardContext.Provider value={session}>
      <ReactFlowProvider>
        <VersionScreen boardId={boardId} versionId={versionId} />
      </ReactFlowProvider>
    </BoardContext.Provider>
  );
}

function VersionScreen({ boardId, versionId }: { boardId: string; versionId: string }) {
  const t = useT();
  const board = useBoard();
  const [name, setName] = useState('');
  useEffect(() => {
    document.title = `${board.meta.title} · Parcours`;
    setName(new URL(window.location.href).searchParams.get('name') ?? versionId);
  }, [board.meta.title, versionId]);
  return (
    <div className="board-page board-page--readonly board-page--no-structure">
      <header className="topbar">
        <a
          className="topbar__home"
          href={`/b/${boardId}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/b/${boardId}`);
          }}
        >
          ← {t('versions.back')}
        </a>
        <h1 className="board-title">{board.meta.title}</h1>
      </header>
      <p className="banner banner--readonly" role="status">
        {t('versions.readOnly', { name })}
      </p>
      {board.journeys.length > 0 && <JourneyTabs />}
      <main className="board-main">
        <div className="board-main__canvas">
          <BoardCanvas />
        </div>
      </main>
    </div>
  );
}
