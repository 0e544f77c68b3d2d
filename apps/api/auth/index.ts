export { Actor, Allow, Public } from './decorators';
export type { SporRequest } from './decorators';
export { AuthModule, TOKEN_CREATION_LIMIT } from './auth.module';
export { installAuditRecorder } from './audit-recorder';
export { AuditService } from './audit.service';
export { PeopleDirectory } from './people-directory.service';
export { TokenService } from './token.service';
