import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { BadInputException } from '../common/errors';
import { AuditService, AuditView, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT } from './audit.service';
import { ApiErrors, ApiJsonResponse } from '../dtos/openapi';
import { auditListSchema } from '../dtos/audit.dto';
import { Allow } from './decorators';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('programmes/:id/audit')
  @Allow('secretariat')
  @ApiOperation({ summary: "The programme's audit trail: every state-changing request, newest first" })
  @ApiJsonResponse(200, auditListSchema, 'The entries, newest first')
  @ApiErrors({ 400: '`limit` is out of range' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_AUDIT_LIMIT}, default ${DEFAULT_AUDIT_LIMIT}` })
  async programme(@Param('id') id: string, @Query('limit') limit?: unknown): Promise<AuditView[]> {
    return this.audit.list({ programmeId: id, limit: parseLimit(limit) });
  }

  /** Token and people actions belong to no programme; the admin reads them here, with everything else. */
  @Get('audit')
  @Allow('admin')
  @ApiOperation({ summary: 'The whole audit trail, newest first (admin)' })
  @ApiJsonResponse(200, auditListSchema, 'The entries, newest first')
  @ApiErrors({ 400: '`limit` is out of range' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_AUDIT_LIMIT}, default ${DEFAULT_AUDIT_LIMIT}` })
  async all(@Query('limit') limit?: unknown): Promise<AuditView[]> {
    return this.audit.list({ limit: parseLimit(limit) });
  }
}

function parseLimit(raw: unknown): number {
  if (raw === undefined) return DEFAULT_AUDIT_LIMIT;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_AUDIT_LIMIT)) {
    throw new BadInputException([{ path: 'limit', message: `Must be a whole number from 1 to ${MAX_AUDIT_LIMIT}.` }]);
  }
  return n;
}
