/**
 * Status reports as data (the model, the status rules, the outline every medium renders)
 * and the timeline chart as SVG. Pure: no clock, no I/O, no heavy libraries; the PDF and
 * the e-mail with images are in libs/report-rendering.
 */
export * from './rag';
export * from './report-model';
export * from './report-outline';
export * from './timeline-svg';
export * from './format';
