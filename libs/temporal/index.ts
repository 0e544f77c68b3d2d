export * from './binaries';
export * from './connection';
export * from './dev-server';
export * from './time-skipping';
