export * from './nationalId.ts';
