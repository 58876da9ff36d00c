// A temporary copy of the repository for tests that change its files (scaffolding a subgraph, the development
// loop): the sources copied, node_modules linked to this checkout's installed packages (one link per package) except
// the hub's own workspaces, which point into the copy, so the copy runs its own code.
import { cpSync, existsSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@hub/schema';

/** Never copied: installed packages, git, build output and caches, and a local hub's data (`npm start`'s .data). */
export const SKIP = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage', '.hub', '.data']);

export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (SKIP.has(name)) continue;
    const src = join(from, name);
    const st = statSync(src);
    if (st.isDirectory()) copyTree(src, join(to, name));
    else cpSync(src, join(to, name));
  }
}

/** node_modules of the copy: every installed package linked to this checkout's, the hub's workspaces to the copy's. */
export function linkModules(copy: string): void {
  const from = join(REPO_ROOT, 'node_modules');
  const to = join(copy, 'node_modules');
  mkdirSync(to);
  for (const name of readdirSync(from)) if (name !== '@hub') symlinkSync(join(from, name), join(to, name));
  mkdirSync(join(to, '@hub'));
  for (const name of readdirSync(join(from, '@hub'))) {
    const target = readlinkSync(join(from, '@hub', name)); // ../../<workspace>, the same relative path in the copy
    symlinkSync(target, join(to, '@hub', name));
    // A workspace with packages of its own (a nested node_modules, the gateway's) gets them linked too.
    const nested = join(from, '@hub', target, 'node_modules');
    if (existsSync(nested)) symlinkSync(nested, join(to, '@hub', target, 'node_modules'));
  }
}
