export * from './roles';
export * from './rules';
export * from './tokens';
export * from './sessions';
