/** The statistics module's public surface: the KPR data set (the bench builds it without a request). */
export { buildKprDataset } from './statistics.repository.ts';
export { statisticsRoutes } from './statistics.routes.ts';
