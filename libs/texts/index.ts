/** Every Danish word Spor shows people, by what it describes. */
export * from './labels';
export * from './dates';
export * from './messages';
export * from './history';
export * from './events';
export * from './meetings';
export * from './status-notes';
export * from './problems';
export * from './rehearsal';
