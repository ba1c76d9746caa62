import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** Message fields: strings go out in CDATA, numbers as plain text, as WeChat writes them. */
export type MessageFields = Record<string, string | number>;

const builder = new XMLBuilder({ cdataPropName: '__cdata' });
const parser = new XMLParser({ cdataPropName: '__cdata', parseTagValue: false, processEntities: true });

export function buildXml(fields: MessageFields): string {
  const xml: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    xml[name] = typeof value === 'number' ? value : { __cdata: value };
  }
  return builder.build({ xml });
}

/** The fields of a flat `<xml>…</xml>` message, every value as text. */
export function parseXml(text: string): Record<string, string> {
  const root = parser.parse(text)?.xml;
  if (!root || typeof root !== 'object') throw new Error('not a WeChat XML message');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
    const raw =
      value && typeof value === 'object' && '__cdata' in value
        ? (value as { __cdata: unknown }).__cdata
        : value;
    fields[name] = String(raw ?? '');
  }
  return fields;
}
