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

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
}
