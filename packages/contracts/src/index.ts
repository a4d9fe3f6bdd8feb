export * from './common.ts';
export * from './nationalId.ts';
export * from './record.ts';
export * from './planning.ts';
export * from './time.ts';
export * from './accounts.ts';
export * from './surveys.ts';
export * from './organisation.ts';
