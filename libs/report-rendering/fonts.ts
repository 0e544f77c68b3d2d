/**
 * The fonts every rendered document uses: the meeting documents' DejaVu
 * (libs/documents/pdf-layout.ts), so æøå and the dashes render the same on every
 * machine, with no system fonts involved.
 */
import { DOCUMENT_FONTS } from '../documents/pdf-layout';

export const FONT_FILES = DOCUMENT_FONTS;

/** The family name inside those files, which the SVG asks for first. */
export const FONT_FAMILY_NAME = 'DejaVu Sans';
