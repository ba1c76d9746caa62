import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Wxlocal } from './embed/start.js';
import { DEMO } from './seed.js';

/**
 * `wxlocal exec`: runs a command against a started emulator, then stops the emulator however the command
 * ended. Answers the exit code to leave with: the command's, 128 + the signal number when a signal ended it
 * (as shells do), 127 when it could not be started (126: found but not executable).
 */
export async function runCommand(wx: Wxlocal, command: string[], demo: boolean): Promise<number> {
  const [file = '', ...args] = command;
  // No shell: the arguments reach the command as given.
  const child = spawn(file, args, { stdio: 'inherit', env: { ...process.env, ...commandEnv(wx, demo) } });
  // The command decides how to end on Ctrl-C or a supervisor's TERM; the emulator outlives it until then.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>((resolve) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        console.error(`wxlocal: cannot run ${file}: ${startProblem(error)}`);
        resolve(error.code === 'EACCES' ? 126 : 127);
      });
      child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    await wx.close();
  }
}

/** What the command finds in its environment: where the emulator is and, with the demo seed, its keys. */
function commandEnv(wx: Wxlocal, demo: boolean): Record<string, string> {
  // Listening on every interface: the command reaches it on loopback.
  const url = wx.url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
  const env: Record<string, string> = { WXLOCAL_URL: url };
  if (wx.adminToken) env.WXLOCAL_ADMIN_TOKEN = wx.adminToken;
  if (demo) {
    Object.assign(env, {
      WXLOCAL_COMPONENT_APPID: DEMO.platform.appid,
      WXLOCAL_COMPONENT_SECRET: DEMO.platform.secret,
      WXLOCAL_MESSAGE_TOKEN: DEMO.platform.message_token,
      WXLOCAL_ENCODING_AES_KEY: DEMO.platform.encoding_aes_key,
      WXLOCAL_OFFICIAL_ACCOUNT_APPID: DEMO.officialAccount.appid,
      WXLOCAL_MINIPROGRAM_APPID: DEMO.miniProgram.appid,
    });
  }
  return env;
}

function startProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such command (not found on PATH)';
  if (error.code === 'EACCES') return 'permission denied (not executable)';
  return error.message;
}
