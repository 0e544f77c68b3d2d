/**
 * SVG → PNG for places that cannot show SVG: the PDF and the e-mail (Outlook draws
 * neither SVG nor remote images, so the chart travels as an inline PNG attachment).
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY_NAME, FONT_FILES } from './fonts';

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Renders at `scale` times the SVG's own size (2 keeps the text sharp when printed). */
export function svgToPng(svg: string, scale = 2): PngImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY_NAME,
    },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
