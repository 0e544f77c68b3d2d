/**
 * The fonts every rendered document uses: DejaVu (from the dejavu-fonts-ttf package), so
 * æøå and the dashes render the same on every machine, with no system fonts involved.
 */
import * as path from 'node:path';

const TTF_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: path.join(TTF_DIR, 'DejaVuSans.ttf'),
  bold: path.join(TTF_DIR, 'DejaVuSans-Bold.ttf'),
} as const;

/** The family name inside those files, which the SVG asks for first. */
export const FONT_FAMILY_NAME = 'DejaVu Sans';
