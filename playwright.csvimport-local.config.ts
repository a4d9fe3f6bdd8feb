import base from './playwright.config.ts';
export default { ...base, testDir: '/work/wt/csvimport/e2e', webServer: undefined };
