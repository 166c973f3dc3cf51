export { createCapabilityService, type CapabilityService } from './capability-service';
export { features, featureOf, type FeatureDef } from './features';
export { explainRefusal, refusalNote, type Refusal } from './refusal';
export { capabilityHandlers } from './capability-handlers';
