import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Allow, actorName } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { parseBody } from '../common/validation';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import {
  reportDetailSchema,
  reportListSchema,
  reportSummarySchema,
  statusNoteAnswerSchema,
  statusNoteBodySchema,
  statusNoteSchema,
} from '../dtos/report.dto';
import { ReportsService } from './reports.service';

const NO_REPORT = { 404: 'No such programme or report' } as const;
const TEMPORAL_ERRORS = {
  409: 'Not possible now; the message says why (not started, or the programme has ended)',
  503: 'Temporal, which runs the workflows, did not answer; nothing was made',
} as const;

/**
 * The HTML report carries its styles inline and its chart as inline SVG; nothing is
 * fetched or run.
 */
const REPORT_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

@ApiTags('reports')
@Controller('programmes/:id')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('reports')
  @Allow('secretariat')
  @ApiOperation({ summary: 'Make a status report now and send it to the steering group and the secretariat' })
  @ApiJsonResponse(201, reportSummarySchema, 'The report, stored and sent')
  @ApiErrors({ 404: 'No such programme', ...TEMPORAL_ERRORS })
  make(@Param('id') id: string, @Actor() actor: ActorInfo) {
    return this.reports.makeNow(id, actorName(actor));
  }

  @Get('reports')
  @Allow('steering', 'secretariat')
  @ApiOperation({ summary: 'The status reports sent, newest first' })
  @ApiJsonResponse(200, reportListSchema, 'Each report with its links')
  @ApiErrors({ 404: 'No such programme' })
  list(@Param('id') id: string) {
    return this.reports.list(id);
  }

  @Get('reports/:rid.html')
  @Allow('steering', 'secretariat')
  @ApiOperation({ summary: 'A status report as the e-mail showed it, as one HTML document' })
  @ApiOkResponse({ description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(NO_REPORT)
  async html(@Param('id') id: string, @Param('rid') rid: string, @Res() res: Response) {
    const page = await this.reports.html(id, rid);
    res.setHeader('Content-Security-Policy', REPORT_HTML_CSP);
    res.type('html').send(page);
  }

  @Get('reports/:rid.pdf')
  @Allow('steering', 'secretariat')
  @ApiOperation({ summary: 'A status report as the PDF attached to its e-mail' })
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(NO_REPORT)
  async pdf(@Param('id') id: string, @Param('rid') rid: string, @Res() res: Response) {
    const { content, filename } = await this.reports.pdf(id, rid);
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.type('application/pdf').send(content);
  }

  @Get('reports/:rid/timeline.svg')
  @Allow('steering', 'secretariat')
  @ApiOperation({ summary: "A status report's timeline chart, as SVG" })
  @ApiOkResponse({ description: 'SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiErrors(NO_REPORT)
  async reportTimeline(@Param('id') id: string, @Param('rid') rid: string, @Res() res: Response) {
    res.type('image/svg+xml').send(await this.reports.reportTimeline(id, rid));
  }

  @Get('reports/:rid')
  @Allow('steering', 'secretariat')
  @ApiOperation({ summary: 'A status report as it was made and sent (stored, never recomputed)' })
  @ApiJsonResponse(200, reportDetailSchema, 'The report')
  @ApiErrors(NO_REPORT)
  get(@Param('id') id: string, @Param('rid') rid: string) {
    return this.reports.get(id, rid);
  }

  @Get('timeline.svg')
  @Allow('team', 'steering')
  @ApiOperation({ summary: "The programme's timeline now: the status reports' chart, as SVG" })
  @ApiOkResponse({ description: 'SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiErrors({ 404: 'No such programme' })
  async timeline(@Param('id') id: string, @Res() res: Response) {
    const svg = await this.reports.timeline(id);
    res.type('image/svg+xml').send(svg);
  }

  @Get('sub-analyses/:sid/status-note')
  @Allow('team', 'steering')
  @ApiOperation({ summary: "The lead's latest status note for the next report" })
  @ApiJsonResponse(200, statusNoteAnswerSchema, 'The note, or null')
  @ApiErrors({ 404: 'No such programme or sub-analysis' })
  note(@Param('id') id: string, @Param('sid') sid: string) {
    return this.reports.note(id, sid);
  }

  @Post('sub-analyses/:sid/status-note')
  @HttpCode(200)
  @Allow('lead')
  @ApiOperation({ summary: "The lead's own status and one to three sentences, shown in the next status report" })
  @ApiJsonBody(statusNoteBodySchema)
  @ApiJsonResponse(200, statusNoteSchema, 'The note as stored')
  @ApiErrors({ 400: 'The body is not as described', 404: 'No such programme or sub-analysis', ...TEMPORAL_ERRORS })
  giveNote(@Param('id') id: string, @Param('sid') sid: string, @Body() body: unknown, @Actor() actor: ActorInfo) {
    const { status, text } = parseBody(statusNoteBodySchema, body);
    return this.reports.giveNote(id, { subAnalysis: sid, status, text, by: actorName(actor) });
  }
}
