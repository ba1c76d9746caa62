import type { Account } from '../../types.ts';
import { QuotaPanel } from '../QuotaPanel.tsx';

/** The account's own API counters, which its authorizer tokens' calls are charged to as well. */
export function QuotaTab({ account }: { account: Account }) {
  return <QuotaPanel owner="accounts" appid={account.appid} />;
}
