// The development loop (`npm run dev`): the hub of `npm start`, and a watcher that restarts what a saved file
// touches, PostgreSQL and the services it does not touch keeping their processes:
//   subgraphs/<name>/schema.graphql   codegen for it, compose; then as below. A composition that fails is printed
//                                     and changes nothing (no restart, the supergraph on disk and served kept)
//   subgraphs/<name>/src/**           restart that subgraph (same port, same environment: its migrations and its
//                                     seed steps not yet applied run as it starts), then, if the supergraph
//                                     changed, the gateway reloads it (SIGHUP) without restarting
//   subgraphs/kit/src/**              restart every subgraph
//   schema/src/**                     restart every subgraph and the gateway (both import @hub/schema)
//   gateway/src/**                    restart the gateway
// (src/__generated__ and __tests__ folders excepted.) Saves within DEBOUNCE_MS of each other are one change; a change
// saved while one is being applied is applied after it.
//
// Watching: Node's fs.watch on each folder (not recursive), folders added later watched as they appear. A folder's
// watch sees every file of it created, written, renamed over (an editor's atomic save) or removed, which is all the
// loop needs, with no dependency; Node 20's `recursive: true` on Linux watches each file's inode instead, and an
// atomic save replaces the inode, so the second save of a file would go unseen.
import { existsSync, readdirSync, readFileSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { API_SCHEMA_PATH, REPO_ROOT, SUBGRAPHS, SUPERGRAPH_PATH, supergraphHash, type SubgraphEntry } from '@hub/schema';
import type { Hub } from './hub';

export const DEBOUNCE_MS = 300;

/** What one changed file asks for. */
export type Change =
  | { kind: 'subgraph'; name: string; schema: boolean; file: string }
  | { kind: 'kit'; file: string }
  | { kind: 'schema-code'; file: string }
  | { kind: 'gateway'; file: string };

/** Files editors write beside the real one while saving (vim's 4913 probe, swap and backup files, dot files). */
const scratch = (name: string) => name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name) || name === '4913';

/** Folders never watched, whatever tree they are in. */
const SKIPPED = new Set(['node_modules', '__generated__', '__tests__', 'dist', 'coverage', '.turbo']);

/** What a change of `file` (relative to the repository root, any separator) asks for; undefined: nothing. */
export function classify(file: string, subgraphs: readonly Pick<SubgraphEntry, 'name' | 'dir'>[] = SUBGRAPHS): Change | undefined {
  const parts = file.split(sep).join('/').split('/');
  if (scratch(parts[parts.length - 1]) || parts.some((p) => SKIPPED.has(p))) return undefined;
  const rel = parts.join('/');
  if (parts[0] === 'subgraphs' && parts.length >= 3) {
    if (parts[1] === 'kit') return parts[2] === 'src' && parts.length > 3 ? { kind: 'kit', file: rel } : undefined;
    const entry = subgraphs.find((s) => s.dir === `subgraphs/${parts[1]}`);
    if (!entry) return undefined;
    if (parts.length === 3 && parts[2] === 'schema.graphql') return { kind: 'subgraph', name: entry.name, schema: true, file: rel };
    if (parts[2] === 'src' && parts.length > 3) return { kind: 'subgraph', name: entry.name, schema: false, file: rel };
    return undefined;
  }
  if (parts[0] === 'schema' && parts[1] === 'src' && parts.length > 2) return { kind: 'schema-code', file: rel };
  if (parts[0] === 'gateway' && parts[1] === 'src' && parts.length > 2) return { kind: 'gateway', file: rel };
  return undefined;
}

/** What a batch of changes does, in order: codegen and compose for these schemas, restart these, then the gateway. */
export interface Plan {
  schemas: string[];
  subgraphs: string[];
  gateway: 'restart' | 'reload-if-changed';
}

