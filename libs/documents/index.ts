/**
 * The documents of a committee meeting, built from plain data: the Dagsorden and the
 * Beslutningsprotokol as PDFs, the package zip, the calendar invitation, and the rules
 * for which files are accepted and what they are called. Pulls in pdfkit, yazl and
 * file-type: never import it from workflows/ (outcomes.ts alone is safe there).
 */
export * from './meeting-model';
export * from './outcomes';
export * from './file-types';
export * from './file-names';
export * from './agenda-pdf';
export * from './protocol-pdf';
export * from './package-zip';
export * from './meeting-invitation';
