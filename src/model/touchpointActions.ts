/**
 * What can be done to one touchpoint, each action declared once: its keys, who may run it, when
 * it is offered and how its button looks. The card's toolbar, the keyboard shortcuts and the
 * shortcuts dialog all read this table, so a key shown is a key that works.
 */
import { matchesKey, type KeyBinding, type KeyPress } from './keys';
import type { Evaluation, Touchpoint } from './types';

export type TouchpointActionName =
  | 'evaluateDelight'
  | 'evaluateImprovable'
  | 'evaluatePain'
  | 'clearEvaluation'
  | 'toggleMoment'
  | 'makePainPoint'
  | 'comment'
  | 'edit'
  | 'delete'
  | 'moveUp'
  | 'moveDown'
  | 'moveLeft'
  | 'moveRight';

/** When an action is offered, beyond the card being selected. */
export type ActionCondition = 'always' | 'painCard';

export interface TouchpointAction {
  name: TouchpointActionName;
  /** The keys that run it on the selected card, the usual one first. */
  keys: readonly KeyBinding[];
  /** 'edit' changes the board and is never offered to a viewer; 'read' is for everyone. */
  needs: 'edit' | 'read';
  when: ActionCondition;
  /** Its button on the card's toolbar (an icon of the interface's set, or an evaluation swatch); null for keys only. */
  button: { icon: ActionIcon; swatch?: Evaluation; danger?: boolean } | null;
  /** Whether its button shows as pressed for this card. */
  pressed?(touchpoint: Touchpoint): boolean;
}

/** The icons of the toolbar, by meaning: the interface draws each from its icon set (evaluations with their own symbol). */
export type ActionIcon = 'evaluation' | 'moment' | 'painPoint' | 'comment' | 'edit' | 'delete';

const evaluate = (name: TouchpointActionName, evaluation: Evaluation, key: string): TouchpointAction => ({
  name,
  keys: [{ key }],
  needs: 'edit',
  when: 'always',
  button: { icon: 'evaluation', swatch: evaluation },
  pressed: (tp) => tp.evaluation === evaluation,
});

/** Every action on a touchpoint, in toolbar order. */
export const TOUCHPOINT_ACTIONS: readonly TouchpointAction[] = [
  evaluate('evaluateDelight', 'delight', '1'),
  evaluate('evaluateImprovable', 'improvable', '2'),
  evaluate('evaluatePain', 'pain', '3'),
  { name: 'clearEvaluation', keys: [{ key: '0' }], needs: 'edit', when: 'always', button: null },
  {
    name: 'toggleMoment',
    keys: [{ key: 'm' }],
    needs: 'edit',
    when: 'always',
    button: { icon: 'moment' },
    pressed: (tp) => tp.momentOfTruth,
  },
  { name: 'makePainPoint', keys: [{ key: 'i' }], needs: 'edit', when: 'painCard', button: { icon: 'painPoint' } },
  { name: 'comment', keys: [{ key: 'c' }], needs: 'read', when: 'always', button: { icon: 'comment' } },
  { name: 'edit', keys: [{ key: 'Enter' }, { key: 'F2' }], needs: 'edit', when: 'always', button: { icon: 'edit' } },
  {
    name: 'delete',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    needs: 'edit',
    when: 'always',
    button: { icon: 'delete', danger: true },
  },
  { name: 'moveUp', keys: [{ key: 'ArrowUp', alt: true }], needs: 'edit', when: 'always', button: null },
  { name: 'moveDown', keys: [{ key: 'ArrowDown', alt: true }], needs: 'edit', when: 'always', button: null },
  { name: 'moveLeft', keys: [{ key: 'ArrowLeft', alt: true }], needs: 'edit', when: 'always', button: null },
  { name: 'moveRight', keys: [{ key: 'ArrowRight', alt: true }], needs: 'edit', when: 'always', button: null },
];

/** Whether `action` applies to this card as it is now (e.g. only a red card becomes a pain point). */
export function isOffered(action: TouchpointAction, touchpoint: Touchpoint): boolean {
  return action.when === 'always' || touchpoint.evaluation === 'pain';
}

/** The action a key press runs on the selected card, if any. */
export function actionForKey(press: KeyPress): TouchpointAction | undefined {
  return TOUCHPOINT_ACTIONS.find((action) => action.keys.some((binding) => matchesKey(binding, press)));
}

/** The action called `name`. */
export function touchpointAction(name: TouchpointActionName): TouchpointAction {
  return TOUCHPOINT_ACTIONS.find((a) => a.name === name)!;
}
