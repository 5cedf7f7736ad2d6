import { ReactFlowProvider } from '@xyflow/react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// The session (and with it the document's commands) loads before the components that read it.
import { offlineSession, WithSession } from '../../helpers/session';
import { PresenceList } from '../../../src/components/board/PresenceList';
import { announce } from '../../../src/sync/presence';

describe('PresenceList', () => {
  it('shows the initials of each word of a name, ignoring brackets', () => {
    const session = offlineSession(false);
    announce(session.connection.awareness, { id: 'person-0001', name: 'Hugo (DG)', color: '#2563eb' });
    render(
      <WithSession session={session}>
        <ReactFlowProvider>
          <PresenceList onEditSelf={() => {}} />
        </ReactFlowProvider>
      </WithSession>,
    );
    expect(screen.getByRole('button', { name: /Hugo \(DG\) \(vous\)/ })).toHaveTextContent(/^HD$/);
  });
});
