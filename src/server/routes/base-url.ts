import type { Config } from '../config.ts';

/**
 * The address users see in links, QR codes and e-mails: from the
 * configuration only (PUBLIC_URL, else the configured host and port), never
 * from the request's Host or X-Forwarded-Host header, which the caller picks.
 */
export function publicBaseUrl(config: Pick<Config, 'baseUrl'>): string {
  return config.baseUrl;
}
