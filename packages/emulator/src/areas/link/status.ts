/** Link status (docs/link-miniprogram.md §2.2). */
export const LinkStatus = {
  linked: 1,
  waitingForMiniProgramAdmin: 2,
  refused: 3,
  waitingForOfficialAccountAdmin: 12,
} as const;

/** Statuses that hold a place in the subject quotas and the MP's link limit (a refusal does not). */
export const LIVE_STATUSES: number[] = [
  LinkStatus.linked,
  LinkStatus.waitingForMiniProgramAdmin,
  LinkStatus.waitingForOfficialAccountAdmin,
];
