import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe.each(drivers())('security headers on %s', (driver) => {
  let plain: TestApp;
  let secure: TestApp;

  beforeAll(async () => {
    plain = await startTestApp(driver);
    secure = await startTestApp(driver, { PUBLIC_URL: 'https://paritrana.example.go.id' });
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it('sends HSTS only when the public address is https', async () => {
    const overHttp = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    const overHttps = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('allows inline style elements only with a fresh nonce per answer', async () => {
    const first = directives((await plain.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    const second = directives((await plain.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    const styleSrc = first.get('style-src')!;
    expect(styleSrc).toHaveLength(2);
    expect(styleSrc[0]).toBe("'self'");
    expect(styleSrc[1]).toMatch(/^'nonce-[0-9a-f]{32}'$/);
    expect(second.get('style-src')![1]).not.toBe(styleSrc[1]);
    expect([...first.values()].flat()).not.toContain("'unsafe-eval'");
    expect(first.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(first.get('script-src')![0]).toBe("'self'");
    expect(first.get('script-src-attr')).toEqual(["'none'"]);
  });
});
