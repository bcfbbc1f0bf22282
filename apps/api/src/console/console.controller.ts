import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { consoleDir, readConsoleFile } from './console.files';

/**
 * Everything the page may load comes from this origin; no inline script or style, no framing. Images are fetched
 * with the reviewer's key and shown as blob: URLs.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The reviewer console: static files built from apps/console (`npm run build:console`). */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleController {
  private readonly dir = consoleDir();

  @Get()
  index(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() res: Response): void {
    this.send(res, file);
  }

  private send(res: Response, name: string): void {
    const file = readConsoleFile(this.dir, name);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!file) {
      const missing = name === 'index.html';
      res
        .status(missing ? 503 : 404)
        .type('text/plain')
        .send(missing ? 'The console is not built: run npm run build:console.' : 'Not found.');
      return;
    }
    // index.html names the current scripts; scripts may be cached briefly.
    res.setHeader('Cache-Control', name === 'index.html' ? 'no-store' : 'public, max-age=300');
    res.type(file.type).send(file.body);
  }
}
