/**
 * Messages for people when a request is refused, in Danish and English, one file per
 * area (common, auth, programmes, …) so that each area's wording has one home.
 */
export * from './said';
export * from './auth';
export * from './temporal';
export * from './sub-analyses';
export * from './calendar';
export * from './meetings';
export * from './reports';
export * from './translations';
export * from './requests';
export * from './rehearsal';
