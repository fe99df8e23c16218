/** The few parts of oidc-provider (which ships no types) that the single sign-on test uses. */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  type GrantLike = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type Context = {
    oidc: {
      provider: { Grant: new (options: { clientId: string; accountId: string }) => GrantLike };
      client?: { clientId: string };
      session?: { accountId?: string };
    };
  };
  type Account = { accountId: string; claims: () => Record<string, unknown> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        pkce?: { required: () => boolean };
        claims?: Record<string, string[]>;
        findAccount: (ctx: Context, sub: string) => Account | Promise<Account>;
        features?: Record<string, { enabled: boolean }>;
        loadExistingGrant?: (ctx: Context) => Promise<GrantLike>;
      },
    );
    listen(port: number, host: string): Server;
  }
}
