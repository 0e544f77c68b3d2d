/** Rehearsals: the scenario, the people's actions, the trace and its summary. Pure. */
export * from './scenario';
export * from './actions';
export * from './instance';
export * from './trace';
