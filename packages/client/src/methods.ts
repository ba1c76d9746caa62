import type { CallOptions } from './call-options.js';
import { endpointTable } from './catalogue.generated.js';
import type { EndpointEntry } from './endpoint-entry.js';

/**
 * Which endpoints each group of methods holds, at run time; the generated interfaces (TokenlessMethods,
 * ComponentMethods, MiniProgramMethods, …) hold the same ones.
 */
export const selectors = {
  tokenless: (endpoint: EndpointEntry) => endpoint.token === 'none',
  component: (endpoint: EndpointEntry) => endpoint.token === 'component' || endpoint.componentTokenAccepted,
  miniProgram: (endpoint: EndpointEntry) =>
    endpoint.token === 'authorizer' && endpoint.accountTypes.includes('miniprogram'),
  officialAccount: (endpoint: EndpointEntry) =>
    endpoint.token === 'authorizer' && endpoint.accountTypes.includes('official_account'),
  authorizer: (endpoint: EndpointEntry) => endpoint.token === 'authorizer',
  account: (endpoint: EndpointEntry) => endpoint.ownTokenAccepted,
};

export type Invoke = (
  endpoint: EndpointEntry,
  request: Record<string, unknown>,
  options: CallOptions | undefined,
) => Promise<object>;

/** One method per selected catalogue entry, named by WeChat's interface name. */
export function buildMethods<M>(select: (endpoint: EndpointEntry) => boolean, invoke: Invoke): M {
  const methods: Record<
    string,
    (request?: Record<string, unknown>, options?: CallOptions) => Promise<object>
  > = {};
  for (const endpoint of Object.values(endpointTable as Record<string, EndpointEntry>).filter(select)) {
    methods[endpoint.name] = (request = {}, options) => invoke(endpoint, request, options);
  }
  return methods as M;
}
