export * from './catalogue.js';
export * as controlSchemas from './schemas.js';
export { type AccountFlag, accountFlagDefaults, privacyApiNames } from './schemas.js';
