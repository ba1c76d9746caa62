export * from './crypto.js';
export * from './envelope.js';
export * from './xml.js';
