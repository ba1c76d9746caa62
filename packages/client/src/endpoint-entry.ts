/** One endpoint as the client calls it: the run-time part of the @wxlocal/api catalogue. */
export interface EndpointEntry {
  /** WeChat's interface name. */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  token: 'none' | 'component' | 'authorizer';
  /** The kinds of account whose authorizer token it takes. */
  accountTypes: readonly ('miniprogram' | 'official_account')[];
  /** The account's own access token is accepted too. */
  ownTokenAccepted: boolean;
  /** An authorizer endpoint that takes the component_access_token too, read from `access_token=`. */
  componentTokenAccepted: boolean;
  /** `image`: the answer is a JPEG (`{ image }`); `business`: errcode and errmsg beside the payload. */
  envelope: 'business' | 'payload' | 'image';
  /** The request has a component_appid, which the client fills in when left out. */
  fillsComponentAppid: boolean;
  /** Whether a lost answer may be asked for again: always, for `action: "get"`, or unless `force_refresh`. */
  idempotent: boolean | 'get' | 'unforced';
}
