import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessError, OfflineError } from '../../src/sync/access';
import { checkToken, decideLinkToken, isLowerRole, type TokenCheck } from '../../src/sync/linkToken';

const valid = (role: 'facilitator' | 'participant' | 'viewer'): TokenCheck => ({ status: 'valid', role });
const refused = (status = 403): TokenCheck => ({ status: 'invalid', error: new AccessError(status, 'expired') });
const unknown: TokenCheck = { status: 'unknown' };
const facilitator = { token: 'held', role: 'facilitator' as const };

describe('a share link opened where a token is already held', () => {
  it('asks before a viewer link replaces a facilitator token', () => {
    expect(decideLinkToken({ held: facilitator, heldCheck: valid('facilitator'), linkToken: 'link', linkCheck: valid('viewer') })).toEqual({
      kind: 'ask',
      linkRole: 'viewer',
      heldRole: 'facilitator',
    });
    expect(
      decideLinkToken({ held: facilitator, heldCheck: valid('facilitator'), linkToken: 'link', linkCheck: valid('participant') }).kind,
    ).toBe('ask');
  });

  it('keeps the held token when the link is refused by the relay, and says so', () => {
    expect(decideLinkToken({ held: facilitator, heldCheck: valid('facilitator'), linkToken: 'garbage', linkCheck: refused(401) })).toEqual({
      kind: 'keep',
      notice: 'linkInvalid',
    });
  });

  it('takes a link of a higher or equal role at once', () => {
    const participant = { token: 'held', role: 'participant' as const };
    expect(
      decideLinkToken({ held: participant, heldCheck: valid('participant'), linkToken: 'link', linkCheck: valid('facilitator') }),
    ).toEqual({ kind: 'adopt', role: 'facilitator' });
    expect(
      decideLinkToken({ held: participant, heldCheck: valid('participant'), linkToken: 'link', linkCheck: valid('participant') }),
    ).toEqual({ kind: 'adopt', role: 'participant' });
  });

  it('takes a valid link when the held token no longer works (expired, revoked)', () => {
    expect(decideLinkToken({ held: facilitator, heldCheck: refused(), linkToken: 'link', linkCheck: valid('viewer') })).toEqual({
      kind: 'adopt',
      role: 'viewer',
    });
  });

  it('compares with the role the relay gives the held token, not the one remembered', () => {
    // Remembered as facilitator, but the relay says the token is a participant's: a participant link is no downgrade.
    expect(
      decideLinkToken({ held: facilitator, heldCheck: valid('participant'), linkToken: 'link', linkCheck: valid('participant') }).kind,
    ).toBe('adopt');
  });

  it('takes the link when nothing is held, and shows why when the relay refuses it', () => {
    expect(decideLinkToken({ held: null, heldCheck: null, linkToken: 'link', linkCheck: valid('viewer') })).toEqual({
      kind: 'adopt',
      role: 'viewer',
    });
    const check = refused(403);
    expect(decideLinkToken({ held: null, heldCheck: null, linkToken: 'link', linkCheck: check })).toEqual({
      kind: 'deny',
      error: (check as { error: AccessError }).error,
    });
  });

  it('keeps the held token when the relay cannot be reached; with none, takes the link as the least role', () => {
    expect(decideLinkToken({ held: facilitator, heldCheck: unknown, linkToken: 'link', linkCheck: unknown })).toEqual({
      kind: 'keep',
      notice: 'linkUnchecked',
    });
    expect(decideLinkToken({ held: null, heldCheck: null, linkToken: 'link', linkCheck: unknown })).toEqual({
      kind: 'adopt',
      role: 'viewer',
    });
  });

  it('does nothing for the token already held', () => {
    expect(
      decideLinkToken({ held: facilitator, heldCheck: valid('facilitator'), linkToken: 'held', linkCheck: valid('facilitator') }),
    ).toEqual({ kind: 'keep', notice: null });
  });

  it('orders the roles viewer < participant < facilitator', () => {
    expect(isLowerRole('viewer', 'participant')).toBe(true);
    expect(isLowerRole('participant', 'facilitator')).toBe(true);
    expect(isLowerRole('facilitator', 'viewer')).toBe(false);
    expect(isLowerRole('participant', 'participant')).toBe(false);
  });
});

describe('checking a link with the relay', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** The relay answering every call with `status` and `{error}`. */
  const relayAnswers = (status: number, error: string) =>
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json' } }),
    );

  it('takes a board the relay has never seen (404) as a refusal, never as a relay it could not reach', async () => {
    relayAnswers(404, 'no such board');
    const check = await checkToken('a_board_id_that_was_mistyped', 'link');
    expect(check).toEqual({ status: 'invalid', error: new AccessError(404, 'no such board') });
    // With nothing held, the link is refused and the reason shown; before, it was taken as a viewer's.
    expect(decideLinkToken({ held: null, heldCheck: null, linkToken: 'link', linkCheck: check }).kind).toBe('deny');
  });

  it('says unknown when no answer comes back at all, and keeps the relay’s reason for a 403', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await checkToken('a_board_id_0123456789', 'link')).toEqual({ status: 'unknown' });
    relayAnswers(403, 'token revoked');
    const check = await checkToken('a_board_id_0123456789', 'link');
    expect(check.status === 'invalid' && check.error.message).toBe('token revoked');
    expect(check.status === 'invalid' && check.error instanceof OfflineError).toBe(false);
  });
});
