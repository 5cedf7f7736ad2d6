/**
 * Presentation mode: the step a presenter shows (a journey, one of its stages), shared through
 * presence. Only a facilitator leads: the relay stamps each presence state with the role of its
 * connection, so a participant cannot make everyone follow them.
 */
import { capabilitiesOf, readRole } from './roles';

/** The field of a presence state that carries the step being presented. */
export const PRESENTATION_FIELD = 'presentation';

/** Highest stage index taken from presence: a journey never has this many stages. */
const MAX_STAGE = 1000;

export interface PresentationStep {
  journeyId: string;
  /** The stage shown, by its position in the journey (0 = the first). */
  stage: number;
  /** The saved view shown, when the presenter steps through views (`stage` is then its position among them). */
  viewId?: string;
  /** When it was shown, on the presenter's clock: the newest presentation wins. */
  at: number;
}

/** The presenter others can follow: who, and what they show now. */
export interface PresentationLead {
  clientId: number;
  name: string;
  step: PresentationStep;
}

/** A step read from presence, or null when it is missing or malformed. */
export function readStep(value: unknown): PresentationStep | null {
  const v = value as Partial<PresentationStep> | null | undefined;
  if (!v || typeof v.journeyId !== 'string' || !v.journeyId || v.journeyId.length > 64) return null;
  if (!Number.isInteger(v.stage) || v.stage! < 0 || v.stage! > MAX_STAGE || typeof v.at !== 'number' || !Number.isFinite(v.at)) return null;
  const viewId = typeof v.viewId === 'string' && v.viewId && v.viewId.length <= 64 ? { viewId: v.viewId } : {};
  return { journeyId: v.journeyId, stage: v.stage!, at: v.at, ...viewId };
}

/** The presentation to follow among presence states: the newest one of another facilitator. */
export function presentationLead(states: ReadonlyMap<number, unknown>, selfId: number): PresentationLead | null {
  let best: PresentationLead | null = null;
  states.forEach((state, clientId) => {
    if (clientId === selfId || !state || typeof state !== 'object') return;
    const s = state as Record<string, unknown>;
    const user = s.user as { name?: unknown; role?: unknown } | undefined;
    if (!user || !capabilitiesOf(readRole(user.role)).canFacilitate) return;
    const step = readStep(s[PRESENTATION_FIELD]);
    if (!step || (best && best.step.at >= step.at)) return;
    best = { clientId, name: typeof user.name === 'string' ? user.name.slice(0, 40) : '', step };
  });
  return best;
}

/** The stage index kept within a journey of `count` stages. */
export function clampStage(stage: number, count: number): number {
  return Math.max(0, Math.min(stage, count - 1));
}
