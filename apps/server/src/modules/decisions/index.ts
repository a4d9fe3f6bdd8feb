/**
 * The decisions module's public surface: the decision repository bound to the actor. Its
 * published read model (service decisions) is decisions.readmodel.ts. Routes are registered by app.ts.
 */
export { DecisionRepository } from './decisions.repository.ts';
