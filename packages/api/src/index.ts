export * from './endpoints.js';
export * from './errors.js';
