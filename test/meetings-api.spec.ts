import type { Client } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { access, readdir } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { EXE_BYTES, pdfFile, pdfText, readZip, zipOf } from '../libs/documents/test-fixtures';
import { instantiateForYear } from '../libs/plan';
import { Meetings, ReadModel } from '../libs/persistence/repositories';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { TEMPORAL_CLIENT } from '../apps/api/common/tokens';
import { meetingWorkflowId } from '../workflows/ids';
import { RunningApp, startApp } from './support/app';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-meetings-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';
const COMMITTEE_MEMBER = 'udvalgsmedlem-2@example.org';
const JUNE = 'udvalg-juni';
const AUGUST = 'udvalg-august';
/** The configured upload limit of this test's app. */
const LIMIT_MB = 1;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Version {
  number: number;
  fileName: string;
  size: number;
  sha256: string;
  kind: string;
  submittedBy: string;
  comment?: string;
}

interface Part {
  name: string;
  value: Buffer | string;
  /** Written into the part's header as given. */
  filename?: string;
  /** Sent as RFC 5987 `filename*` (UTF-8, percent-encoded), as clients send names that need it. */
  filenameStar?: string;
}

/** A multipart/form-data body built by hand, so a file name reaches the server byte for byte. */
function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----spor-test-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename =
      part.filenameStar !== undefined
        ? `; filename*=UTF-8''${encodeURIComponent(part.filenameStar)}`
        : part.filename === undefined
          ? ''
          : `; filename="${part.filename}"`;
    const type = filename === '' ? '' : '\r\nContent-Type: application/octet-stream';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`),
    );
    chunks.push(Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Committee meetings over HTTP, with the app and a worker on the dev server: what the
 * API checks itself (who, which meeting, which file) and what it hands the meeting
 * workflow. Every refused upload is checked to have left nothing in the file store.
 */
describe('meetings over HTTP (dev server, worker, API)', () => {
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  const base = instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1);
  // An id of its own (workflow ids derive from it); klima hands in nothing for August.
  const definition = {
    ...base,
    id: 'meetings-http',
    subAnalyses: base.subAnalyses.map((s) =>
      s.id === 'klima' ? { ...s, deliverables: s.deliverables.filter((d) => d.meeting !== AUGUST) } : s,
    ),
  };
  const id = definition.id;
  const meetings = `/programmes/${id}/meetings`;

  async function api(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json');
    return {
      status: res.status,
      headers: res.headers,
      bytes,
      body: json && bytes.length ? JSON.parse(String(bytes)) : undefined,
    };
  }

  async function upload(token: string, meeting: string, sid: string, parts: Part[]) {
    const { body, contentType } = multipart(parts);
    const res = await fetch(`${app.baseUrl}/api${meetings}/${meeting}/deliverables/${sid}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Every file under the store's folder, temporary ones included. */
  async function storedFiles(): Promise<string[]> {
    const root = join(app.config.dataDir, 'files');
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  async function deliverable(meeting: string, sid: string) {
    const res = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${meeting}`);
    return res.body.deliverables.find((d: { subAnalysis: string }) => d.subAnalysis === sid) as {
      state: string;
      versions: Version[];
      reviews: { action: string; version: number; comment?: string }[];
      approvedVersion?: number;
    };
  }

  async function versions(meeting: string, sid: string): Promise<Version[]> {
    return (await deliverable(meeting, sid)).versions;
  }

  /** Whether the store holds these bytes. */
  async function stored(bytes: Buffer): Promise<boolean> {
    const hash = sha256(bytes);
    const path = join(app.config.dataDir, 'files', 'sha256', hash.slice(0, 2), hash.slice(2));
    return access(path).then(
      () => true,
      () => false,
    );
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN, MAX_UPLOAD_MB: String(LIMIT_MB) });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD, KLIMA_LEAD, COMMITTEE_MEMBER]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('before the programme starts', () => {
    it('shows every meeting as planned: its dates, every deliverable missing, the default agenda', async () => {
      const programme = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}`);
      const list = await api(tokens[COMMITTEE_MEMBER], 'GET', meetings);
      expect(list.status).toBe(200);
      expect(list.body.map((m: { meetingId: string }) => m.meetingId)).toEqual([JUNE, AUGUST]);
      for (const [i, planned] of programme.body.plan.meetings.entries()) {
        expect(list.body[i]).toMatchObject({
          date: planned.date,
          materialDue: planned.materialDue,
          packageDate: planned.packageDate,
          version: 0,
        });
      }
      const june = await api(tokens[SBV_LEAD], 'GET', `${meetings}/${JUNE}`);
      expect({ ...june.body, asOf: undefined }).toEqual({ ...list.body[0], asOf: undefined });
      expect(june.body).toMatchObject({ time: '15:00', durationMinutes: 120, place: 'Aarhus Rådhus' });
      expect(june.body.deliverables.map((d: { subAnalysis: string }) => d.subAnalysis)).toEqual(
        definition.subAnalyses.map((s) => s.id),
      );
      expect(june.body.deliverables.every((d: { state: string }) => d.state === 'missing')).toBe(true);
      const agenda = june.body.agenda as { key: string; number: number; attachments: { number: string }[] }[];
      expect(agenda.map((i) => i.key)).toEqual([
        'godkendelse-af-dagsorden',
        ...definition.subAnalyses.map((s) => s.id),
        'eventuelt',
      ]);
      expect(agenda.map((i) => i.number)).toEqual(agenda.map((_, n) => n + 1));
      expect(agenda[1].attachments.map((a) => a.number)).toEqual(['2.1']);
      // klima hands in nothing for August: no deliverable, no item.
      const august = list.body[1];
      expect(august.deliverables.map((d: { subAnalysis: string }) => d.subAnalysis)).not.toContain('klima');
      expect(august.agenda.map((i: { key: string }) => i.key)).not.toContain('klima');
    });

    it('serves the agenda as a PDF whose text lists every item and its missing material', async () => {
      const res = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/agenda.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Dagsorden - .*\.pdf"; filename\*=UTF-8''/,
      );
      const text = await pdfText(res.bytes);
      expect(text).toContain('Godkendelse af dagsorden');
      expect(text).toContain('Eventuelt');
      for (const sub of definition.subAnalyses) expect(text).toContain(sub.title.slice(0, 20));
      expect(text).toMatch(/Bilag 2\.1 Foreløbige analysefund – mangler/);
    });

    it('answers 404 for what the programme does not know, naming it', async () => {
      const unknown = await api(tokens[SECRETARIAT], 'GET', `${meetings}/udvalg-december`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/no meeting "udvalg-december"/);
      const noDeliverable = await upload(tokens[KLIMA_LEAD], AUGUST, 'klima', [
        { name: 'file', value: await pdfFile(), filename: 'klima.pdf' },
      ]);
      expect(noDeliverable.status).toBe(404);
      expect(noDeliverable.body.message).toMatch(/"klima" has no deliverable for meeting udvalg-august/);
      expect((await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/deliverables/sbv/versions/1`)).status).toBe(
        404,
      );
      const item = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}/items/intet`, { minutes: 10 });
      expect(item.status).toBe(404);
      expect(item.body.message).toMatch(/no agenda item "intet"/);
      const pkg = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/package`);
      expect(pkg.status).toBe(404);
      expect(pkg.body.message).toMatch(/not been sent/);
      const protocol = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/protocol.pdf`);
      expect(protocol.status).toBe(404);
      expect(protocol.body.message).toMatch(/No decisions/);
      expect(await storedFiles()).toEqual([]);
    });

    it('refuses people whose role does not allow the action', async () => {
      const other = await upload(tokens[KLIMA_LEAD], JUNE, 'sbv', [
        { name: 'file', value: await pdfFile(), filename: 'sbv.pdf' },
      ]);
      expect(other.status).toBe(403);
      expect(other.body.details).toEqual([]);
      expect((await api(tokens[SBV_LEAD], 'PATCH', `${meetings}/${JUNE}`, { place: 'x', reason: 'y' })).status).toBe(
        403,
      );
      expect((await api(tokens[SBV_LEAD], 'POST', `${meetings}/${JUNE}/deliverables/sbv/approve`)).status).toBe(403);
      const draft = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/package?draft=true`);
      expect(draft.status).toBe(403);
      expect(draft.body.message).toMatch(/secretariat/);
      expect(await storedFiles()).toEqual([]);
    });

    it('lists every problem of a bad body by its path', async () => {
      const change = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}`, {
        date: '2027-13-01',
        time: '25:00',
        reason: ' ',
      });
      expect(change.status).toBe(400);
      expect(change.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['date', 'reason', 'time']);
      const nothing = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}`, { reason: 'flyttes' });
      expect(nothing.status).toBe(400);
      expect(nothing.body.message).toMatch(/at least one of date, time, place or materialDue/);

      const item = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}/items/sbv`, {
        method: 'afstemning',
        minutes: 0,
        colour: 'rød',
      });
      expect(item.status).toBe(400);
      expect(item.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['', 'method', 'minutes']);

      const decisions = await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/decisions`, {
        items: [
          { subAnalysis: 'sbv', outcome: 'vedtaget' },
          { subAnalysis: 'klima', outcome: 'godkendt', input: 'Ok' },
        ],
      });
      expect(decisions.status).toBe(400);
      expect(decisions.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'items[0].input',
        'items[0].outcome',
      ]);
      const notOnAgenda = await api(tokens[SECRETARIAT], 'POST', `${meetings}/${AUGUST}/decisions`, {
        items: [
          { subAnalysis: 'klima', outcome: 'godkendt', input: 'Ok' },
          { subAnalysis: 'sbv', outcome: 'droeftet', input: 'Ok' },
          { subAnalysis: 'sbv', outcome: 'godkendt', input: 'Igen' },
        ],
      });
      expect(notOnAgenda.status).toBe(400);
      expect(notOnAgenda.body.details).toEqual([
        { path: 'items[0].subAnalysis', message: expect.stringMatching(/"klima" has no item on the agenda/) },
        { path: 'items[2].subAnalysis', message: expect.stringMatching(/decided twice/) },
      ]);

      const changes = await api(
        tokens[SECRETARIAT],
        'POST',
        `${meetings}/${JUNE}/deliverables/sbv/request-changes`,
        {},
      );
      expect(changes.status).toBe(400);
      expect(changes.body.details[0].path).toBe('comment');
      const version = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/deliverables/sbv/versions/første`);
      expect(version.status).toBe(400);
      expect(version.body.details[0].path).toBe('n');
      expect((await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/reopen`, {})).status).toBe(400);
    });

    it('takes no material before the programme has started, and stores none', async () => {
      const early = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'file', value: await pdfFile(), filename: 'tidligt.pdf' },
      ]);
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/has not been started/);
      expect(await storedFiles()).toEqual([]);
    });
  });

  describe('bad uploads to a running programme', () => {
    beforeAll(async () => {
      expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    });

    afterEach(async () => {
      // Whatever was refused left nothing behind.
      expect(await storedFiles()).toEqual([]);
      expect(await versions(JUNE, 'sbv')).toEqual([]);
    });

    it('answers 400 for an empty file, naming the field', async () => {
      const res = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [{ name: 'file', value: '', filename: 'tom.pdf' }]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: [{ path: 'file', message: 'is empty' }],
      });
    });

    it('answers 400 when no file is sent, or it is sent in another field', async () => {
      const none = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [{ name: 'comment', value: 'Her er intet' }]);
      expect(none.status).toBe(400);
      expect(none.body.details[0].path).toBe('file');
      // A JSON body is not a form: the upload takes multipart/form-data only.
      const json = await api(tokens[SBV_LEAD], 'POST', `${meetings}/${JUNE}/deliverables/sbv`, { file: 'x' });
      expect(json.status).toBe(415);
      expect(json.body.details[0].path).toBe('Content-Type');
      const wrongField = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'bilag', value: await pdfFile(), filename: 'bilag.pdf' },
      ]);
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.details[0]).toEqual({ path: 'bilag', message: expect.stringContaining('"file"') });
    });

    it('answers 413 for a file over the limit, in the contract shape', async () => {
      const res = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'file', value: Buffer.alloc(LIMIT_MB * 1024 * 1024 + 1, 0x61), filename: 'stor.txt' },
      ]);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `The file is larger than the limit of ${LIMIT_MB} MB`,
        details: [{ path: 'file', message: `The file is larger than the limit of ${LIMIT_MB} MB` }],
      });
    });

    it.each([
      ['declaring its length', true],
      ['in chunks of unknown length', false],
    ])('stops reading a far too large upload %s', async (_name, declareLength) => {
      // 128 MiB offered in 64 KiB pieces, sent only as fast as the server takes them.
      const piece = Buffer.alloc(64 * 1024, 0x61);
      const pieces = 2048;
      const { body: head, contentType } = multipart([{ name: 'file', value: '', filename: 'kæmpe.txt' }]);
      const [start, end] = [
        head.subarray(0, head.indexOf('\r\n\r\n') + 4),
        head.subarray(head.indexOf('\r\n\r\n') + 4),
      ];
      const url = new URL(`${app.baseUrl}/api${meetings}/${JUNE}/deliverables/sbv`);
      // What the server had read of this connection when its answer went out.
      let readAtAnswer = -1;
      const server = app.api.getHttpServer() as Server;
      const watch = (req: IncomingMessage, res: ServerResponse) => {
        if (req.method === 'POST') res.on('finish', () => (readAtAnswer = req.socket.bytesRead));
      };
      server.on('request', watch);
      let sent = 0;
      let answered = false;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            method: 'POST',
            hostname: url.hostname,
            port: url.port,
            path: url.pathname,
            headers: {
              authorization: `Bearer ${tokens[SBV_LEAD]}`,
              'content-type': contentType,
              ...(declareLength ? { 'content-length': String(start.length + pieces * piece.length + end.length) } : {}),
            },
          },
          (res) => {
            // A client stops sending once it has its answer.
            answered = true;
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              req.destroy();
              resolve({ status: res.statusCode ?? 0, body: text });
            });
          },
        );
        req.on('error', (error) => (answered ? undefined : reject(error)));
        req.write(start);
        const more = () => {
          while (sent < pieces && !answered) {
            sent++;
            if (!req.write(piece)) return void req.once('drain', more);
          }
          if (!answered) req.end(end);
        };
        more();
      });
      server.off('request', watch);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).details).toEqual([{ path: 'file', message: expect.stringContaining('limit') }]);
      // The server answered having read little more than the limit of the 128 MiB.
      expect(readAtAnswer).toBeGreaterThan(0);
      expect(readAtAnswer).toBeLessThan((LIMIT_MB + 4) * 1024 * 1024);
      // The answer came when at most the limit and what the kernel's socket buffers hold
      // (here up to 36 MiB) was sent, not after the 128 MiB: the server did not read on.
      expect(sent * piece.length).toBeLessThan(64 * 1024 * 1024);
    });

    it.each([
      ['a zip named .pdf', () => zipOf({ 'a.txt': 'a' }), 'bilag.pdf', /found: ZIP/],
      ['a Windows program named .docx', async () => EXE_BYTES, 'rapport.docx', /found: EXE/],
      ['binary bytes named .txt', async () => Buffer.from([0x41, 0x00, 0x42, 0x1b]), 'noter.txt', /control character/],
    ])('answers 415 for %s, saying what was found', async (_name, bytes, filename, found) => {
      const res = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [{ name: 'file', value: await bytes(), filename }]);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', details: [{ path: 'file' }] });
      expect(res.body.message).toMatch(found);
    });

    it('answers 400 for a comment that is too long, keeping nothing of the file before it', async () => {
      const res = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'file', value: await pdfFile(), filename: 'resultater.pdf' },
        { name: 'comment', value: 'x'.repeat(20_000) },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.details[0].path).toBe('comment');
    });
  });
  describe('material handed in, reviewed and kept', () => {
    const first = pdfFile('Foreløbige analysefund, første udkast');
    const second = pdfFile('Foreløbige analysefund, rettet efter sekretariatets kommentarer');

    beforeAll(async () => {
      // The meeting workflow, started by the programme, has written its snapshot.
      await eventually(
        async () => (await app.api.get(Meetings).snapshot(id, JUNE)) !== undefined,
        30_000,
        'the June meeting workflow to write the read model',
      );
    });

    it('takes a version, asks for changes, takes the next and approves it', async () => {
      const bytes = await first;
      const one = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'file', value: bytes, filename: 'Foreløbige fund.pdf' },
        { name: 'comment', value: 'Første udkast' },
      ]);
      expect(one.status).toBe(201);
      expect(one.body).toMatchObject({
        number: 1,
        fileName: 'Foreløbige fund.pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        kind: 'pdf',
        submittedBy: SBV_LEAD,
        comment: 'Første udkast',
      });
      expect((await deliverable(JUNE, 'sbv')).state).toBe('submitted');

      const download = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/deliverables/sbv/versions/1`);
      expect(download.status).toBe(200);
      expect(download.bytes.equals(bytes)).toBe(true);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="Foreloebige fund.pdf"; filename*=UTF-8''Forel%C3%B8bige%20fund.pdf`,
      );

      const changes = await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/deliverables/sbv/request-changes`, {
        comment: 'Tilføj tallene for 2024',
      });
      expect(changes.status).toBe(200);
      const asked = await deliverable(JUNE, 'sbv');
      expect(asked.state).toBe('changes_requested');
      expect(asked.reviews).toEqual([
        expect.objectContaining({ action: 'changes_requested', version: 1, comment: 'Tilføj tallene for 2024' }),
      ]);
      // Nothing new to approve until the lead has handed in again.
      expect((await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/deliverables/sbv/approve`)).status).toBe(409);

      const two = await upload(tokens[SBV_LEAD], JUNE, 'sbv', [
        { name: 'file', value: await second, filename: 'Foreløbige fund v2.pdf' },
      ]);
      expect(two.status).toBe(201);
      expect(two.body.number).toBe(2);
      expect((await deliverable(JUNE, 'sbv')).state).toBe('submitted');

      const approved = await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/deliverables/sbv/approve`);
      expect(approved.status).toBe(200);
      const sbvItem = approved.body.agenda.find((i: { key: string }) => i.key === 'sbv');
      expect(sbvItem.attachments[0]).toMatchObject({ version: 2, file: { sha256: sha256(await second) } });
      expect(await deliverable(JUNE, 'sbv')).toMatchObject({ state: 'approved', approvedVersion: 2 });
      // The overview shows the material as the meeting sees it.
      const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
      const sbvStatus = status.body.subAnalyses.find((x: { id: string }) => x.id === 'sbv');
      expect(sbvStatus.deliverables.find((d: { meeting: string }) => d.meeting === JUNE).state).toBe('approved');
      // Both versions stay, each byte for byte.
      for (const [n, b] of [
        [1, await first],
        [2, await second],
      ] as const) {
        const res = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/deliverables/sbv/versions/${n}`);
        expect(res.bytes.equals(b)).toBe(true);
      }

      const audit = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/audit?limit=1000`);
      const uploads = audit.body.filter(
        (e: { action: string }) => e.action === 'POST /api/programmes/:id/meetings/:mid/deliverables/:sid',
      );
      expect(uploads.map((e: { status: number }) => e.status)).toEqual(expect.arrayContaining([201, 400, 413, 415]));
    });

    it('stores a path or control characters in a name as a safe name', async () => {
      const bytes = await pdfFile('Klima');
      const traversal = await upload(tokens[KLIMA_LEAD], JUNE, 'klima', [
        { name: 'file', value: bytes, filename: '../../../etc/passwd.pdf' },
      ]);
      expect(traversal.status).toBe(201);
      expect(traversal.body.fileName).toBe('passwd.pdf');
      const control = await upload(tokens[KLIMA_LEAD], JUNE, 'klima', [
        { name: 'file', value: bytes, filenameStar: 'C:\\Users\\x\\bi\u0007lag\u001b[31m\u202e.docx' },
      ]);
      expect(control.status).toBe(201);
      expect(control.body.fileName).toBe('bilag[31m.pdf');
      // Identical bytes are stored once, under their hash, whatever they were called.
      const files = await storedFiles();
      expect(files.filter((f) => f.endsWith(sha256(bytes).slice(2)))).toHaveLength(1);
      expect(files.some((f) => /passwd|bilag/.test(f))).toBe(false);
      const download = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/deliverables/klima/versions/2`);
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="bilag[31m.pdf"`);
    });

    it('gives two uploads at the same time two distinct version numbers', async () => {
      const [a, b] = await Promise.all([pdfFile('Ledige A'), pdfFile('Ledige B')]);
      const results = await Promise.all([
        upload(tokens[SECRETARIAT], JUNE, 'ledige', [{ name: 'file', value: a, filename: 'a.pdf' }]),
        upload(tokens[SECRETARIAT], JUNE, 'ledige', [{ name: 'file', value: b, filename: 'b.pdf' }]),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      expect(results.map((r) => r.body.number).sort()).toEqual([1, 2]);
      const kept = await versions(JUNE, 'ledige');
      expect(kept.map((v) => [v.number, v.fileName]).sort()).toEqual(
        results.map((r) => [r.body.number, r.body.fileName]).sort(),
      );
    });

    it('lets the secretariat set agenda items and move the meeting', async () => {
      const item = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}/items/sbv`, {
        title: 'Borger- og virksomhedsservice: foreløbige fund',
        method: 'droeftelse',
        minutes: 25,
        order: 3,
        recommendation: 'Det indstilles, at udvalget drøfter de foreløbige fund.',
      });
      expect(item.status).toBe(200);
      const sbv = item.body.agenda.find((i: { key: string }) => i.key === 'sbv');
      expect(sbv).toMatchObject({ method: 'drøftelse', minutes: 25, number: 3 });
      expect(item.body.agenda[0].key).toBe('godkendelse-af-dagsorden');
      const standing = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}/items/eventuelt`, { minutes: 10 });
      expect(standing.status).toBe(200);

      const moved = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}`, {
        place: 'Aarhus Rådhus, byrådssalen',
        time: '16:00',
        reason: 'Mødet flyttes til byrådssalen',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ place: 'Aarhus Rådhus, byrådssalen', time: '16:00' });
      expect(moved.body.changes.at(-1)).toMatchObject({ by: SECRETARIAT, reason: 'Mødet flyttes til byrådssalen' });
      const same = await api(tokens[SECRETARIAT], 'PATCH', `${meetings}/${JUNE}`, { time: '16:00', reason: 'igen' });
      expect(same.status).toBe(409);

      const text = await pdfText((await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/agenda.pdf`)).bytes);
      expect(text).toContain('Borger- og virksomhedsservice: foreløbige fund');
      expect(text).toContain('byrådssalen');
      expect(text).toMatch(/Bilag 3\.1 Foreløbige analysefund(?! – mangler)/);
    });

    it('gives the secretariat a draft package holding exactly the approved files', async () => {
      const res = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/package?draft=true`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const entries = await readZip(res.bytes);
      expect(entries.map((e) => e.name)).toEqual([
        expect.stringMatching(/^Dagsorden - .*\.pdf$/),
        'Punkt 3 - Bilag 1 - Foreløbige analysefund.pdf',
      ]);
      expect(entries[1].bytes.equals(await second)).toBe(true);
    });

    it('records decisions and serves the protocol made from them', async () => {
      const before = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/protocol.pdf`);
      expect(before.status).toBe(404);
      const decided = await api(tokens[SECRETARIAT], 'POST', `${meetings}/${JUNE}/decisions`, {
        items: [
          { subAnalysis: 'sbv', outcome: 'godkendt', input: 'Udvalget ønsker særligt fokus på ventetider.' },
          { subAnalysis: 'klima', outcome: 'udgaaet', input: 'Punktet tages op på næste møde.' },
        ],
      });
      expect(decided.status).toBe(200);
      expect(decided.body.decisions).toEqual([
        expect.objectContaining({ subAnalysis: 'sbv', outcome: 'godkendt', decidedBy: SECRETARIAT }),
        expect.objectContaining({ subAnalysis: 'klima', outcome: 'udgaaet' }),
      ]);
      const protocol = await eventually(
        async () => {
          const res = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meetings}/${JUNE}/protocol.pdf`);
          return res.status === 200 ? res : undefined;
        },
        30_000,
        'the protocol to be made',
      );
      expect(protocol.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(protocol.bytes);
      expect(text).toContain('særligt fokus på ventetider');
      // The sub-analysis shows its decision once the meeting has passed it on.
      await eventually(
        async () =>
          (await api(tokens[SBV_LEAD], 'GET', `/programmes/${id}/sub-analyses/sbv`)).body.decisions.some(
            (d: { meeting: string; outcome: string }) => d.meeting === JUNE && d.outcome === 'godkendt',
          ),
        30_000,
        'the decision on the sub-analysis',
      );
      expect(text).toContain('Punktet tages op på næste møde');
    });

    it('keeps every file and version across a restart', async () => {
      const before = await api(tokens[SECRETARIAT], 'GET', meetings);
      await app.stop();
      app = await startApp({
        SPOR_ADMIN_TOKEN: ADMIN,
        MAX_UPLOAD_MB: String(LIMIT_MB),
        DATA_DIR: app.config.dataDir,
        TEMPORAL_TASK_QUEUE: app.config.temporal.taskQueue,
      });
      const after = await api(tokens[SECRETARIAT], 'GET', meetings);
      const versionsOf = (list: { deliverables: { versions: Version[] }[] }[]) =>
        list.map((m) => m.deliverables.map((d) => d.versions));
      expect(versionsOf(after.body)).toEqual(versionsOf(before.body));
      for (const meeting of after.body as {
        meetingId: string;
        deliverables: { subAnalysis: string; versions: Version[] }[];
      }[]) {
        for (const d of meeting.deliverables) {
          for (const v of d.versions) {
            const res = await api(
              tokens[SECRETARIAT],
              'GET',
              `${meetings}/${meeting.meetingId}/deliverables/${d.subAnalysis}/versions/${v.number}`,
            );
            expect([d.subAnalysis, v.number, res.status, sha256(res.bytes)]).toEqual([
              d.subAnalysis,
              v.number,
              200,
              v.sha256,
            ]);
          }
        }
      }
      expect((await versions(JUNE, 'sbv')).map((v) => v.number)).toEqual([1, 2]);
    });

    it('leaves no file and no version when the workflow cannot take the upload', async () => {
      // A meeting whose workflow has stopped: the bytes are stored before the Update fails.
      await eventually(
        async () => (await app.api.get(Meetings).snapshot(id, AUGUST)) !== undefined,
        30_000,
        'the August meeting workflow to write the read model',
      );
      const client = app.api.get<Client>(TEMPORAL_CLIENT);
      await client.workflow.getHandle(meetingWorkflowId(id, AUGUST)).terminate('test: a meeting that has stopped');
      const bytes = await pdfFile('Til et stoppet møde');
      const res = await upload(tokens[SBV_LEAD], AUGUST, 'sbv', [{ name: 'file', value: bytes, filename: 'x.pdf' }]);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/not running/);
      expect(await stored(bytes)).toBe(false);
      expect(await versions(AUGUST, 'sbv')).toEqual([]);
      expect((await storedFiles()).filter((f) => f.includes('.tmp-'))).toEqual([]);
      // Bytes that a version elsewhere holds stay when an upload of the same bytes fails.
      const kept = await first;
      const again = await upload(tokens[SBV_LEAD], AUGUST, 'sbv', [{ name: 'file', value: kept, filename: 'y.pdf' }]);
      expect(again.status).toBe(409);
      expect(await stored(kept)).toBe(true);
      const v1 = await api(tokens[SECRETARIAT], 'GET', `${meetings}/${JUNE}/deliverables/sbv/versions/1`);
      expect(v1.bytes.equals(kept)).toBe(true);
    });

    it('takes no material once the read model says the package is sent, before reading a byte', async () => {
      // The dispatch instant lies months ahead and this server does not skip time, so the
      // meeting's row is written as its workflow writes it after a dispatch (through the
      // same repository method); the workflow's own refusal, and reopening, are tested in
      // workflows/meeting. The API refuses from the read model before it reads a byte.
      const current = (await app.api.get(Meetings).snapshot(id, AUGUST))!;
      const sentAt = new Date().toISOString();
      await app.api.get(ReadModel).recordMeeting({ ...current, version: current.version + 1, package: { sentAt } }, []);
      const late = await pdfFile('For sent');
      const refused = await upload(tokens[SBV_LEAD], AUGUST, 'sbv', [
        { name: 'file', value: late, filename: 'sent.pdf' },
      ]);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/reopen/);
      expect(await stored(late)).toBe(false);
      expect(await versions(AUGUST, 'sbv')).toEqual([]);
    });
  });
});
