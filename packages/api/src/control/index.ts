export * from './catalogue.js';
export * as controlSchemas from './schemas.js';
export { type AccountFlag, accountFlagDefaults } from './schemas.js';
