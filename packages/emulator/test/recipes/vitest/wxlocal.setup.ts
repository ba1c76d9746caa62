import type { TestProject } from 'vitest/node';
import { startWxlocal } from 'wxlocal';

/** One emulator for the whole run: every test file gets its URL and a snapshot of its first state. */
export default async function setup(project: TestProject) {
  const wx = await startWxlocal();
  project.provide('wxlocal', { url: wx.url, snapshot: (await wx.control.snapshots.take()).id });
  return () => wx.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    wxlocal: { url: string; snapshot: string };
  }
}
