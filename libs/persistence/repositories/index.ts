export * from './outbox';
export * from './programme-definitions';
export * from './read-model';
export * from './status-reports';
export * from './report-sources';
export * from './meetings';
export * from './idempotent-requests';
export * from './audit-entries';
