export { auditControl } from './control.js';
export { decideDueAudits } from './decide.js';
export { auditHandlers } from './handlers.js';
export { AuditStatus, isPending } from './status.js';
