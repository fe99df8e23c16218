import { forbidden } from '../../domain/errors.ts';
import type { Actor } from './actor.ts';

/** Whether an actor may do one action with one resource. Pure: no I/O. */
export type Rule<R> = (actor: Actor, resource: R) => boolean;

/**
 * The abilities of one area over one resource type, as Outline declares
 * them (`allow(User, "read", Document, (actor, doc) => …)`): a rule per
 * action, and from those rules
 * - `can(actor, action, resource)`: the answer;
 * - `authorize(actor, action, resource)`: throws FORBIDDEN when the answer is
 *   no (out of scope and in scope but not allowed alike: a resource that does
 *   not exist is NOT_FOUND, thrown by whoever loads it);
 * - `abilities(actor, resource)`: every action's answer, sent to the web app
 *   so that it shows only what the actor may do.
 */
export type Abilities<R, A extends string> = {
  readonly actions: readonly A[];
  can: (actor: Actor | null, action: A, resource: R) => boolean;
  authorize: (actor: Actor | null, action: A, resource: R) => void;
  abilities: (actor: Actor | null, resource: R) => Record<A, boolean>;
};

export function defineAbilities<R>(what: string) {
  return <A extends string>(rules: Record<A, Rule<R>>, refusals: Partial<Record<A, string>> = {}): Abilities<R, A> => {
    const actions = Object.keys(rules) as A[];
    const can = (actor: Actor | null, action: A, resource: R): boolean => actor !== null && rules[action](actor, resource);
    return {
      actions,
      can,
      authorize: (actor, action, resource) => {
        if (!can(actor, action, resource)) throw forbidden(refusals[action] ?? `You may not ${action} this ${what}`);
      },
      abilities: (actor, resource) => Object.fromEntries(actions.map((a) => [a, can(actor, a, resource)])) as Record<A, boolean>,
    };
  };
}
