import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';

/**
 * What a route requires before its handler runs. Every route under /api
 * declares one (the app refuses to start otherwise): deny by default.
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any signed-in user;
 * - a function: a signed-in user for whom it returns true.
 */
export type RoutePolicy = 'public' | 'signed-in' | ((actor: Actor, request: FastifyRequest) => boolean);

/**
 * The resource check of a route that acts on one resource named by its
 * path: loads it from the raw params (NOT_FOUND when it does not exist) and
 * authorizes the action on it (FORBIDDEN). It runs after the policy and
 * before the body is validated, so a caller out of scope gets 403 whatever
 * it sends, and only an authorized caller learns that its body is wrong.
 * The service checks again inside its transaction.
 */
export type ResourceScope = (actor: Actor, params: Record<string, string>) => Promise<void>;

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    scope?: ResourceScope;
    /** The route stays open to a signed-in user who must first switch on two-factor (TWO_FACTOR_REQUIRED elsewhere). */
    duringTwoFactorSetup?: boolean;
    /** A public route whose answer is the same for everyone: the session is not looked up (`request.actor` stays null). */
    anonymous?: boolean;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
}
