import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const webRoot = `${root}dist/web`;

/** Builds the web app in the background when it has never been built. */
function buildWebIfMissing(log: (msg: string) => void): void {
  if (existsSync(`${webRoot}/index.html`)) return;
  const vite = `${root}node_modules/vite/bin/vite.js`;
  if (!existsSync(vite)) {
    log('web app not built and Vite is not installed: run `npm ci && npm run build`');
    return;
  }
  log('building the web app in the background (first start only)…');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code) => log(code === 0 ? 'web app built' : `web app build failed (exit ${code}); run npm run build`));
}

export function registerServe(program: Command, _status: ExitStatus): void {
  program
    .command('serve')
    .description('Start the web application and API (PORT, default 3000)')
    .option('--demo', 'create the demo edition and accounts when the database is empty')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .action(async (opts: { demo?: boolean; port?: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase, version } = await import('../../server/bootstrap.ts');
      const { buildApp } = await import('../../server/app.ts');
      const { demoLogins, demoPassword, seedDemo } = await import('../../server/services/demo.ts');
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      const database = await startDatabase(config);
      const app = await buildApp({ config, database, version });
      const log = (msg: string) => app.log.info(msg);
      if (opts.demo) {
        const { todayInWib } = await import('../../server/services/demo-calendar.ts');
        const today = todayInWib();
        const { created, label } = await seedDemo(database.db, { today });
        if (created) {
          const { seedShowcase } = await import('../../server/services/demo-showcase.ts');
          const showcase = await seedShowcase(database.db, { today });
          log(`demo edition "${label}" created with its registration open today, and "${showcase.label}" with NTB's published results (see /publik) and a pool in marking`);
        }
      }
      buildWebIfMissing(log);
      let stopping = false;
      /**
       * Stops taking requests, lets those under way and the background jobs
       * finish, writes the last audit anchor and closes the database; exits 0.
       * Whatever still holds it after SHUTDOWN_SECONDS (a client that keeps a
       * request open, a database that no longer answers) does not keep the
       * process alive: it exits 1 and says so. A second signal exits at once.
       */
      const shutdown = async (signal: string) => {
        if (stopping) {
          process.stderr.write(`paritrana: ${signal} again while stopping: exiting now\n`);
          process.exit(1);
        }
        stopping = true;
        const deadline = setTimeout(() => {
          process.stderr.write(
            `paritrana: not stopped within ${config.shutdownSeconds} s (SHUTDOWN_SECONDS): requests still under way, or jobs or the database not answering; exiting now\n`,
          );
          process.exit(1);
        }, config.shutdownSeconds * 1000);
        try {
          await app.close();
          await database.close();
        } catch (error) {
          process.stderr.write(`paritrana: stopping failed: ${(error as Error).message}\n`);
          process.exit(1);
        }
        clearTimeout(deadline);
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
      const lines = [`Paritrana ${version} on ${url} (database: ${database.driver}${'dataDir' in config.database ? `, ${config.database.dataDir}` : ''})`];
      if (opts.demo) {
        lines.push(`Demo log-ins (password "${demoPassword}" unless changed):`);
        for (const a of demoLogins) lines.push(`  ${a.email.padEnd(34)} ${a.label}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      // Keeps running until a signal arrives.
      await new Promise(() => {});
    });
}
