import type { FastifyRequest } from 'fastify';

/** The address users see: PUBLIC_URL when set, else the one this request came to (behind a proxy, its forwarded host). */
export function publicBaseUrl(publicUrl: string | null, request: FastifyRequest): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}
