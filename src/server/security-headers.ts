import { randomBytes } from 'node:crypto';
import helmet, { type HelmetOptions } from 'helmet';

/** Stands in the Content-Security-Policy of the web page for the answer's style nonce. */
const noncePlaceholder = 'paritrana-style-nonce';

/** The header values helmet would set with these options, computed once by running it against a stand-in response. */
function headersOf(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw new Error('The security headers could not be built', { cause: failure });
  return headers;
}

export type SecurityHeaders = {
  /** Every answer's headers (an API answer, a file): the same each time. */
  readonly common: Readonly<Record<string, string>>;
  /** The Content-Security-Policy of the web page, allowing inline style elements carrying `nonce` only. */
  pagePolicy(nonce: string): string;
};

/**
 * The response headers of every answer (helmet's, with our policy), built
 * once at start rather than per request: the options never change while the
 * server runs. Only the web page's policy differs per answer, by the nonce
 * its style elements carry.
 */
export function securityHeaders(options: { https: boolean }): SecurityHeaders {
  const directives = {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    // Style elements: our stylesheets, and inline ones only with the page's nonce (see pagePolicy).
    styleSrc: ["'self'"],
    // Style attributes written as markup: the charts' tooltips are HTML strings with style="…"
    // (React and Mantine set styles through the CSSOM, which CSP does not govern). An attribute
    // cannot hold a selector, so it cannot read the page the way an injected <style> element can.
    styleSrcAttr: ["'unsafe-inline'"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'"],
    upgradeInsecureRequests: null,
  };
  const base: HelmetOptions = {
    contentSecurityPolicy: { directives },
    // HSTS only means something over https: sent when the public address is https, never on plain http.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
  const common = Object.freeze(headersOf(base));
  const page = headersOf({ ...base, contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", `'nonce-${noncePlaceholder}'`] } } })['content-security-policy']!;
  return { common, pagePolicy: (nonce) => page.replace(noncePlaceholder, nonce) };
}

/** A fresh nonce for one answer of the web page: 128 random bits in hex. */
export const newNonce = (): string => randomBytes(16).toString('hex');
