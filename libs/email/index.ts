/** Spor's e-mail layout and its parts: pure string building, safe to import anywhere. */
export * from './html';
export * from './message';
export * from './layout';
export * from './components';
export * from './notification';
