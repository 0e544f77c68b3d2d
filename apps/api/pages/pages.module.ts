import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { PageAssets, PageModules, loadAssets } from './assets';

/**
 * The paths people open in a browser, each with the module under assets/js/pages/ that
 * draws it. Every path answers with the same HTML shell; its script (app.js) receives this
 * table as js/routes.js and loads the page's module. Adding a page is a module and a line
 * here. The sub-analysis page is the link in every e-mail about a phase; the meeting
 * page the link in every e-mail about a meeting.
 */
export const PAGES = {
  '/': 'programmes',
  '/programmes/:id': 'programme',
  '/programmes/:id/reports': 'reports',
  '/programmes/:id/rehearsal': 'rehearsal',
  '/programmes/:id/reports/:rid': 'report',
  '/programmes/:id/sub-analyses/:sid': 'sub-analysis',
  '/programmes/:id/meetings/:mid': 'meeting',
} as const satisfies PageModules;

export const PAGE_PATHS = Object.keys(PAGES);

/**
 * Only the pages' own files may run or style anything; data comes from the same origin
 * (the API under /api); no frames, no plugins, no foreign forms.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Links in the shell carry the file's hash, so such a request may be cached for good. */
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/**
 * Serves the pages and their assets outside /api. The API's global prefix would put a
 * controller's routes under /api (bootstrap.ts excludes only /health), so these are
 * plain Express routes, added when the module initialises: after Nest's routes and
 * before its 404 handler. They are public by nature (the HTML, CSS and JS hold no data;
 * the script asks for a token and sends it to /api), so the guard, which sees only
 * Nest's routes, has nothing to decide here.
 */
@Injectable()
export class PageRoutes implements OnModuleInit {
  private assets?: PageAssets;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const assets = loadAssets(PAGES);
    this.assets = assets;
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    for (const pagePath of PAGE_PATHS) app.get(pagePath, (req, res) => this.page(req, res));
    // Express 5 names the rest of the path, split at '/' and decoded, `file`.
    app.get('/assets/*file', (req, res) => this.asset(req, res));
  }

  private page(_req: Request, res: Response): void {
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    // The shell names the current assets, so it is checked on every visit.
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(this.assets!.shell);
  }

  private asset(req: Request, res: Response): void {
    const file = (req.params as { file?: string[] }).file ?? [];
    const asset = this.assets!.files.get(file.join('/'));
    if (!asset) {
      res.status(404).type('text/plain; charset=utf-8').send('Filen findes ikke.');
      return;
    }
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', req.query.v === asset.hash ? CACHE_FOREVER : 'no-cache');
    // Express answers 304 when the browser already holds this version.
    res.setHeader('ETag', `"${asset.hash}"`);
    res.send(asset.body);
  }
}

/** The web pages people use: the programmes, the secretariat's overview, a sub-analysis, a meeting. */
@Module({ providers: [PageRoutes] })
export class PagesModule {}
