import {
  type EndpointDef,
  type EndpointName,
  type Endpoints,
  endpointList,
  type RequestOf,
  type ResponseOf,
} from '@wxlocal/api';

/** Request fields the client fills in from its own options when they are left out. */
type Filled = 'component_appid';

type Simplify<T> = { [K in keyof T]: T[K] };

/** The request of an endpoint as the catalogue types it, less what the client fills in. */
export type RequestFor<N extends EndpointName> = Simplify<
  Omit<RequestOf<N>, Filled> & Partial<Pick<RequestOf<N>, Filled & keyof RequestOf<N>>>
>;

/** A request with no required field may be left out: `getSearchStatus()`. */
export type Method<N extends EndpointName> =
  Partial<RequestFor<N>> extends RequestFor<N>
    ? (request?: RequestFor<N>) => Promise<ResponseOf<N>>
    : (request: RequestFor<N>) => Promise<ResponseOf<N>>;

/** Endpoints called with the component_access_token. */
export type ComponentMethods = {
  [N in EndpointName as Endpoints[N]['token'] extends 'component' ? N : never]: Method<N>;
};

/** Endpoints called with an authorizer_access_token, on behalf of one authorized account. */
export type AuthorizerMethods = {
  [N in EndpointName as Endpoints[N]['token'] extends 'authorizer' ? N : never]: Method<N>;
};

/** Endpoints that also take an account's own access token. */
export type AccountMethods = {
  [N in EndpointName as Endpoints[N] extends { ownTokenAccepted: true } ? N : never]: Method<N>;
};

/** Endpoints whose request carries its own credentials: the token endpoints. */
export type TokenlessMethods = {
  [N in EndpointName as Endpoints[N]['token'] extends 'none' ? N : never]: Method<N>;
};

/** The same selections at run time, next to their types above so the two stay alike. */
export const selectors = {
  component: (endpoint: EndpointDef) => endpoint.token === 'component',
  authorizer: (endpoint: EndpointDef) => endpoint.token === 'authorizer',
  account: (endpoint: EndpointDef) => endpoint.ownTokenAccepted === true,
  tokenless: (endpoint: EndpointDef) => endpoint.token === 'none',
};

export type Invoke = (endpoint: EndpointDef, request: Record<string, unknown>) => Promise<object>;

/** One method per selected catalogue entry, named by WeChat's interface name. */
export function buildMethods<M>(select: (endpoint: EndpointDef) => boolean, invoke: Invoke): M {
  const methods: Record<string, (request?: Record<string, unknown>) => Promise<object>> = {};
  for (const endpoint of endpointList.filter(select)) {
    methods[endpoint.name] = (request = {}) => invoke(endpoint, request);
  }
  return methods as M;
}
