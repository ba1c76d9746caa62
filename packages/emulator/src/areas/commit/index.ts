import type { Handlers } from '../../core/index.js';
import { commit } from './commit.js';
import { getAllCategoryName, getCodePage, getCodePrivacyInfo, getTrialQRCode } from './reads.js';

export const commitHandlers = {
  commit,
  getCodePage,
  getTrialQRCode,
  getAllCategoryName,
  getCodePrivacyInfo,
} satisfies Partial<Handlers>;
export { pageList, privacyFindings, privacyScanDone } from './trial.js';
