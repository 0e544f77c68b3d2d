export * from './outbox';
export * from './programme-definitions';
export * from './read-model';
export * from './meetings';
