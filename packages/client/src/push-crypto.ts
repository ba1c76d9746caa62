/** The message crypto and its XML parser are loaded on the first push, so that importing the client stays light. */
let pushCrypto: Promise<typeof import('@wxlocal/api/push')> | undefined;

export function loadPushCrypto(): Promise<typeof import('@wxlocal/api/push')> {
  pushCrypto ??= import('@wxlocal/api/push');
  return pushCrypto;
}
