import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestProblems } from '../../../libs/texts/problems';
import { reason } from './error.filter';

/**
 * Requests Node refuses before Express sees them (headers too large, malformed HTTP,
 * too slow) are answered in the contract's shape too. Node would write a bare status
 * line; this writes the same status with a JSON body. The request's headers were not
 * read, so its language is unknown: English, as for scripts that ask for none.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const sent = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || sent) {
      socket.destroy(err);
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message =
      status === 431
        ? requestProblems.headersTooLarge.en
        : status === 408
          ? 'The request took too long'
          : 'Bad request';
    const body = JSON.stringify({ statusCode: status, error: reason(status), message, details: [] });
    socket.end(
      `HTTP/1.1 ${status} ${reason(status)}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
