import { type TInteger, type TString, Type } from '@sinclair/typebox';

/**
 * A field with a closed set of values. The emulator reads it by its type and judges the value itself (each
 * endpoint has its own errcode for a value outside); the typed client offers only these.
 */
export function Choice<const V extends readonly number[]>(values: V, description: string): TInteger;
export function Choice<const V extends readonly string[]>(values: V, description: string): TString;
export function Choice(values: readonly (number | string)[], description: string): TInteger | TString {
  const options = { enum: [...values], description };
  return typeof values[0] === 'number' ? Type.Integer(options) : Type.String(options);
}
