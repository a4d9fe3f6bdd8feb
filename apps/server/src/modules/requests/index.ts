/**
 * The requests module's public surface: nothing others call. Its published read model (service
 * requests, for the trust indicators) is requests.readmodel.ts; its routes are registered by app.ts.
 */
export {};
