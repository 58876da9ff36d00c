// The security console (gateway/console/src): a React page bundled by esbuild from the npm packages when the
// gateway starts, in the background, and served from memory, so it works with no internet access and `npm start`
// has no build step. The bundle is cached on disk under node_modules/.cache, keyed by a hash of the console's
// sources, the bundled packages' versions and esbuild's; a restart with nothing changed reads it back in
// milliseconds. A request that arrives before the bundle is ready waits for it (routes/console.route.ts).
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Logger } from 'pino';

/** gateway/console, from src/ (tsx, jest) and from dist/ (built) alike. */
const CONSOLE_DIR = join(__dirname, '..', 'console');
const ENTRY = join(CONSOLE_DIR, 'src', 'main.tsx');

/** What goes into the bundle besides the console's own sources: a new version of any of them is a new bundle. */
const BUNDLED_PACKAGES = [
  'react',
  'react-dom',
  '@mantine/core',
  '@mantine/hooks',
  '@mantine/dates',
  '@mantine/charts',
  'recharts',
  'dayjs',
  'esbuild',
];

/** Raised when the build options below change in a way the sources' hash would not show. */
const BUILD_FORMAT = 1;

export interface ConsoleBundle {
  /** The cache key; its first 16 characters name the asset files. */
  key: string;
  js: Buffer;
  css: Buffer;
  /** The same, gzip-compressed once, for clients that accept it. */
  gzip: { js: Buffer; css: Buffer };
  /** Time to produce it (a cache read, or esbuild). */
  ms: number;
  fromCache: boolean;
}

/** The installed package's directory, found the way Node resolves it from here (works for export-restricted packages). */
function packageDir(name: string): string | undefined {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  return undefined;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

/** SHA-256 over the build format, the bundled packages' versions and every file of gateway/console. */
export function consoleSourceKey(): string {
  const h = createHash('sha256').update(`format ${BUILD_FORMAT}\n`);
  for (const name of BUNDLED_PACKAGES) {
    const dir = packageDir(name);
    const version = dir ? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version : 'missing';
    h.update(`${name}@${version}\n`);
  }
  for (const file of filesUnder(CONSOLE_DIR)) {
    h.update(`${relative(CONSOLE_DIR, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  }
  return h.digest('hex');
}

/** node_modules/.cache/hub-console next to the installed packages (the repository root's node_modules in a workspace). */
export function defaultCacheDir(): string {
  const mantine = packageDir('@mantine/core');
  const nodeModules = mantine ? dirname(dirname(mantine)) : join(CONSOLE_DIR, '..', 'node_modules');
  return join(nodeModules, '.cache', 'hub-console');
}

function readCached(dir: string): { js: Buffer; css: Buffer } | undefined {
  try {
    return { js: readFileSync(join(dir, 'console.js')), css: readFileSync(join(dir, 'console.css')) };
  } catch {
    return undefined;
  }
}

/** Writes the entry next to its final place and renames it in, so a concurrent reader sees all of it or nothing. */
function writeCache(cacheDir: string, key: string, js: Uint8Array, css: Uint8Array): void {
  mkdirSync(cacheDir, { recursive: true });
  const tmp = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  writeFileSync(join(tmp, 'console.js'), js);
  writeFileSync(join(tmp, 'console.css'), css);
  try {
    renameSync(tmp, join(cacheDir, key));
  } catch {
    // Another process wrote the same entry first.
    rmSync(tmp, { recursive: true, force: true });
  }
  // Older entries (other sources or versions) are of no further use; unfinished ones of others are left alone.
  for (const entry of readdirSync(cacheDir)) {
    if (entry === key || entry.startsWith('.tmp-')) continue;
    const path = join(cacheDir, entry);
    if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
  }
}

/** Bundles the console with esbuild, in memory (no files written but the cache). */
async function buildConsole(): Promise<{ js: Uint8Array; css: Uint8Array }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { console: ENTRY },
    absWorkingDir: CONSOLE_DIR,
    tsconfig: join(CONSOLE_DIR, 'tsconfig.json'),
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'browser',
    format: 'iife',
    target: ['chrome109', 'firefox115', 'safari15.6'],
    jsx: 'automatic',
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'));
  if (!js || !css) throw new Error('esbuild produced no console.js or console.css');
  return { js: js.contents, css: css.contents };
}

/** The bundle from the disk cache, or built (and cached). */
export async function bundleConsole(cacheDir = defaultCacheDir(), log?: Logger): Promise<ConsoleBundle> {
  const started = process.hrtime.bigint();
  const ms = () => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
  const key = consoleSourceKey();
  const zipped = (js: Buffer, css: Buffer) => ({ js, css, gzip: { js: gzipSync(js), css: gzipSync(css) } });
  const cached = readCached(join(cacheDir, key));
  if (cached) return { key, ...zipped(cached.js, cached.css), ms: ms(), fromCache: true };
  const built = await buildConsole();
  try {
    writeCache(cacheDir, key, built.js, built.css);
  } catch (e) {
    log?.warn({ err: e, cacheDir }, 'console bundle not cached');
  }
  return { key, ...zipped(Buffer.from(built.js), Buffer.from(built.css)), ms: ms(), fromCache: false };
}

/** One bundle per process and cache directory: several gateways in one process (tests) share it. */
const bundles = new Map<string, Promise<ConsoleBundle>>();

export function sharedBundle(cacheDir: string, log: Logger | undefined): Promise<ConsoleBundle> {
  let p = bundles.get(cacheDir);
  if (!p) {
    p = bundleConsole(cacheDir, log);
    bundles.set(cacheDir, p);
    // A failed build is retried by the next gateway (or the next request).
    p.catch(() => bundles.delete(cacheDir));
  }
  return p;
}

export const consoleCsp = (nonce: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    // Mantine writes its CSS variables and responsive styles into <style> elements that carry this nonce.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The console's page, naming its assets and the nonce of its styles. */
export function consolePage(assetName: string, nonce: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="csp-nonce" content="${nonce}">
  <title>Bảng điều khiển an ninh · Security console</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/console/assets/${assetName}.css">
  <script src="/console/assets/${assetName}.js" defer></script>
</head>
<body>
  <div id="console"><noscript>The security console needs JavaScript.</noscript></div>
</body>
</html>`;
}
