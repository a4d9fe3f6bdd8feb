/** The health module has no surface for other modules: its routes are registered by app.ts. */
export {};
