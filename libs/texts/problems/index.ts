/**
 * Messages for people when a request is refused, in Danish and English, one file per
 * area (common, auth, programmes, …) so that each area's wording has one home.
 */
export * from './said';
export * from './rehearsal';
