/**
 * Programme definitions, plans and schedules. Pure and deterministic, safe to
 * import from Temporal workflow code. File loading lives apart, in
 * './default-programme', and is deliberately not re-exported here.
 */
export * from './calendar';
export * from './dates';
export * from './definition';
export * from './danish';
export * from './validate';
export * from './parse';
export * from './plan';
export * from './schedule';
export * from './instantiate';
export * from './changes';
