import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Every package.json under node_modules, nested ones included. */
function installedPackages(dir: string, found: { name: string; version: string; node?: string }[] = []): typeof found {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installedPackages(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
    if (pkg.name && pkg.version) found.push({ name: pkg.name, version: pkg.version, node: pkg.engines?.node });
    installedPackages(join(path, 'node_modules'), found);
  }
  return found;
}

describe('the Node.js version the README names', () => {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lowest = semver.minVersion(own.engines.node)!.version;

  it('is the one package.json declares', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`Node.js ≥ ${lowest.replace(/\.0$/, '')}`);
  });

  it('is supported by every installed package, so `npm ci` warns of no engine', () => {
    const refused = installedPackages(join(root, 'node_modules'))
      .filter((p) => p.node && !semver.satisfies(lowest, p.node, { includePrerelease: true }))
      .map((p) => `${p.name}@${p.version} needs node ${p.node}`);
    expect(refused).toEqual([]);
  });
});
