import { describe, expect, it } from 'vitest';
import { AddressOutput, type OutputMember } from '../../server/addressOutput';

/** A connection whose pending output the test sets by hand. */
function member(): OutputMember & { pending: number; cuts: string[] } {
  const m = {
    observed: 0,
    pending: 0,
    cuts: [] as string[],
    pendingBytes: () => m.pending,
    cutOff: (reason: string) => m.cuts.push(reason),
  };
  return m;
}

describe('AddressOutput', () => {
  it('lets an address hold up to its cap in unread output', () => {
    const budget = new AddressOutput(100);
    const [a, b] = [member(), member()];
    budget.join(a);
    budget.join(b);
    a.pending = 60;
    budget.queued(a);
    b.pending = 40;
    budget.queued(b);
    expect([a.cuts, b.cuts]).toEqual([[], []]);
  });

  it('past the cap, closes the other connection furthest behind, not the one that just received', () => {
    const budget = new AddressOutput(100);
    const [stuck, slow, newcomer] = [member(), member(), member()];
    for (const m of [stuck, slow, newcomer]) budget.join(m);
    stuck.pending = 50;
    budget.queued(stuck);
    slow.pending = 30;
    budget.queued(slow);
    newcomer.pending = 60;
    budget.queued(newcomer);
    expect(stuck.cuts).toEqual(['too much unread output for this address']);
    expect([slow.cuts, newcomer.cuts]).toEqual([[], []]);
    // The cut one no longer counts: 90 left.
    slow.pending = 35;
    budget.queued(slow);
    expect(slow.cuts).toEqual([]);
  });

  it('closes the receiving connection itself when nobody else is behind', () => {
    const budget = new AddressOutput(100);
    const [alone, idle] = [member(), member()];
    budget.join(alone);
    budget.join(idle);
    alone.pending = 150;
    budget.queued(alone);
    expect(alone.cuts).toHaveLength(1);
    expect(idle.cuts).toEqual([]);
  });

  it('does not count what connections drained since they last received', () => {
    const budget = new AddressOutput(100);
    const [a, b] = [member(), member()];
    budget.join(a);
    budget.join(b);
    a.pending = 90;
    budget.queued(a);
    a.pending = 0; // a read everything, without being sent anything since
    b.pending = 90;
    budget.queued(b);
    expect([a.cuts, b.cuts]).toEqual([[], []]);
  });

  it('forgets connections that left, and is off at 0', () => {
    const budget = new AddressOutput(100);
    const [gone, here] = [member(), member()];
    budget.join(gone);
    budget.join(here);
    gone.pending = 90;
    budget.queued(gone);
    budget.leave(gone);
    here.pending = 90;
    budget.queued(here);
    expect(here.cuts).toEqual([]);
    const off = new AddressOutput(0);
    off.join(here);
    here.pending = 10 ** 9;
    off.queued(here);
    expect(here.cuts).toEqual([]);
  });
});
