import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';

describe('configuration of mail and storage', () => {
  it('keeps messages in the outbox and files on disk by default', () => {
    const config = loadConfig({});
    expect(config.smtp).toBeNull();
    expect(config.s3).toBeNull();
    expect(config.registrationRatePerHour).toBe(10);
  });

  it('reads SMTP by URL or by host, port and account', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.go.id:465', MAIL_FROM: 'noreply@example.go.id' }).smtp).toEqual({
      transport: 'smtps://u:p@mail.example.go.id:465',
      from: 'noreply@example.go.id',
      pollSeconds: 30,
    });
    expect(loadConfig({ SMTP_HOST: 'mail.example.go.id', SMTP_USER: 'u', SMTP_PASS: 'p', MAIL_FROM: 'noreply@example.go.id' }).smtp?.transport).toEqual({
      host: 'mail.example.go.id',
      port: 587,
      secure: false,
      auth: { user: 'u', pass: 'p' },
    });
  });

  it('names what to fix when mail or storage is half configured', () => {
    expect(() => loadConfig({ SMTP_HOST: 'mail.example.go.id' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_HOST: 'mail.example.go.id' })).toThrow(/MAIL_FROM: required when SMTP is configured/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail', MAIL_FROM: 'x@y.id' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ SMTP_HOST: 'm', SMTP_USER: 'u', MAIL_FROM: 'x@y.id' })).toThrow(/SMTP_USER, SMTP_PASS: set both or neither/);
    expect(() => loadConfig({ S3_ENDPOINT: 'https://s3.example.go.id', S3_BUCKET: 'bukti' })).toThrow(
      /S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when S3 storage is configured/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'Bukti_Dukung' })).toThrow(/S3_BUCKET: must be a bucket name/);
  });
});

describe('configuration of the trusted proxy', () => {
  it('takes the secrets key as 32 bytes in hexadecimal, else a key file in the data directory', () => {
    expect(loadConfig({ SECRETS_KEY: 'aB'.repeat(32) }).secrets.key).toEqual(Buffer.alloc(32, 0xab));
    expect(loadConfig({ PARITRANA_DATA_DIR: '/srv/paritrana' }).secrets).toEqual({ key: null, keyFile: '/srv/paritrana/secrets.key' });
    expect(() => loadConfig({ SECRETS_KEY: 'ab'.repeat(16) })).toThrow(/SECRETS_KEY: must be 64 hexadecimal characters/);
    expect(() => loadConfig({ SECRETS_KEY: 'zz'.repeat(32) })).toThrow(/SECRETS_KEY: must be 64 hexadecimal characters/);
  });

  it('believes no X-Forwarded-For unless told which proxies to trust', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', 'fd00::/8']);
  });

  it('names what to fix in a wrong proxy list', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be a number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: must be a number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.go.id' })).toThrow(/TRUST_PROXY: must be a number of proxy hops/);
  });
});
