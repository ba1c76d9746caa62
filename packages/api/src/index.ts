export * from './endpoints.js';
export * from './errors.js';
export * from './push/index.js';
