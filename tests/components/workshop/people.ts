/** People on a test board: each joins through their own awareness, as a remote browser would. */
import * as Y from 'yjs';
import { act } from '@testing-library/react';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { BoardSession } from '../../../src/sync/boardSession';
import type { Role } from '../../../src/model/roles';
import { announce, type Identity } from '../../../src/sync/presence';
import { useUiStore } from '../../../src/store';

export interface Person extends Identity {
  role: Role;
}

export const claire: Person = { id: 'claire-id-0001', name: 'Claire Animatrice', color: '#7c3aed', role: 'facilitator' };
export const paul: Person = { id: 'paul-id-00001', name: 'Paul Participant', color: '#db2777', role: 'participant' };
export const zoe: Person = { id: 'zoe-id-000001', name: 'Zoé Commerciale', color: '#0891b2', role: 'participant' };
export const marc: Person = { id: 'marc-id-00001', name: 'Marc SAV', color: '#4d7c0f', role: 'participant' };
export const vera: Person = { id: 'vera-id-00001', name: 'Vera Lectrice', color: '#b45309', role: 'viewer' };

/** Opens the board as `person` on this screen: their identity, their role, announced in presence. */
export function openAs(session: BoardSession, person: Person): BoardSession {
  useUiStore.setState({ identity: { id: person.id, name: person.name, color: person.color }, identityChosen: true });
  announce(session.connection.awareness, person, person.role);
  return { ...session, role: person.role };
}

/** Makes `others` present on the board, each from their own (remote) awareness. */
export function join(session: BoardSession, others: readonly Person[]): void {
  act(() => {
    for (const person of others) {
      const remote = new Awareness(new Y.Doc());
      announce(remote, person, person.role);
      applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
      remote.destroy();
    }
  });
}
