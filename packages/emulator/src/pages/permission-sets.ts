import type { AccountType } from '@wxlocal/api';

/**
 * Permission sets (权限集) the authorization page offers, by account type; ids as WeChat numbers them. The web
 * console bundles this table for the browser: it imports types only.
 */
export const permissionSets: Record<AccountType, { id: number; name: string }[]> = {
  official_account: [
    { id: 1, name: 'Message management' },
    { id: 2, name: 'User management' },
    { id: 3, name: 'Account services' },
    { id: 4, name: 'Web services' },
    { id: 5, name: 'WeChat store' },
    { id: 6, name: 'Customer service' },
    { id: 7, name: 'Mass messages and notifications' },
    { id: 8, name: 'Cards and coupons' },
    { id: 9, name: 'Scan' },
    { id: 10, name: 'Wi-Fi' },
    { id: 11, name: 'Material management' },
    { id: 12, name: 'Shake nearby' },
    { id: 13, name: 'Stores' },
    { id: 15, name: 'Custom menus' },
    { id: 22, name: 'City services' },
    { id: 23, name: 'Advertising' },
    { id: 24, name: 'Open Platform account management' },
    { id: 26, name: 'Electronic invoices' },
    { id: 33, name: 'Mini Program management' },
  ],
  miniprogram: [
    { id: 17, name: 'Account management' },
    { id: 18, name: 'Development and data analysis' },
    { id: 19, name: 'Customer service messages' },
    { id: 25, name: 'Open Platform account management' },
    { id: 30, name: 'Basic information' },
    { id: 31, name: 'Verification' },
    { id: 36, name: 'WeRun' },
    { id: 37, name: 'Nearby places' },
    { id: 40, name: 'Plug-in management' },
    { id: 48, name: 'Logistics' },
    { id: 49, name: 'Live streaming' },
  ],
};
