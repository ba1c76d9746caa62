import { permissionSets } from '../../emulator/src/pages/permission-sets.ts';

/** A permission set's name (as wxlocal's authorization page shows it), by the type of the account. */
export function setName(type: keyof typeof permissionSets | undefined, id: number): string {
  const sets = type
    ? permissionSets[type]
    : [...permissionSets.miniprogram, ...permissionSets.official_account];
  return sets.find((set) => set.id === id)?.name ?? '';
}
