/** The public surface of the functional assessment (IPLOS) module. */
export {};
