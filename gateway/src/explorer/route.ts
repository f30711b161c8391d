/**
 * The offline explorer: GraphiQL at GET /explorer, in development only (createGateway
 * leaves the route out in production, so there it is a plain 404). Every file the page
 * loads comes from this gateway: our own page, script and styles next to this module, and
 * GraphiQL 3 and React 18 as the prebuilt UMD files their npm packages ship, so there is
 * no bundler step and no CDN. A strict Content-Security-Policy makes the browser refuse
 * anything from another origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBody, sendJson, type Route } from '../../../subgraphs/shared/http';
import type { Logger } from '../../../subgraphs/shared/logger';

/** The explorer's path: the page, and its files under /explorer/<name>. */
export const EXPLORER_PATH = '/explorer';

/**
 * This origin only, for scripts, styles, fonts, images and the page's fetches to /graphql.
 * Inline styles are allowed because GraphiQL's editors (CodeMirror) set style attributes;
 * inline scripts are not.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's own files, next to this module, by the name they are served under. */
const OWN_FILES: Record<string, string> = { '': 'index.html', 'explorer.js': 'explorer.js', 'explorer.css': 'explorer.css' };

/** Prebuilt browser files from npm packages (devDependencies): [package, file in the package]. */
const PACKAGE_FILES: Record<string, [string, string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export interface ExplorerAsset {
  body: Buffer;
  type: string;
}

/**
 * Reads every file of the explorer into memory (about 1.5 MB), by the name it is served
 * under ('' is the page). Throws when a package is not installed, e.g. after
 * `npm ci --omit=dev`.
 */
export function loadExplorerAssets(): Map<string, ExplorerAsset> {
  const here = dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  const paths = new Map<string, string>();
  for (const [name, file] of Object.entries(OWN_FILES)) paths.set(name, join(here, file));
  for (const [name, [pkg, file]] of Object.entries(PACKAGE_FILES)) {
    // The packages' `exports` do not list their UMD files; their package.json is always exported.
    paths.set(name, join(dirname(require.resolve(`${pkg}/package.json`)), file));
  }
  const assets = new Map<string, ExplorerAsset>();
  for (const [name, path] of paths) {
    const extension = path.slice(path.lastIndexOf('.') + 1);
    assets.set(name, { body: readFileSync(path), type: TYPES[extension] ?? 'application/octet-stream' });
  }
  return assets;
}

/** The headers of every explorer file: its type, the CSP, and no sniffing, framing or referrer. */
function assetHeaders(asset: ExplorerAsset): Record<string, string | number> {
  return {
    'content-type': asset.type,
    'content-length': asset.body.length,
    'content-security-policy': EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/**
 * GET /explorer (the page) and GET /explorer/<file>. Files are read once, when the
 * gateway starts; if the packages are missing the gateway still starts, logs why, and the
 * explorer answers 404 with the reason.
 */
export function explorerRoute(log: Logger): Route {
  let assets: Map<string, ExplorerAsset> | undefined;
  let missing = '';
  try {
    assets = loadExplorerAssets();
  } catch (error) {
    missing = `The explorer is not available: its packages are not installed (npm install): ${(error as Error).message.split('\n')[0]}`;
    log.warn({ err: { message: missing } }, 'explorer disabled');
  }
  return async (req, res, url) => {
    req.resume();
    if (!assets) {
      sendJson(res, 404, errorBody(missing, 'NOT_FOUND'));
      return;
    }
    const name = url.pathname === EXPLORER_PATH ? '' : url.pathname.slice(EXPLORER_PATH.length + 1);
    const asset = assets.get(name);
    if (!asset) {
      sendJson(res, 404, errorBody(`Not found: the explorer is ${EXPLORER_PATH}`, 'NOT_FOUND'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, errorBody('Only GET is allowed here', 'METHOD_NOT_ALLOWED'), { allow: 'GET, HEAD' });
      return;
    }
    res.writeHead(200, assetHeaders(asset));
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
}
