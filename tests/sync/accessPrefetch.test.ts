import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAccess, prefetchAccess } from '../../src/sync/access';

const BOARD = 'testboard_0123456789ab';

function relayAnswering(role: string) {
  const fetch = vi.fn((_path: string, init: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify({ role, protected: true, asked: new Headers(init.headers).get('Authorization') }))),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('access checked before the board page came', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("answers the page's first check of the same token without asking the relay again, and only that one", async () => {
    const fetch = relayAnswering('participant');
    prefetchAccess(BOARD, 'link-token');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await checkAccess(BOARD, 'link-token')).toMatchObject({ role: 'participant' });
    expect(fetch).toHaveBeenCalledTimes(1);
    // A later check (after a revocation, say) asks the relay.
    await checkAccess(BOARD, 'link-token');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not answer for another token, nor once it is old', async () => {
    vi.useFakeTimers();
    const fetch = relayAnswering('viewer');
    prefetchAccess(BOARD, 'link-token');
    await checkAccess(BOARD, 'other-token');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]?.[1].headers).toEqual({ Authorization: 'Bearer other-token' });
    vi.advanceTimersByTime(11_000);
    await checkAccess(BOARD, 'link-token');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('keeps a refusal a refusal, and a relay that cannot be reached an offline answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(JSON.stringify({ error: 'token revoked' }), { status: 403 }))),
    );
    prefetchAccess(BOARD, 'revoked');
    await expect(checkAccess(BOARD, 'revoked')).rejects.toMatchObject({ status: 403, message: 'token revoked' });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('network'))),
    );
    prefetchAccess(BOARD, 'any');
    await expect(checkAccess(BOARD, 'any')).rejects.toMatchObject({ name: 'OfflineError' });
  });
});
