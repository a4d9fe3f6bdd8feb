export * from './nationalId.ts';
export * from './record.ts';
