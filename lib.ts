// What `import ... from "ecs-guardrails"` gives: the rules and the components, never a started policy server.
export { rules, ruleNamed } from "./policy/rules";
export type { Rule, ResourceRule, StackRule, Finding } from "./policy/rules";
export { buildModel, parseImageReference, supportedTypes } from "./policy/model";
export { checkResource, ComplianceError } from "./policy/check";
export * from "./components";
