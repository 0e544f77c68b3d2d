/**
 * A small HTTP client for the benches: node:http over one keep-alive connection, as a
 * browser or script would hold it. Lighter on the client side than fetch, so the time
 * measured is mostly the server's (client and server share this process and its cores).
 */
import * as http from 'node:http';

export interface HttpReply {
  status: number;
  body: string;
}

export class BenchHttp {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly origin: URL;

  constructor(baseUrl: string) {
    this.origin = new URL(baseUrl);
  }

  request(method: string, path: string, token?: string, body?: unknown): Promise<HttpReply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.origin.hostname,
          port: this.origin.port,
          method,
          path,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A request that must answer `expected`; anything else throws with the answer. */
  async expect(expected: number, method: string, path: string, token?: string, body?: unknown): Promise<HttpReply> {
    const reply = await this.request(method, path, token, body);
    if (reply.status !== expected) {
      throw new Error(`${method} ${path}: expected ${expected}, got ${reply.status}: ${reply.body.slice(0, 500)}`);
    }
    return reply;
  }

  close(): void {
    this.agent.destroy();
  }
}
