/**
 * Output waiting for all the websockets of one client address. Each connection's own cap
 * (MAX_SEND_BUFFER_BYTES) holds a full board, and every whole-board reply is a buffer of its
 * own: a script with 200 connections that each ask for an 8 MiB board once and never read would
 * pin 1.6 GB. This caps their sum.
 */

/** One connection as the address budget sees it. */
export interface OutputMember {
  /** Its pending output when last looked at (kept by the budget). */
  observed: number;
  /** Its pending output now. */
  pendingBytes(): number;
  /** Stops sending to it and closes it: it holds the most unread output of its address. */
  cutOff(reason: string): void;
}

/**
 * The budget keeps a running estimate from what each member had pending when it last sent, so
 * the common case costs a subtraction. Only once the estimate passes the cap does it look at
 * every member (the estimate goes stale upwards as members drain without sending), and if the
 * sum really is over, it closes one: of the others, the one with the most pending, a client
 * that does not read rather than one that reads slowly and has nearly caught up; the member
 * that just queued output only when none of the others has any. A newcomer whose first reply
 * tips the sum over therefore does not pay for the clients already stuck.
 */
export class AddressOutput {
  private readonly members = new Set<OutputMember>();
  private estimate = 0;

  constructor(private readonly maxBytes: number) {}

  join(member: OutputMember): void {
    member.observed = 0;
    this.members.add(member);
  }

  leave(member: OutputMember): void {
    if (this.members.delete(member)) this.estimate -= member.observed;
  }

  /** `member` just queued output: enforces the cap. */
  queued(member: OutputMember): void {
    if (this.maxBytes <= 0 || !this.members.has(member)) return;
    const now = member.pendingBytes();
    this.estimate += now - member.observed;
    member.observed = now;
    if (this.estimate <= this.maxBytes) return;
    let total = 0;
    let furthestBehind: OutputMember | null = null;
    for (const m of this.members) {
      m.observed = m.pendingBytes();
      total += m.observed;
      if (m !== member && m.observed > (furthestBehind?.observed ?? 0)) furthestBehind = m;
    }
    this.estimate = total;
    if (total <= this.maxBytes) return;
    const cut = furthestBehind ?? member;
    this.leave(cut);
    cut.cutOff('too much unread output for this address');
  }
}
