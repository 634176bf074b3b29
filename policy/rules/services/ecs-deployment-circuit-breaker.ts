// A failing deployment rolls back instead of replacing tasks forever.
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown } from "../support";

export const deploymentCircuitBreaker: ResourceRule = {
    kind: "resource",
    name: "ecs-deployment-circuit-breaker",
    description: "With the ECS deployment controller, the deployment circuit breaker is on with rollback.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["ecs-guardrails (deployment safety)"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html" },
    appliesTo: ["service"],
    scope: "service",
    remediationSteps: "Set `deploymentCircuitBreaker: { enable: true, rollback: true }` (the remediation does this).",
    config: {},
    check(resource) {
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!isKnown(svc.deploymentController, out)) return out;
        if (svc.deploymentController !== undefined && svc.deploymentController !== "ECS") return notApplicable(`deployment controller ${svc.deploymentController}`);
        if (!isKnown(svc.circuitBreakerEnable, out)) return out;
        if (!isKnown(svc.circuitBreakerRollback, out)) return out;
        if (svc.circuitBreakerEnable !== true || svc.circuitBreakerRollback !== true) {
            out.push({ path: svc.paths.circuitBreaker, message: `The deployment circuit breaker is not on with rollback, so a failing deployment keeps replacing tasks. Set ${svc.paths.circuitBreaker} to { enable: true, rollback: true }.` });
        }
        return out;
    },
    remediate: () => [{ set: "circuitBreaker", value: { enable: true, rollback: true } }],
};
