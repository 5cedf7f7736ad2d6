import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps what it waits for at module level: a fresh copy per test.
async function freshAppShell() {
  vi.resetModules();
  return import('../../src/sync/appShell');
}

describe('registering the service worker', () => {
  const register = vi.fn(() => Promise.resolve());
  beforeEach(() => {
    vi.useFakeTimers();
    register.mockClear();
    Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('waits for the board being opened to have its first sync', async () => {
    const { registerAppShell, boardSettled } = await freshAppShell();
    registerAppShell(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(register).not.toHaveBeenCalled();
    boardSettled();
    await vi.advanceTimersByTimeAsync(2500);
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('does not wait for ever for a board that never syncs', async () => {
    const { registerAppShell } = await freshAppShell();
    registerAppShell(true);
    await vi.advanceTimersByTimeAsync(9000);
    expect(register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4000);
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers at once on a page without a board, and only once', async () => {
    const { registerAppShell, boardSettled } = await freshAppShell();
    registerAppShell(false);
    await vi.advanceTimersByTimeAsync(2500);
    boardSettled();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(register).toHaveBeenCalledTimes(1);
  });
});