export function plan(changes: readonly Change[], subgraphs: readonly Pick<SubgraphEntry, 'name'>[] = SUBGRAPHS): Plan {
  const all = subgraphs.map((s) => s.name);
  const shared = changes.some((c) => c.kind === 'kit' || c.kind === 'schema-code');
  const touched = new Set(changes.flatMap((c) => (c.kind === 'subgraph' ? [c.name] : [])));
  return {
    schemas: all.filter((n) => changes.some((c) => c.kind === 'subgraph' && c.name === n && c.schema)),
    subgraphs: shared ? all : all.filter((n) => touched.has(n)),
    gateway: changes.some((c) => c.kind === 'gateway' || c.kind === 'schema-code') ? 'restart' : 'reload-if-changed',
  };
}

/** Watches `dir` and every folder under it (but SKIPPED ones), reporting each changed path. */
class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(private readonly onPath: (path: string) => void) {}

  add(dir: string): void {
    if (this.watchers.has(dir) || SKIPPED.has(basename(dir)) || !existsSync(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        if (!name) return this.onPath(dir);
        const path = join(dir, name.toString());
        this.onPath(path);
        // A folder made (or moved in) is watched from now on; one removed is dropped.
        if (existsSync(path)) {
          if (statSync(path).isDirectory()) this.add(path);
        } else this.drop(path);
      });
    } catch {
      return; // gone already
    }
    w.on('error', () => this.drop(dir));
    this.watchers.set(dir, w);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) this.add(join(dir, entry.name));
  }

  private drop(dir: string): void {
    for (const [path, w] of this.watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        w.close();
        this.watchers.delete(path);
      }
    }
  }

  get size(): number {
    return this.watchers.size;
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

export interface DevLoopOptions {
  hub: Pick<Hub, 'restart' | 'reloadGateway' | 'logDir'>;
  /** One short line per change applied. */
  print: (line: string) => void;
  /** Failures (composition, codegen, a restart), each naming the files. */
  printError: (line: string) => void;
  debounceMs?: number;
}

export interface DevLoop {
  /** Folders watched. */
  readonly folders: number;
  /** Resolves when no change is waiting or being applied. */
  idle(): Promise<void>;
  close(): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Starts watching; each batch of changes is applied as `plan` says, one batch at a time. */
export function startDevLoop(opts: DevLoopOptions): DevLoop {
  // The repository this code runs from: its registry, its supergraph (a temporary copy of the repository watches itself).
  const root = REPO_ROOT;
  const subgraphs = SUBGRAPHS;
  const debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
  let pending: Change[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const waiting: (() => void)[] = [];

  const settle = () => {
    if (running || timer || pending.length) return;
    for (const w of waiting.splice(0)) w();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) return; // picked up when the running batch ends
      const batch = pending;
      pending = [];
      running = apply(batch)
        .catch((e) => opts.printError(`[dev] ${message(e)}`))
        .finally(() => {
          running = undefined;
          if (pending.length && !closed) schedule();
          else settle();
        });
    }, debounceMs);
  };

  const watcher = new FolderWatcher((path) => {
    if (closed) return;
    const change = classify(relative(root, path), subgraphs);
    if (!change) return;
    // The same file saved twice is one change.
    if (!pending.some((c) => c.file === change.file && c.kind === change.kind)) pending.push(change);
    schedule();
  });
  for (const dir of ['subgraphs', 'schema/src', 'gateway/src']) watcher.add(join(root, dir));

  async function apply(changes: Change[]): Promise<void> {
    const p = plan(changes, subgraphs);
    const label = labelOf(changes);
    const steps: string[] = [cause(changes)];
    const dirOf = (name: string) => subgraphs.find((s) => s.name === name)!.dir;
    let supergraph: string | undefined;
    let restart = p.subgraphs;

    if (p.schemas.length) {
      // Codegen first, so the types are fresh whatever composition says; its failure is reported, not fatal.
      try {
        const { generateSubgraphTypes } = await import('@hub/schema/codegen');
        let written = 0;
        for (const [file, content] of await generateSubgraphTypes(p.schemas.map(dirOf), root)) {
          if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
          writeFileSync(file, content);
          written++;
        }
        if (written) steps.push('types generated');
      } catch (e) {
        opts.printError(`[dev] ${label}: codegen failed (${p.schemas.map((n) => `${dirOf(n)}/schema.graphql`).join(', ')}): ${message(e)}`);
      }
      // Loaded at the first schema change: composition and codegen are not `npm start`'s to load.
      const { apiSchemaOf, compose } = await import('@hub/schema/compose');
      const result = compose();
      if (result.errors.length || !result.supergraphSdl) {
        const files = p.schemas.map((n) => `${dirOf(n)}/schema.graphql`).join(', ');
        opts.printError(
          `[dev] ${label}: ${steps.join(' → ')} → composition failed (${files}); nothing restarted, the gateway keeps the supergraph it serves:\n` +
            result.errors.map((e) => `  - ${e}`).join('\n'),
        );
        // The subgraphs whose schema did not compose keep running as they were; the rest of the batch goes on.
        restart = restart.filter((n) => !p.schemas.includes(n));
        if (!restart.length && p.gateway !== 'restart') return;
      } else {
        steps.push(`composed (${subgraphs.length} subgraphs)`);
        const before = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
        if (before !== result.supergraphSdl) {
          writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
          writeFileSync(API_SCHEMA_PATH, apiSchemaOf(result.supergraphSdl));
          supergraph = result.supergraphSdl;
        } else steps.push('supergraph unchanged');
      }
    }

    let failed = false;
    if (restart.length) {
      const started = Date.now();
      const outcomes = await Promise.allSettled(restart.map((n) => opts.hub.restart(n)));
      const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [message(o.reason)] : []));
      const what = restart.length === 1 ? 'restarted' : `restarted ${restart.length} subgraphs`;
      if (errors.length) {
        failed = true;
        steps.push(`${what}: ${errors.length} failed`);
        for (const e of errors) opts.printError(`[dev] ${label}: restart failed: ${e}`);
      } else steps.push(`${what} in ${seconds(Date.now() - started)}`);
    }

    if (p.gateway === 'restart') {
      try {
        steps.push(`gateway restarted in ${seconds(await opts.hub.restart('gateway'))}`);
      } catch (e) {
        failed = true;
        steps.push('gateway restart failed');
        opts.printError(`[dev] ${label}: gateway restart failed: ${message(e)}`);
      }
    } else if (supergraph) {
      try {
        steps.push(`gateway reloaded in ${seconds(await opts.hub.reloadGateway(supergraphHash(supergraph)))}`);
      } catch (e) {
        failed = true;
        steps.push('gateway reload failed');
        opts.printError(`[dev] ${label}: gateway reload failed: ${message(e)}`);
      }
    }
    (failed ? opts.printError : opts.print)(`[dev] ${label}: ${steps.join(' → ')}`);
  }

  return {
    get folders() {
      return watcher.size;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        settle();
      }),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
      watcher.close();
      settle();
    },
  };
}

/** Who the line is about: the subgraph, or the shared code, or the gateway. */
function labelOf(changes: readonly Change[]): string {
  const names = [
    ...new Set(
      changes.map((c) =>
        c.kind === 'subgraph' ? c.name : c.kind === 'kit' ? 'subgraphs/kit' : c.kind === 'schema-code' ? 'schema/src' : 'gateway',
      ),
    ),
  ];
  return names.join(', ');
}

/** What changed: "schema changed", or the files (two named, then how many more). */
function cause(changes: readonly Change[]): string {
  if (changes.length && changes.every((c) => c.kind === 'subgraph' && c.schema)) return 'schema changed';
  const files = changes.map((c) => (c.kind === 'subgraph' ? c.file.split('/').slice(2).join('/') : c.file));
  const shown = files.slice(0, 2).join(', ');
  return `${shown}${files.length > 2 ? ` and ${files.length - 2} more` : ''} changed`;
}
