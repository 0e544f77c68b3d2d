import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { StoredMulterFile } from '../../../activities/files';
import { permits } from '../../../libs/auth';
import { contentDispositionHeader } from '../../../libs/documents/file-names';
import { Acting } from '../auth/audit-recorder';
import { Actor, Allow } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { BadInputException, ProblemException } from '../common/errors';
import { meetingProblems } from '../../../libs/texts/problems';
import { parseBody } from '../common/validation';
import { ApiErrors, ApiJsonBody, ApiJsonResponse, openApiSchema } from '../dtos/openapi';
import {
  agendaItemBodySchema,
  changeMeetingBodySchema,
  decisionsBodySchema,
  deliverableVersionSchema,
  meetingDetailSchema,
  meetingListSchema,
  packageQuerySchema,
  reopenBodySchema,
  requestChangesBodySchema,
  uploadFormSchema,
} from '../dtos/meeting.dto';
import { type Download, MeetingsService } from './meetings.service';
import { DeliverableUploadInterceptor } from './upload.interceptor';

const NO_MEETING = { 404: 'No such programme or meeting' } as const;
const ACTION_ERRORS = {
  404: 'No such programme, meeting, deliverable or agenda item',
  409: 'Not possible now; the message says why (the workflow refused, the programme has not started, …)',
  503: 'Temporal, which runs the workflows, did not answer; nothing was changed',
} as const;
const BINARY = { schema: { type: 'string', format: 'binary' } } as const;

