/**
 * Rendering status reports into documents: the PDF (pdfkit), the chart as PNG (resvg)
 * and the report e-mail. Heavy libraries: never import this from workflows/.
 */
export * from './fonts';
export * from './chart-png';
export * from './report-pdf';
export * from './report-email';
