export * from './code-endpoints.js';
export * from './control/index.js';
export * from './endpoints.js';
export * from './errors.js';
export * from './fields.js';
export * from './push/index.js';
