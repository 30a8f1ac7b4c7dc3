/**
 * Strategy: objectives and key results. Periods (quarter, half, year, custom), key-result
 * and objective progress with a health hint, and the alignment tree. Pure functions only.
 */
export * from './periods.js';
export * from './progress.js';
export * from './tree.js';
