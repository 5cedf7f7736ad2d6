import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBoardAccess } from '../../../src/hooks/useBoardAccess';

const BOARD = 'testboard_0123456789ab';

describe('a share link opened from the address', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('is checked with the relay and taken out of the address, the rest of the address kept', async () => {
    const asked: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_path: string, init: RequestInit) => {
        asked.push(new Headers(init.headers).get('Authorization'));
        return Promise.resolve(new Response(JSON.stringify({ role: 'participant', protected: true }), { status: 200 }));
      }),
    );
    window.history.replaceState(null, '', `/b/${BOARD}?j=journey1&t=secret-token`);
    const { result } = renderHook(() => useBoardAccess(BOARD, 0));
    expect(new URL(window.location.href).searchParams.has('t')).toBe(false);
    expect(new URL(window.location.href).searchParams.get('j')).toBe('journey1');
    expect(asked).toContain('Bearer secret-token');
    await waitFor(() => expect(result.current.access).toEqual({ token: 'secret-token', role: 'participant' }));
  });
});
