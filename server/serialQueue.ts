/**
 * A room's steps (frames of any of its connections, updates of other instances, compactions),
 * run one at a time in arrival order. A step that returns a Promise (an append the store has
 * not acknowledged yet) holds every step behind it until it settles; a step that returns at
 * once lets the next one run in the same turn, so a store that answers synchronously costs
 * nothing extra.
 */
import { isPromise, type MaybePromise } from './storage/types';

type Step = () => MaybePromise<void>;

export class SerialQueue {
  private steps: Step[] = [];
  private next = 0;
  private running = false;
  private waiters: (() => void)[] = [];

  /** @param onError what a step that throws (or rejects) is reported to; the queue goes on. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Whether a step is running or waiting for its store. */
  get busy(): boolean {
    return this.running;
  }

  /** Queues a step; it runs now if nothing is ahead of it. */
  push(step: Step): void {
    this.steps.push(step);
    if (!this.running) this.drain();
  }

  /** Resolves once every step queued so far has run. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private drain(): void {
    this.running = true;
    while (this.next < this.steps.length) {
      const step = this.steps[this.next++]!;
      let result: MaybePromise<void>;
      try {
        result = step();
      } catch (error) {
        this.onError(error);
        continue;
      }
      if (isPromise(result)) {
        result.then(
          () => this.drain(),
          (error: unknown) => {
            this.onError(error);
            this.drain();
          },
        );
        return;
      }
    }
    this.steps = [];
    this.next = 0;
    this.running = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
