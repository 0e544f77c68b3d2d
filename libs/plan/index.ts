/**
 * Programme definitions, plans and schedules. Pure and deterministic, safe to
 * import from Temporal workflow code. File loading lives apart, in
 * './default-programme', and is deliberately not re-exported here.
 */
export * from './working-days';
export * from './dates';
export * from './definition';
export * from './validate';
export * from './parse';
export * from './plan';
export * from './schedule';
export * from './instantiate';
export * from './changes';
export * from './readiness';
export * from './material';
export * from './event-kinds';
