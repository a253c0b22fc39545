import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import helmet from 'helmet';

/** The console's built files: `dist/apps/console` under the folder that holds package.json (from sources or from dist alike). */
export function consoleDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'apps', 'console');
}

/**
 * Serves the single-page app under /console: its files, else index.html for any page path (the app routes
 * itself). The CSP stays helmet's (own scripts and styles only) and lets the page reach the OIDC issuer.
 */
export function consoleStatic(root: string, issuer: string | undefined) {
  const files = express.static(root, { index: false, fallthrough: true });
  const csp = helmet.contentSecurityPolicy({
    directives: { connectSrc: ["'self'", ...(issuer ? [new URL(issuer).origin] : [])], upgradeInsecureRequests: null }, // the console also runs on plain-http localhost
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    csp(req, res, () => {
      const path = new URL(req.originalUrl, 'http://x').pathname.replace(/^\/console/, '') || '/';
      if ((req.method !== 'GET' && req.method !== 'HEAD') || path === '/config.json') return next();
      // express.static resolves req.url against root; Nest may or may not have stripped the mount path.
      const url = req.url;
      req.url = path;
      files(req, res, () => {
        req.url = url;
        if (path.startsWith('/assets/')) return next();
        const index = join(root, 'index.html');
        if (!existsSync(index)) {
          res
            .status(404)
            .type('text/plain')
            .send('The console is not built: run `npm run build` (or `npm start`, which builds it when missing).');
          return;
        }
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(index);
      });
    });
  };
}
