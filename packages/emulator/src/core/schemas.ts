import { Type } from '@sinclair/typebox';

/** Pieces of the control plane's body schemas that every area uses. */
export const Appid = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
/** Control-plane bodies name only known fields. */
export const closed = { additionalProperties: false };
