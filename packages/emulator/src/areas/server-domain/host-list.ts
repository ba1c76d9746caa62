/** A `;`-separated host list: pieces trimmed, empty ones dropped, lower-cased, duplicates removed (first kept). */
export function parseHostList(text: string): string[] {
  const hosts = text
    .split(';')
    .map((piece) => piece.trim().toLowerCase())
    .filter((piece) => piece !== '');
  return [...new Set(hosts)];
}

/** Pool values travel as `;`-joined strings; an empty value is `""`. */
export const joinHosts = (hosts: string[]) => hosts.join(';');
