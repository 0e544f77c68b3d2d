export * from './data-source';
export * from './entities/api-token.entity';
export * from './entities/audit-entry.entity';
export * from './entities/programme.entity';
export * from './entities/setting.entity';
