/** Injection tokens shared by the API's modules. */
export const CONFIG = Symbol('SporConfig');
export const TEMPORAL_CLIENT = Symbol('TemporalClient');
