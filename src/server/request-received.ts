import type { FastifyRequest } from 'fastify';

/**
 * The idle timeout (`IDLE_TIMEOUT_SECONDS`) is there to cut a client that
 * stalls while it sends. Once a request is wholly received, the silence on
 * its connection is the server's own work (a wait for a busy database
 * included), and cutting it would drop an answer the client is owed: the
 * socket's timeout is lifted for the rest of the request. Node sets a kept-alive
 * connection's own timeout again once the answer is sent.
 */
export function requestReceived(request: FastifyRequest): void {
  // A request injected in-process (tests, light-my-request) has a socket without timers.
  const socket = request.raw.socket as { setTimeout?: unknown } | undefined;
  if (typeof socket?.setTimeout === 'function') request.raw.socket.setTimeout(0);
}