/** Sends a file as a download: its own type, a safe name, and no guessing by the browser. */
async function send(res: Response, file: Download | { bytes: Buffer; fileName: string; contentType: string }) {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDispositionHeader(file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if ('bytes' in file) {
    res.setHeader('Content-Length', String(file.bytes.length));
    res.end(file.bytes);
    return;
  }
  res.setHeader('Content-Length', String(file.size));
  await pipeline(file.stream, res);
}

@ApiTags('meetings')
@Controller('programmes/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'Every committee meeting: dates, deliverables with their versions, agenda, decisions' })
  @ApiJsonResponse(200, meetingListSchema, 'The meetings in date order')
  @ApiErrors({ 404: 'No such programme' })
  list(@Param('id') id: string) {
    return this.meetings.list(id);
  }

  @Get(':mid')
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'One meeting, from the read model (before the programme starts: as planned)' })
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting')
  @ApiErrors(NO_MEETING)
  get(@Param('id') id: string, @Param('mid') mid: string) {
    return this.meetings.get(id, mid);
  }

  @Patch(':mid')
  @Allow('secretariat')
  @ApiOperation({ summary: "Move a meeting's date, time, place or material deadline; reminders and dispatch follow" })
  @ApiJsonBody(changeMeetingBodySchema)
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting after the change')
  @ApiErrors({ 400: 'The body is not as described; every problem by path', ...ACTION_ERRORS })
  change(@Param('id') id: string, @Param('mid') mid: string, @Body() body: unknown, @Acting() acting: Acting) {
    const change = parseBody(changeMeetingBodySchema, body);
    return this.meetings.change(id, mid, { ...change, ...acting });
  }

  @Post(':mid/deliverables/:sid')
  @HttpCode(201)
  @Allow('lead', 'secretariat')
  @UseInterceptors(DeliverableUploadInterceptor)
  @ApiOperation({
    summary: "Hand in a new version of a sub-analysis' material (multipart: field `file`, optional `comment`)",
    description:
      'Accepted by content: PDF, DOCX, XLSX, PPTX, Markdown, plain text; at most MAX_UPLOAD_MB (25 MB unless configured).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: withBinaryFile(openApiSchema(uploadFormSchema, 'input')) })
  @ApiJsonResponse(201, deliverableVersionSchema, 'The new version: number, file name, size, SHA-256')
  @ApiErrors({
    400: 'No file, an empty file, or a form that is not as described',
    413: 'The file is larger than the limit; it was not read further',
    415: 'The content is not an accepted type; the message says what was found',
    ...ACTION_ERRORS,
  })
  submit(
    @Param('id') id: string,
    @Param('mid') mid: string,
    @Param('sid') sid: string,
    @Req() req: { file: StoredMulterFile; body: unknown },
    @Acting() acting: Acting,
  ) {
    return this.meetings.submit(id, mid, sid, req.file.upload, acting, req.body);
  }

  @Get(':mid/deliverables/:sid/versions/:n')
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'A version of the material, byte for byte as handed in' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The file, served as the type found in it', content: { '*/*': BINARY } })
  @ApiErrors({ 400: '`n` is not a whole number', 404: 'No such programme, meeting, deliverable or version' })
  async version(
    @Param('id') id: string,
    @Param('mid') mid: string,
    @Param('sid') sid: string,
    @Param('n') n: string,
    @Res() res: Response,
  ) {
    if (!/^[1-9]\d{0,8}$/.test(n)) throw new BadInputException([{ path: 'n', message: meetingProblems.versionNumber }]);
    await send(res, await this.meetings.version(id, mid, sid, Number(n)));
  }

  @Post(':mid/deliverables/:sid/approve')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Approve the newest version of the material' })
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting after the approval')
  @ApiErrors(ACTION_ERRORS)
  approve(@Param('id') id: string, @Param('mid') mid: string, @Param('sid') sid: string, @Acting() acting: Acting) {
    return this.meetings.approve(id, mid, sid, acting);
  }

  @Post(':mid/deliverables/:sid/request-changes')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Ask the leads for changes to the material; the comment is e-mailed to them' })
  @ApiJsonBody(requestChangesBodySchema)
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting after the request')
  @ApiErrors({ 400: 'No comment', ...ACTION_ERRORS })
  requestChanges(
    @Param('id') id: string,
    @Param('mid') mid: string,
    @Param('sid') sid: string,
    @Body() body: unknown,
    @Acting() acting: Acting,
  ) {
    const { comment } = parseBody(requestChangesBodySchema, body);
    return this.meetings.requestChanges(id, mid, sid, acting, comment);
  }

  @Patch(':mid/items/:sid')
  @Allow('secretariat')
  @ApiOperation({
    summary: "Set an agenda item's title, Baggrund, Indstilling, Metode, Ansvarlig, Tid or place",
    description: "`sid` is a sub-analysis with material for the meeting, or 'godkendelse-af-dagsorden' / 'eventuelt'.",
  })
  @ApiJsonBody(agendaItemBodySchema)
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting with the item changed')
  @ApiErrors({ 400: 'The body is not as described; every problem by path', ...ACTION_ERRORS })
  setItem(
    @Param('id') id: string,
    @Param('mid') mid: string,
    @Param('sid') sid: string,
    @Body() body: unknown,
    @Acting() acting: Acting,
  ) {
    const settings = parseBody(agendaItemBodySchema, body);
    return this.meetings.setAgendaItem(id, mid, sid, settings, acting);
  }

  @Get(':mid/agenda.pdf')
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'The Dagsorden (once the package is sent: the one sent)' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The agenda as PDF', content: { 'application/pdf': BINARY } })
  @ApiErrors(NO_MEETING)
  async agenda(@Param('id') id: string, @Param('mid') mid: string, @Res() res: Response) {
    await send(res, await this.meetings.agenda(id, mid));
  }

  @Get(':mid/package')
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'The meeting package as a zip: the agenda and every approved file' })
  @ApiQuery({ name: 'draft', required: false, description: 'true (secretariat): the package as it would be sent now' })
  @ApiProduces('application/zip')
  @ApiResponse({ status: 200, description: 'The zip', content: { 'application/zip': BINARY } })
  @ApiErrors({ 400: '`draft` is not true or false', 404: 'No such meeting, or the package has not been sent yet' })
  async package(
    @Param('id') id: string,
    @Param('mid') mid: string,
    @Query() query: unknown,
    @Actor() actor: ActorInfo,
    @Res() res: Response,
  ) {
    const draft = parseBody(packageQuerySchema, query).draft === 'true';
    if (draft && !permits(['secretariat'], actor, { programme: id })) {
      throw new ProblemException(403, meetingProblems.draftForSecretariat(id));
    }
    const zip = await this.meetings.package(id, mid, draft);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDispositionHeader(zip.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (zip.size !== undefined) res.setHeader('Content-Length', String(zip.size));
    await pipeline(zip.stream, res);
  }

  @Get(':mid/protocol.pdf')
  @Allow('team', 'committee')
  @ApiOperation({ summary: 'The Beslutningsprotokol, once decisions are recorded' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The protocol as PDF', content: { 'application/pdf': BINARY } })
  @ApiErrors({ 404: 'No such meeting, or no decisions recorded yet' })
  async protocol(@Param('id') id: string, @Param('mid') mid: string, @Res() res: Response) {
    await send(res, await this.meetings.protocol(id, mid));
  }

  @Post(':mid/decisions')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: "Record the committee's decisions; opening outcomes open the gates waiting on the meeting" })
  @ApiJsonBody(decisionsBodySchema)
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting with its decisions')
  @ApiErrors({ 400: 'The body is not as described, or names an item not on the agenda', ...ACTION_ERRORS })
  decisions(@Param('id') id: string, @Param('mid') mid: string, @Body() body: unknown, @Acting() acting: Acting) {
    const { items } = parseBody(decisionsBodySchema, body);
    return this.meetings.recordDecisions(id, mid, { items, ...acting });
  }

  @Post(':mid/reopen')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Let material in again after the package was sent' })
  @ApiJsonBody(reopenBodySchema)
  @ApiJsonResponse(200, meetingDetailSchema, 'The meeting, reopened')
  @ApiErrors({ 400: 'No reason', ...ACTION_ERRORS })
  reopen(@Param('id') id: string, @Param('mid') mid: string, @Body() body: unknown, @Acting() acting: Acting) {
    const { reason } = parseBody(reopenBodySchema, body);
    return this.meetings.reopen(id, mid, reason, acting);
  }
}

/** The upload form's schema with its file marked as binary, as OpenAPI describes a file part. */
function withBinaryFile<T extends { properties?: Record<string, unknown> }>(schema: T): T {
  return { ...schema, properties: { ...schema.properties, file: { type: 'string', format: 'binary' } } };
}
