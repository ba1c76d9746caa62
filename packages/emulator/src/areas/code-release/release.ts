import type { AccountRow, Db } from '../../store/index.js';
import { updateAccount } from '../accounts/store.js';
import { releaseServerDomains } from '../server-domain/index.js';
import { releaseWebviewDomains } from '../webview-domain/index.js';

/**
 * A code release of a Mini Program: its business and server domains set since the last one go in force, and
 * QR-code rules may be published (docs/webview-domain.md §2.1, docs/server-domain.md §5.6). The one path every
 * release takes.
 */
export async function releaseCode(db: Db, miniProgram: AccountRow): Promise<AccountRow> {
  const released = await updateAccount(db, miniProgram, { code_released: true });
  await releaseWebviewDomains(db, released);
  await releaseServerDomains(db, released);
  return released;
}
